// The first line of a commit message or a title, as the event lists it.
import { shorten } from './log-text.js';

/** Longest commit line, pull request title or branch name kept, so one long line cannot eat the budget. */
export const MAX_LINE = 200;

/** The first line of a commit message or title, trimmed and shortened. */
export function firstLine(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const end = message.search(/[\r\n]/);
  const line = (end === -1 ? message : message.slice(0, end)).trim();
  return line === '' ? undefined : shorten(line, MAX_LINE);
}
