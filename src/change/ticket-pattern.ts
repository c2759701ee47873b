// The user's `ticket-pattern`, run so that it cannot stall the step. JavaScript's regular expressions
// backtrack: `([A-Z]+-?)+\d+` never finishes on a 35-character title, and `[A-Z]+[A-Z0-9]*-\d+` takes
// seconds on a 4 KB body. Two guards, both loaded only when the input is set:
//
// - V8's linear-time engine (the `l` flag, behind `--enable-experimental-regexp-engine`, set at run time:
//   the runner passes no node flags). It takes patterns without lookarounds, backreferences or large
//   counts, which covers the usual ticket patterns and the usual mistakes in them, and gives the same
//   matches as the backtracking engine. Linear per search is not fast enough by itself: a pattern with
//   a thousand optional groups still takes seconds on 4 KB.
// - A time limit, always: the matching runs inside `vm.runInNewContext` with `timeout`, whose watchdog
//   thread stops even a regular expression mid-search. It costs a few ms; a worker thread, the other way
//   to stop one, costs 60-95 ms to start on 2 vCPU and a bundle-inlined source string.
//
// A pattern that runs out of time, or fails, gives way to the built-in extraction with one warning.
import type * as V8 from 'node:v8';
import { duration } from '../common/log-text.js';
import { extractTickets, findUserKeys, ticketsFromKeys, type Found } from './tickets.js';

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
  const [vm, v8] = await Promise.all([import('node:vm'), import('node:v8')]);
  const runnable = linearCopy(pattern, v8) ?? pattern;
  let keys: Found[][];
  try {
    // The function runs in this realm; the new context only carries the timeout's watchdog.
    keys = vm.runInNewContext('findUserKeys()', { findUserKeys: () => findUserKeys(runnable, texts, rest.max) }, { timeout }) as Found[][];
  } catch (error) {
    const problem =
      (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
        ? `took longer than ${duration(timeout)} on this run's text`
        : `failed on this run's text (${error instanceof Error ? error.name : 'error'})`;
    return { tickets: extractTickets(texts, rest), warning: `Input "ticket-pattern" ${problem}, so the built-in ticket pattern was used. ${FIX}` };
  }
  return { tickets: ticketsFromKeys(texts, keys, rest) };
}

/**
 * More groups than a ticket pattern needs stay on the backtracking engine: the linear engine carries
 * every group's position along each search thread and heeds the time limit only between steps, so a
 * pattern with a thousand groups overran a 100 ms budget by 0.2 s on Node 24 and 1.2 s on Node 20.
 */
const MAX_LINEAR_GROUPS = 20;

/** An upper bound on the pattern's capture groups: every `(` but those of `(?:`, lookarounds. */
function groupsAtMost(source: string): number {
  return source.match(/\((?!\?[:=!]|\?<[=!])/g)?.length ?? 0;
}

/**
 * The pattern for V8's linear-time engine, or undefined when that engine cannot run it (a lookaround,
 * a backreference, a large count, many groups) or this V8 has no such engine. Setting the flag only
 * makes the `l` flag known to later `new RegExp` calls; no other expression changes engine.
 */
function linearCopy(pattern: RegExp, v8: typeof V8): RegExp | undefined {
  if (groupsAtMost(pattern.source) > MAX_LINEAR_GROUPS) return undefined;
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  try {
    return new RegExp(pattern.source, `${pattern.flags.replace(/[gyl]/g, '')}gl`);
  } catch {
    return undefined;
  }
}

