// User text inside an error line: escaped so it can neither break the line nor disguise it.

/** Characters that end or disguise a log line: C0 and C1 controls, line and paragraph separators, bidi controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text (a parser's message, which may quote the input) made safe for one log line, and shortened. */
export function oneLine(text: string, max = 200): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return shown.replace(/\r?\n/g, ' ').replace(UNSAFE, escape);
}

/** A user value quoted for an error line: JSON-escaped, the rest of the unsafe characters too, shortened. */
export function quote(value: string, max = 60): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown).replace(UNSAFE, escape);
}
