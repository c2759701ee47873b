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
  MAX_TICKETS,
  MAX_TICKET_LENGTH,
  USER_PATTERN_TEXT_CHARS,
  USER_PATTERN_TOTAL_CHARS,
  type TicketOptions,
} from '../../src/tickets.js';

const MB = 1024 * 1024;
const DEADLINE_MS = 20_000;

let bundled: string;
beforeAll(async () => {
  bundled = join(mkdtempSync(join(tmpdir(), 'tickets-')), 'tickets.mjs');
  await build({ entryPoints: ['src/tickets.ts'], bundle: true, format: 'esm', platform: 'node', outfile: bundled, logLevel: 'warning' });
});

/** extractTickets in a worker thread, terminated if it has not answered by the deadline. */
async function extractInWorker(texts: string[], options: TicketOptions): Promise<string[]> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.module).then((m) => parentPort.postMessage(m.extractTickets(workerData.texts, workerData.options)));`,
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
    expect(extractTickets(['BUG12345 fixes JIRA-1 and #3'], { pattern, repository: 'acme/api' })).toEqual(['BUG12345', 'acme/api#3']);
  });

  it('uses the first group when the pattern has one', () => {
    expect(extractTickets(['see [ticket:991] and [ticket:992]'], { pattern: /\[ticket:(\d+)\]/g })).toEqual(['991', '992']);
  });

  it('does not depend on the flags or lastIndex the caller left on the pattern', () => {
    const pattern = /inc-\d+/iy;
    pattern.lastIndex = 5;
    expect(extractTickets(['x INC-1 inc-2'], { pattern })).toEqual(['INC-1', 'inc-2']);
  });

  it('skips empty matches and matches longer than a ticket can be', () => {
    expect(extractTickets(['abc'], { pattern: /x*/g })).toEqual([]);
    expect(extractTickets([`${'Z'.repeat(MAX_TICKET_LENGTH + 1)} ZZ`], { pattern: /Z+/g })).toEqual(['ZZ']);
  });

  it(`runs only on the first ${USER_PATTERN_TEXT_CHARS} characters of a text`, () => {
    const text = `${' '.repeat(USER_PATTERN_TEXT_CHARS - 4)}BUG-1 BUG-2`;
    expect(extractTickets([text], { pattern: /BUG-\d/g })).toEqual([]);
    expect(extractTickets([text.slice(2)], { pattern: /BUG-\d/g })).toEqual(['BUG-1']);
  });

  it(`runs on at most ${USER_PATTERN_TOTAL_CHARS} characters of all texts together`, () => {
    const filler = ' '.repeat(USER_PATTERN_TEXT_CHARS);
    const texts = [...Array.from({ length: USER_PATTERN_TOTAL_CHARS / USER_PATTERN_TEXT_CHARS }, () => filler), 'BUG-1'];
    expect(extractTickets(texts, { pattern: /BUG-\d/g })).toEqual([]);
    expect(extractTickets(texts.slice(1), { pattern: /BUG-\d/g })).toEqual(['BUG-1']);
  });

  it('a quadratic user pattern on a megabyte body and a thousand long commit messages finishes', async () => {
    // [A-Z]+\d+x backtracks over every run of capitals: quadratic in the run's length.
    const texts = ['A'.repeat(MB), ...Array.from({ length: 1000 }, () => 'B'.repeat(10_000)), 'Q1x'];
    expect(await extractInWorker(texts, { pattern: /[A-Z]+\d+x/g })).toEqual([]);
  });
});
