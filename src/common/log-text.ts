// Text the action did not write (user values, payload text, server answers) made safe for one line of
// the runner's log: it can neither end the line, nor disguise it, nor become a workflow command.

/** Characters that end or disguise a log line: C0 and C1 controls, line and paragraph separators, bidi controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The runner runs `::name::` at the start of a line and the older `##[name]` anywhere in a line. A zero
 * width space between the two characters keeps the text readable and no longer a command.
 */
export function defuseCommands(line: string): string {
  return line.replace(/##\[/g, '#\u200b#[').replace(/^(\s*):/, '$1\u200b:');
}

/** Cuts text to at most `max` characters, marking the cut with an ellipsis and never splitting a surrogate pair. */
export function shorten(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

/** Text (a parser's or a server's message, which may quote the input) made safe for one log line, and shortened. */
export function oneLine(textValue: string, max = 200): string {
  return defuseCommands(shorten(textValue, max).replace(/\r?\n/g, ' ').replace(UNSAFE, escape).trim());
}

/** A user value quoted for an error line: JSON-escaped, the rest of the unsafe characters too, shortened. */
export function quote(value: string, max = 60): string {
  return defuseCommands(JSON.stringify(shorten(value, max)).replace(UNSAFE, escape));
}

/** Whether text is one line of printable characters: nothing `oneLine` would have to escape or join. */
export function isPrintableLine(text: string): boolean {
  return !new RegExp(UNSAFE.source).test(text);
}

/** A wait or a time limit for a log line: milliseconds below a tenth of a second (0 is "0 s"), seconds up to ten minutes, then minutes, hours, a day. */
export function duration(ms: number): string {
  if (ms > 0 && ms < 100) return `${Math.round(ms)} ms`;
  if (ms <= 600_000) return `${Math.round(ms / 100) / 10} s`;
  if (ms < 3600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 24 * 3600_000) return `${Math.round(ms / 360_000) / 10} h`;
  return 'a day or more';
}

/**
 * An elapsed time as a person compares it: `45 s`, `12 min`, `5 h 12 min`, `2 days`. Coarser than
 * `duration`, which states waits and time limits to the millisecond.
 */
export function span(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return plural(Math.floor(hours / 24), 'day');
}

/** `1 commit`, `3 commits`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
