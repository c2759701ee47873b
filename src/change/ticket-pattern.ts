// The user's `ticket-pattern`, run so that it cannot stall the step. JavaScript's regular expressions
// backtrack: `([A-Z]+-?)+\d+` never finishes on a 35-character title, and `[A-Z]+[A-Z0-9]*-\d+` takes
// seconds on a 4 KB body. Two guards, both loaded only when the input is set:
//
// - RE2's linear-time engine (the `re2js` package, pure JavaScript, in dist/re2js.cjs of its own like
//   the YAML parser). It runs the syntax both engines read alike (sharedSyntax below), which covers the
//   usual ticket patterns and the usual mistakes in them, and gives the same matches as JavaScript's
//   engine. A pattern outside it (a lookaround, a backreference, a `\u` escape, a count over 1,000) runs
//   on JavaScript's engine. Nothing here changes a process-wide setting: V8's own linear engine would
//   need a V8 flag set at run time, which changes every later regular expression of the process.
//   Linear per search is not fast enough by itself: a pattern with a thousand optional groups is still
//   a thousand steps per character.
// - A time limit, always: the compiling and matching run inside `vm.runInNewContext` with `timeout`,
//   whose watchdog thread stops any JavaScript mid-search, RE2's loop and a backtracking regular
//   expression alike. A worker thread, the other way to stop one, costs far more to start
//   (BENCHMARKS.md, ticket-pattern).
//
// A pattern that runs out of time, or fails, gives way to the built-in extraction with one warning.
import { duration } from '../common/log-text.js';
import { extractTickets, findUserKeys, ticketsFromKeys, type Found, type UserMatcher } from './tickets.js';

export interface GuardedTicketOptions {
  /** The user's `ticket-pattern`; without it, the built-in extraction runs as usual. */
  pattern: RegExp | undefined;
  /** `owner/repo` of the run (see TicketOptions). */
  repository?: string | undefined;
  /** Milliseconds the pattern may run, over all texts together: what is left of the step's budget. */
  budgetMs: number;
  /** At most this many tickets (default MAX_TICKETS). */
  max?: number | undefined;
}

export interface GuardedTickets {
  tickets: string[];
  /** Set when the user pattern was given up for the built-in one: a line for the log. */
  warning?: string;
}

/** vm's timeout is a positive 32-bit count of ms. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

const FIX = 'Simplify the pattern: without lookarounds, backreferences and large {n,m} counts it runs in linear time, e.g. "[A-Z]+-\\d+".';

/**
 * The tickets in `texts`, with the user pattern when it finishes within `budgetMs`, else with the
 * built-in patterns and a warning. `texts` is read twice at most: pass an array.
 */
export async function extractTicketsGuarded(texts: readonly (string | undefined)[], options: GuardedTicketOptions): Promise<GuardedTickets> {
  const { pattern, budgetMs, ...rest } = options;
  if (!pattern) return { tickets: extractTickets(texts, rest) };
  const timeout = Math.min(MAX_TIMEOUT_MS, Math.max(1, Math.ceil(budgetMs) || 1));
  const re2Source = sharedSyntax(pattern);
  const [vm, re2] = await Promise.all([import('node:vm'), re2Source === undefined ? undefined : import('re2js')]);
  const runnable = () => (re2 && re2Source !== undefined && re2Matcher(re2.RE2JS, re2Source, pattern.flags)) || pattern;
  let keys: Found[][];
  try {
    // The function runs in this realm; the new context only carries the timeout's watchdog.
    keys = vm.runInNewContext('findUserKeys()', { findUserKeys: () => findUserKeys(runnable(), texts, rest.max) }, { timeout }) as Found[][];
  } catch (error) {
    const problem =
      (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
        ? `took longer than ${duration(timeout)} on this run's text`
        : `failed on this run's text (${error instanceof Error ? error.name : 'error'})`;
    return { tickets: extractTickets(texts, rest), warning: `Input "ticket-pattern" ${problem}, so the built-in ticket pattern was used. ${FIX}` };
  }
  return { tickets: ticketsFromKeys(texts, keys, rest) };
}

type RE2JSClass = typeof import('re2js').RE2JS;

/** The pattern compiled by RE2, or undefined when RE2 refuses it (a count over 1,000, nesting too deep). */
function re2Matcher(RE2JS: RE2JSClass, source: string, flags: string): UserMatcher | undefined {
  let compiled;
  try {
    compiled = RE2JS.compile(source, (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('s') ? RE2JS.DOTALL : 0));
  } catch {
    return undefined;
  }
  const hasGroup = compiled.groupCount() >= 1;
  return function* re2Matches(text: string): Generator<Found> {
    const matcher = compiled.matcher(text);
    while (matcher.find()) {
      const ticket = (hasGroup ? matcher.group(1) : null) ?? matcher.group() ?? '';
      if (ticket !== '') yield { index: matcher.start(), ticket };
    }
  };
}

/** JavaScript's `\s` (WhiteSpace and LineTerminator), spelled for RE2, which reads `\s` as ASCII space only. */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** JavaScript's `.` without the `s` flag: anything but a line terminator (RE2's `.` stops only at \n). */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
/** Escapes that mean the same in both engines (digits, word characters, boundaries, control characters). */
const SAME_ESCAPES = new Set(['d', 'D', 'w', 'W', 'b', 'B', 'n', 'r', 't', 'f']);

/**
 * The pattern's source in RE2's syntax, when every construct in it means the same there: escaped
 * punctuation and SAME_ESCAPES; `\s`, `\S` and `.` spelled out as JavaScript reads them; groups that are
 * plain, `(?:…)` or named. Undefined for anything else (lookarounds, backreferences, `\u`, `\p`, classes
 * RE2 reads apart such as `[]…]` or `[[:alpha:]]`, the `m`, `u` with `i`, or `v` flags), which stays on
 * JavaScript's engine.
 */
function sharedSyntax(pattern: RegExp): string | undefined {
  if (/[mv]/.test(pattern.flags) || (pattern.flags.includes('u') && pattern.flags.includes('i'))) return undefined;
  const source = pattern.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      const next = source[++i];
      if (next === undefined) return undefined;
      if (next === 's' || next === 'S') {
        if (inClass && next === 'S') return undefined;
        out += inClass ? JS_SPACE : next === 's' ? `[${JS_SPACE}]` : `[^${JS_SPACE}]`;
      } else if (SAME_ESCAPES.has(next) && !(inClass && (next === 'b' || next === 'B'))) {
        out += `\\${next}`;
      } else if (/^[!-/:-@[-`{-~]$/.test(next)) {
        out += `\\${next}`;
      } else {
        return undefined;
      }
    } else if (inClass) {
      if (char === '[' && source[i + 1] === ':') return undefined;
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      // `[]` and `[^]` are an empty and a full class in JavaScript, the start of a longer class in RE2.
      const body = source[i + 1] === '^' ? source[i + 2] : source[i + 1];
      if (body === ']') return undefined;
      inClass = true;
      out += char;
      if (source[i + 1] === '^') out += source[++i];
    } else if (char === '(' && source[i + 1] === '?') {
      if (source[i + 2] !== ':' && !(source[i + 2] === '<' && /[A-Za-z_$]/.test(source[i + 3] ?? ''))) return undefined;
      out += char;
    } else if (char === '.' && !pattern.flags.includes('s')) {
      out += JS_DOT;
    } else {
      out += char;
    }
  }
  return out;
}
