// Ticket extraction: what is found, in which order, what is not, and that adversarial megabyte input
// finishes. Backtracking blocks the thread it runs in, where no test timeout can interrupt it, so the
// adversarial cases run in a worker thread that is terminated at a generous deadline: a quadratic scan
// of 1 MB (about 10^12 steps) misses it by hours, a linear one meets it by seconds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  extractTickets,
  findUserKeys,
  MAX_TICKETS,
  MAX_TICKET_LENGTH,
  USER_PATTERN_TEXT_CHARS,
  ticketsFromKeys,
  USER_PATTERN_TOTAL_CHARS,
  type TicketOptions,
} from '../../src/change/tickets.js';
import { extractTicketsGuarded } from '../../src/change/ticket-pattern.js';

const MB = 1024 * 1024;
const DEADLINE_MS = 20_000;

let bundled: string;
beforeAll(async () => {
  bundled = join(mkdtempSync(join(tmpdir(), 'tickets-')), 'tickets.mjs');
  await build({ entryPoints: ['src/change/tickets.ts'], bundle: true, format: 'esm', platform: 'node', outfile: bundled, logLevel: 'warning' });
});

type UserPatternOptions = TicketOptions & { pattern: RegExp };

/** The user pattern's tickets with no time limit: what the guard gives when the pattern finishes. */
function userPatternTickets(texts: readonly (string | undefined)[], { pattern, ...options }: UserPatternOptions): string[] {
  return ticketsFromKeys(texts, findUserKeys(pattern, texts, options.max), options);
}

/** extractTickets (or, given a pattern, userPatternTickets) in a worker thread, terminated if it has not answered by the deadline. */
async function extractInWorker(texts: string[], options: TicketOptions & { pattern?: RegExp }): Promise<string[]> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const { pattern, ...options } = workerData.options;
     import(workerData.module).then((m) => parentPort.postMessage(pattern
       ? m.ticketsFromKeys(workerData.texts, m.findUserKeys(pattern, workerData.texts, options.max), options)
       : m.extractTickets(workerData.texts, options)));`,
    { eval: true, workerData: { module: pathToFileURL(bundled).href, texts, options } },
  );
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      new Promise<string[]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`extraction did not finish within ${DEADLINE_MS / 1000} s: it backtracks`)), DEADLINE_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

describe('built-in patterns', () => {
  it('finds tracker keys and GitHub references in order of first appearance across texts', () => {
    const tickets = extractTickets(
      ['Fix login timeout (JIRA-1234) (#57)', 'feature/MON-77-session-store', 'Also closes acme/web#9 and ENG_2-42.\nRefs JIRA-1234 again.', 'Cover it in tests, see #12'],
      { repository: 'acme/api' },
    );
    expect(tickets).toEqual(['JIRA-1234', 'acme/api#57', 'MON-77', 'acme/web#9', 'ENG_2-42', 'acme/api#12']);
  });

  it('writes a bare #123 as owner/repo#123, so a bare and a full reference to one issue count once', () => {
    expect(extractTickets(['Fixes #7', 'see acme/api#7'], { repository: 'acme/api' })).toEqual(['acme/api#7']);
    expect(extractTickets(['Fixes #7'])).toEqual(['#7']);
  });

  it('finds keys inside branch names and URLs', () => {
    expect(extractTickets(['JIRA-12-fix-login', 'bugfix/OPS-3_retry', 'https://acme.atlassian.net/browse/PAY-88?focus=1'])).toEqual([
      'JIRA-12',
      'OPS-3',
      'PAY-88',
    ]);
  });

  it('ignores what only looks like a ticket', () => {
    const noise = [
      'Encode as UTF-8, hash with SHA-256, dates in ISO-8601, patch CVE-2024-3094, per RFC-9110',
      'lowercase abc-123, one letter X-1, glued XJIRA1-2a, embedded fooJIRA-1',
      'C#12 and &#123; and page#12 and https://example.com/a/#34',
      'version 1.2-3 and ##',
    ];
    expect(extractTickets(noise, { repository: 'acme/api' })).toEqual([]);
  });

  it('keeps the first 50, unique', () => {
    const text = Array.from({ length: 200 }, (_, i) => `TK-${i % 120}`).join(' ');
    const tickets = extractTickets([text]);
    expect(tickets).toHaveLength(MAX_TICKETS);
    expect(tickets[0]).toBe('TK-0');
    expect(tickets[49]).toBe('TK-49');
  });

  it('stops reading texts once the cap is reached', () => {
    const endless = {
      *[Symbol.iterator]() {
        for (let i = 0; ; i++) yield `KEY-${i}`;
      },
    };
    expect(extractTickets(endless, { max: 3 })).toEqual(['KEY-0', 'KEY-1', 'KEY-2']);
  });

  it('returns each ticket written in a list of keys, in order (property)', () => {
    const key = fc.tuple(fc.constantFrom('JIRA', 'MON', 'ENG', 'PAY2'), fc.integer({ min: 1, max: 99_999 })).map(([p, n]) => `${p}-${n}`);
    fc.assert(
      fc.property(fc.array(key, { maxLength: 40 }), fc.constantFrom(' ', ', ', '\n', ' / '), (keys, separator) => {
        expect(extractTickets([keys.join(separator)])).toEqual([...new Set(keys)]);
      }),
    );
  });

  it('returns only unique substrings of the text, never more than the cap (property)', () => {
    const alphabet = fc.constantFrom('A', 'B', 'Z', 'a', '1', '9', '-', '_', '#', '/', ' ', '.', '&');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: alphabet, maxLength: 200 }), { maxLength: 5 }), (texts) => {
        const tickets = extractTickets(texts, { max: 10 });
        expect(tickets.length).toBeLessThanOrEqual(10);
        expect(new Set(tickets).size).toBe(tickets.length);
        for (const ticket of tickets) expect(texts.some((t) => t.includes(ticket))).toBe(true);
      }),
    );
  });
});

describe('adversarial megabyte input finishes and finds the right thing', () => {
  // Each of these makes a naive pattern (no start anchor, unbounded repetition) retry a long run from
  // every position, which is quadratic: about 10^12 steps for 1 MB.
  const cases: Array<[string, string, string[]]> = [
    ['a key prefix that never gets its dash', 'A'.repeat(MB), []],
    ['a key prefix with a dash but no number', `${'A'.repeat(MB)}-x`, []],
    ['a number that never ends in a boundary', `AB-${'1'.repeat(MB)}x`, []],
    ['dashes and letters alternating', 'AB-'.repeat(MB / 3), []],
    ['keys glued to letters', 'AB-1x'.repeat(MB / 5), []],
    ['an owner/repo that never reaches its #', `a/${'b'.repeat(MB)} #1`, ['acme/api#1']],
    ['slashes without end', 'a/'.repeat(MB / 2), []],
    ['hashes without numbers', '#'.repeat(MB), []],
    ['entity-like references', '&#1'.repeat(MB / 3), []],
    ['a real key after a megabyte of noise', `${'x-'.repeat(MB / 2)} JIRA-42`, ['JIRA-42']],
  ];
  it.each(cases)('%s', async (_name, text, expected) => {
    expect(await extractInWorker([text], { repository: 'acme/api' })).toEqual(expected);
  });

  it('a megabyte of distinct keys stops at the cap', async () => {
    const text = Array.from({ length: 150_000 }, (_, i) => `KEY-${i}`).join(' ');
    expect(text.length).toBeGreaterThan(MB);
    expect(await extractInWorker([text], {})).toEqual(Array.from({ length: MAX_TICKETS }, (_, i) => `KEY-${i}`));
  });
});

describe('ticket-pattern (the user pattern)', () => {
  it('replaces the key pattern; GitHub references are still found', () => {
    const pattern = /\bBUG\d{3,6}\b/g;
    expect(userPatternTickets(['BUG12345 fixes JIRA-1 and #3'], { pattern, repository: 'acme/api' })).toEqual(['BUG12345', 'acme/api#3']);
  });

  it('uses the first group when the pattern has one', () => {
    expect(userPatternTickets(['see [ticket:991] and [ticket:992]'], { pattern: /\[ticket:(\d+)\]/g })).toEqual(['991', '992']);
  });

  it('does not depend on the flags or lastIndex the caller left on the pattern', () => {
    const pattern = /inc-\d+/iy;
    pattern.lastIndex = 5;
    expect(userPatternTickets(['x INC-1 inc-2'], { pattern })).toEqual(['INC-1', 'inc-2']);
  });

  it('skips empty matches and matches longer than a ticket can be', () => {
    expect(userPatternTickets(['abc'], { pattern: /x*/g })).toEqual([]);
    expect(userPatternTickets([`${'Z'.repeat(MAX_TICKET_LENGTH + 1)} ZZ`], { pattern: /Z+/g })).toEqual(['ZZ']);
  });

  it(`runs only on the first ${USER_PATTERN_TEXT_CHARS} characters of a text`, () => {
    const text = `${' '.repeat(USER_PATTERN_TEXT_CHARS - 4)}BUG-1 BUG-2`;
    expect(userPatternTickets([text], { pattern: /BUG-\d/g })).toEqual([]);
    expect(userPatternTickets([text.slice(2)], { pattern: /BUG-\d/g })).toEqual(['BUG-1']);
  });

  it(`runs on at most ${USER_PATTERN_TOTAL_CHARS} characters of all texts together`, () => {
    const filler = ' '.repeat(USER_PATTERN_TEXT_CHARS);
    const texts = [...Array.from({ length: USER_PATTERN_TOTAL_CHARS / USER_PATTERN_TEXT_CHARS }, () => filler), 'BUG-1'];
    expect(userPatternTickets(texts, { pattern: /BUG-\d/g })).toEqual([]);
    expect(userPatternTickets(texts.slice(1), { pattern: /BUG-\d/g })).toEqual(['BUG-1']);
  });

  it('a quadratic user pattern on a megabyte body and a thousand long commit messages finishes', async () => {
    // [A-Z]+\d+x backtracks over every run of capitals: quadratic in the run's length.
    const texts = ['A'.repeat(MB), ...Array.from({ length: 1000 }, () => 'B'.repeat(10_000)), 'Q1x'];
    expect(await extractInWorker(texts, { pattern: /[A-Z]+\d+x/g })).toEqual([]);
  });
});

describe('extractTicketsGuarded: the user pattern cannot stall the step', () => {
  // The patterns on the inputs: a 35-character title, a 4 KB body, a push of 20 long
  // commit messages. Unguarded, the first never finishes and the others take 12 s and 3 minutes.
  const title = 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHI';
  const body = `${'A'.repeat(USER_PATTERN_TEXT_CHARS - 8)} ENG-42`;
  const commits = Array.from({ length: 20 }, () => 'B'.repeat(3_000));
  /** Generous for work that takes milliseconds: a budget only costs time when it runs out. */
  const ROOMY_MS = 5_000;
  /** What a fallback may take beyond its budget (starting the guard, then the built-in extraction). */
  const MARGIN_MS = 2_000;

  async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const start = performance.now();
    const result = await run();
    return { result, ms: performance.now() - start };
  }

  it('without a pattern, is the built-in extraction', async () => {
    expect(await extractTicketsGuarded(['Fix JIRA-1 (#2)'], { pattern: undefined, repository: 'acme/api', budgetMs: ROOMY_MS })).toEqual({
      tickets: ['JIRA-1', 'acme/api#2'],
    });
  });

  it('runs a normal pattern: its first group is the ticket, GitHub references are still found', async () => {
    const result = await extractTicketsGuarded(['see [ticket:991] and JIRA-4, #3', undefined, '[ticket:992]'], {
      pattern: /\[ticket:(\d+)\]/g,
      repository: 'acme/api',
      budgetMs: ROOMY_MS,
    });
    expect(result).toEqual({ tickets: ['991', 'acme/api#3', '992'] });
  });

  it.each([
    ['nested repetition on a PR title', /([A-Z]+-?)+\d+/g, [title, 'feature/OPS-7-x'], ['OPS-']],
    ['a quadratic pattern on a 4 KB body', /[A-Z]+[A-Z0-9]*-\d+/g, [body], ['ENG-42']],
    ['a quadratic pattern on 20 long commit messages', /[A-Z]+[A-Z0-9]*-\d+/g, [...commits, 'Fix PAY-9'], ['PAY-9']],
  ])("%s finishes with the pattern's own matches (linear-time engine)", async (_name, pattern, texts, expected) => {
    expect(await extractTicketsGuarded(texts, { pattern, budgetMs: ROOMY_MS })).toEqual({ tickets: expected });
  });

  it('gives the same matches as the backtracking engine (property)', async () => {
    const patterns = [
      /([A-Z]+-?)+\d+/g,
      /[A-Z]+[A-Z0-9]*-(\d+)/g,
      /\b(?:JIRA|ENG)-\d{1,4}\b/g,
      /([a-z]+)?#(\d+)|[A-Z]{2,}-\d+/g,
      /(?:([A-Z])+-)+\d/g,
      // Syntax RE2 reads otherwise unless spelled out: `\s`, `\S`, `.`, case folding, named groups.
      /(?:fix|close)s?\s+#(\d+)/gi,
      /(?<key>[A-Z]\S*)-\d/g,
      /z(.)-\d/g,
      /[\s#]([A-Z]+-\d+)/g,
      // Syntax RE2 reads otherwise and is left to JavaScript's engine: an empty or full class, `\u`, a lookahead.
      /[^]-\d/g,
      /\u0041-(\d)/g,
      /(?=A)\w+-\d/g,
    ];
    const text = fc.string({ unit: fc.constantFrom('A', 'B', 'z', 'Z', '1', '-', '#', ' ', '\r', '\n', '\u2028', '\u00a0', 'f', 'i', 'x', 's'), maxLength: 24 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...patterns), fc.array(text, { maxLength: 3 }), async (pattern, texts) => {
        const guarded = await extractTicketsGuarded(texts, { pattern, budgetMs: ROOMY_MS });
        expect(guarded).toEqual({ tickets: userPatternTickets(texts, { pattern }) });
      }),
      { numRuns: 100 },
    );
  });

  it('a pattern the linear engine cannot run, stuck on a PR title, gives way to the built-in pattern within its budget', async () => {
    // The lookbehind keeps it on the backtracking engine, where nested repetition never finishes.
    const budgetMs = 200;
    const { result, ms } = await timed(() =>
      extractTicketsGuarded([`${title} JIRA-5 #3`], { pattern: /(?<!x)([A-Z]+-?)+\d+/g, repository: 'acme/api', budgetMs }),
    );
    expect(result.tickets).toEqual(['JIRA-5', 'acme/api#3']);
    expect(result.warning).toBe(
      'Input "ticket-pattern" took longer than 0.2 s on this run\'s text, so the built-in ticket pattern was used. ' +
        'Simplify the pattern: without lookarounds, backreferences and large {n,m} counts it runs in linear time, e.g. "[A-Z]+-\\d+".',
    );
    expect(ms).toBeLessThan(budgetMs + MARGIN_MS);
  });

  it.each([
    ['a thousand optional letters', new RegExp(`${'a?'.repeat(1000)}x`, 'g')],
    ['a thousand optional groups', new RegExp(`${'(a?)'.repeat(1000)}x`, 'g')],
  ])('a pattern slow even in the linear engine gives way too: %s', async (_name, pattern) => {
    // Linear in the text, but up to a thousand steps per character over 64 KB of text. Each text ends in
    // the `x`, so RE2 cannot skip it for lacking a letter every match needs.
    const text = `${'a'.repeat(USER_PATTERN_TEXT_CHARS - 1)}x`;
    const texts = [...Array.from({ length: USER_PATTERN_TOTAL_CHARS / USER_PATTERN_TEXT_CHARS }, () => text), 'MON-1'];
    const budgetMs = 100;
    const { result, ms } = await timed(() => extractTicketsGuarded(texts, { pattern, budgetMs }));
    expect(result.tickets).toEqual(['MON-1']);
    expect(result.warning).toMatch(/^Input "ticket-pattern" took longer than 0.1 s on this run's text/);
    expect(ms).toBeLessThan(budgetMs + MARGIN_MS);
  });

  it('changes no setting of the process: a later regular expression is what it would have been', async () => {
    // V8's own linear engine would need --enable-experimental-regexp-engine, which makes the `l` flag known process-wide.
    await extractTicketsGuarded(['JIRA-1'], { pattern: /([A-Z]+-?)+\d+/g, budgetMs: ROOMY_MS });
    const linearFlag = 'l';
    expect(() => new RegExp('a', linearFlag)).toThrow(SyntaxError);
  });

  it('the budget decides: the same slow pattern finishes with room and gives way without', async () => {
    // Backtracks 2^21 times on 20 letters: tens of ms, far above 1 ms and far below ROOMY_MS.
    const pattern = /(?<!x)(a+)+b/g;
    const texts = ['a'.repeat(20), 'aab OPS-2'];
    expect(await extractTicketsGuarded(texts, { pattern, budgetMs: ROOMY_MS })).toEqual({ tickets: ['aa'] });
    const starved = await extractTicketsGuarded(texts, { pattern, budgetMs: 1 });
    expect(starved.tickets).toEqual(['OPS-2']);
    expect(starved.warning).toMatch(/took longer than 1 ms/);
  });

  it('a pattern V8 fails to compile at run time gives way instead of failing the step', async () => {
    // 10,000 nested groups: the backtracking compiler overflows its stack (Node 24) or takes seconds (Node 20).
    const pattern = new RegExp(`(?=a)${'(?:'.repeat(10_000)}a${')*'.repeat(10_000)}`, 'g');
    const result = await extractTicketsGuarded(['aaa JIRA-1'], { pattern, budgetMs: 300 });
    expect(result.tickets).toEqual(['JIRA-1']);
    expect(result.warning).toMatch(/^Input "ticket-pattern" (failed on this run's text \(SyntaxError\)|took longer than 0.3 s)/);
  });
});
