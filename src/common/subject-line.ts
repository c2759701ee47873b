// The first line of a commit message or a title, and how many commits and pull requests an event lists.
import { shorten } from './log-text.js';

/** Longest commit line, pull request title or branch name kept, so one long line cannot eat the budget. */
export const MAX_LINE = 200;

/** Commits and pull requests listed on the event; each list's `count` says how many there were in all. */
export const MAX_LISTED = 20;

/** The first line of a message, trimmed, at any length: for matching GitHub's subjects before it is shortened. */
export function subjectOf(message: string): string {
  const end = message.search(/[\r\n]/);
  return (end === -1 ? message : message.slice(0, end)).trim();
}

/** The first line of a commit message or title, trimmed and shortened to MAX_LINE; undefined when empty. */
export function firstLine(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const line = subjectOf(message);
  return line === '' ? undefined : shorten(line, MAX_LINE);
}
