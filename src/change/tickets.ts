// Ticket references out of free text: pull request title and body, branch names, commit messages.
// Pure, and linear in the length of the text for the built-in patterns, because that text is written
// by anyone who can open a pull request and may be megabytes long.
//
// Why the built-in patterns cannot backtrack badly: each one may only start where the character before
// is not one it could itself consume (a lookbehind), so inside a run of letters or digits only the first
// position is ever tried; and every repetition is bounded ({1,29}, {0,38}…), so a failing try gives up
// after a few dozen steps. Each character is therefore looked at a bounded number of times.

/** More than this many tickets on one event is noise, not context. */
export const MAX_TICKETS = 50;

/** A match longer than this is not a ticket reference (a user pattern run wild); it is skipped. */
export const MAX_TICKET_LENGTH = 100;

/**
 * A user's `ticket-pattern` is an arbitrary regular expression, and JavaScript's engine backtracks:
 * a pattern like `[A-Z]+\d+-?\d*` takes time growing with the square of the text's length, so a 1 MB
 * pull request body would stall the step for minutes. Running it on at most these many characters of
 * each text, and of all texts together, bounds that time; ticket references sit near the start of a
 * title, branch, body or commit message anyway. A pattern with nested repetition such as `(a+)+b` can
 * still be slow on short text, where no length bound helps: ticket-pattern.ts runs the pattern in a
 * linear-time engine (RE2) where it can, and under a time limit always.
 */
export const USER_PATTERN_TEXT_CHARS = 4_096;
export const USER_PATTERN_TOTAL_CHARS = 65_536;

/**
 * Issue keys as Jira, Linear, YouTrack and most trackers write them: a project key (an upper-case
 * letter, then 1-29 upper-case letters, digits or `_`), a dash, a number: `JIRA-1234`, `MON-7`, `ENG_2-42`.
 * Found in branch names too (`feature/JIRA-1234-login`), hence `/` and `-` may precede and follow.
 */
const KEY = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]{1,29}-[0-9]{1,12}(?![A-Za-z0-9])/g;

/**
 * Words that look like keys but name standards, not tickets: `UTF-8`, `SHA-256`, `ISO-8601`,
 * `CVE-2024-…` (whose number would be cut at the year), `RFC-9110`.
 */
const NOT_PROJECT_KEYS = new Set(['UTF', 'SHA', 'ISO', 'AES', 'RSA', 'CVE', 'RFC', 'HTTP', 'TLS', 'SSL', 'IPV', 'ECMA', 'ES', 'MD', 'GPT']);

/**
 * GitHub references: `#123` and `owner/repo#123` (owner up to 39 characters, repository up to 100, as
 * GitHub allows). Not after `&` (`&#123;` is an HTML entity) nor inside a word, a path or a URL fragment.
 */
const GITHUB_REF = /(?<![A-Za-z0-9_./&#-])(?:([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9_.-]{1,100}))?#([0-9]{1,9})(?![A-Za-z0-9_])/g;

export interface TicketOptions {
  /** `owner/repo` of the run: a bare `#123` is written `owner/repo#123`, so it means the same anywhere. */
  repository?: string | undefined;
  /** At most this many tickets (default MAX_TICKETS). */
  max?: number | undefined;
}

/** A ticket found in one text, and where: the key and GitHub reference streams merge by position. */
export interface Found {
  index: number;
  ticket: string;
}

/**
 * The unique ticket references in `texts`, in order of first appearance (texts in the order given,
 * each read from start to end), at most `max`, with the built-in patterns. Undefined texts are skipped.
 * A user's `ticket-pattern` runs only through ticket-pattern.ts, under a time limit.
 */
export function extractTickets(texts: Iterable<string | undefined>, options: TicketOptions = {}): string[] {
  return collectTickets(texts, (text) => keyMatches(text), options);
}

/**
 * A user pattern compiled by another engine (ticket-pattern.ts: RE2): its matches in a text, in order,
 * each the first group's text, else the whole match, as for a RegExp; empty ones left out.
 */
export type UserMatcher = (text: string) => Iterable<Found>;

/**
 * The user pattern's matches in each text (an empty list for an undefined one), read within the
 * USER_PATTERN_* bounds, and per text no more than extraction can use: once a text has given `max`
 * distinct tickets, no later match in it can make the list. This is the one place the user pattern runs.
 */
export function findUserKeys(pattern: RegExp | UserMatcher, texts: readonly (string | undefined)[], max = MAX_TICKETS): Found[][] {
  const matchesIn = typeof pattern === 'function' ? pattern : regExpMatcher(globalCopy(pattern));
  let userBudget = USER_PATTERN_TOTAL_CHARS;
  return texts.map((text) => {
    if (!text || userBudget <= 0) return [];
    const bounded = text.slice(0, Math.min(USER_PATTERN_TEXT_CHARS, userBudget));
    userBudget -= bounded.length;
    const found: Found[] = [];
    const distinct = new Set<string>();
    for (const match of matchesIn(bounded)) {
      found.push(match);
      if (match.ticket.length <= MAX_TICKET_LENGTH) distinct.add(match.ticket);
      if (distinct.size >= max) break;
    }
    return found;
  });
}

/** Tickets from the user pattern's matches in each text (from findUserKeys), merged with GitHub references. */
export function ticketsFromKeys(texts: readonly (string | undefined)[], keys: readonly (readonly Found[])[], options: TicketOptions = {}): string[] {
  return collectTickets(texts, (_text, i) => (keys[i] ?? [])[Symbol.iterator](), options);
}

function collectTickets(
  texts: Iterable<string | undefined>,
  keysIn: (text: string, position: number) => Iterator<Found>,
  options: TicketOptions,
): string[] {
  const max = options.max ?? MAX_TICKETS;
  const tickets = new Set<string>();
  let position = -1;
  for (const text of texts) {
    position++;
    if (tickets.size >= max) break;
    if (!text) continue;
    for (const ticket of inOrder(keysIn(text, position), githubRefs(text, options.repository))) {
      if (ticket.length > MAX_TICKET_LENGTH) continue;
      tickets.add(ticket);
      if (tickets.size >= max) break;
    }
  }
  return [...tickets];
}

/** A fresh global, non-sticky copy: matchAll needs `g`, and the caller's lastIndex must not leak in. */
function globalCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}g`);
}

function* keyMatches(text: string): Iterator<Found> {
  for (const match of text.matchAll(KEY)) {
    const project = match[0].slice(0, match[0].indexOf('-'));
    if (!NOT_PROJECT_KEYS.has(project)) yield { index: match.index, ticket: match[0] };
  }
}

function regExpMatcher(pattern: RegExp): UserMatcher {
  return function* userMatches(text: string): Generator<Found> {
    for (const match of text.matchAll(pattern)) {
      const ticket = match[1] ?? match[0];
      if (ticket !== '') yield { index: match.index, ticket };
    }
  };
}

function* githubRefs(text: string, repository: string | undefined): Iterator<Found> {
  for (const match of text.matchAll(GITHUB_REF)) {
    const [, owner, repo, number] = match;
    const where = owner && repo ? `${owner}/${repo}` : repository;
    yield { index: match.index, ticket: where ? `${where}#${number}` : `#${number}` };
  }
}

/** Merges two position-ordered match streams by position, lazily, so a capped search stops early. */
function* inOrder(a: Iterator<Found>, b: Iterator<Found>): Generator<string> {
  let nextA = a.next();
  let nextB = b.next();
  while (!nextA.done || !nextB.done) {
    const takeA = !nextA.done && (nextB.done || nextA.value.index <= nextB.value.index);
    const found = takeA ? nextA.value : (nextB.value as Found);
    if (takeA) nextA = a.next();
    else nextB = b.next();
    yield found.ticket;
  }
}
