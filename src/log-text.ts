// User text inside an error line: escaped so it can neither break the line, disguise it, nor become a
// runner command.

/** Characters that end or disguise a log line: C0 and C1 controls, line and paragraph separators, bidi controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The runner runs `##[name]` anywhere in a line: escaping the bracket leaves the text readable and inert. */
const disarm = (text: string) => text.replace(UNSAFE, escape).replace(/##\[/g, '##\\u005b');

/**
 * Text (a parser's message, a server's answer, which may quote the input) made safe for one log line, and
 * shortened. A leading `::` is escaped too, in case the text ends up at the start of a line.
 */
export function oneLine(text: string, max = 200): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return disarm(shown.replace(/\r?\n/g, ' ')).replace(/^(\s*):/, '$1\\u003a');
}

/** A user value quoted for an error line: JSON-escaped, the rest of the unsafe characters too, shortened. */
export function quote(value: string, max = 60): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return disarm(JSON.stringify(shown));
}

/** Whether text is one line of printable characters: nothing `oneLine` would have to escape or join. */
export function isPrintableLine(text: string): boolean {
  return !new RegExp(UNSAFE.source).test(text);
}
