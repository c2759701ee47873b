// Ticket extraction time on adversarial inputs of growing size: the table shows time per character
// staying flat as the input grows 64-fold (linear), beside a naive key pattern whose time per character
// grows with the input (quadratic). Then the guarded user pattern (ticket-pattern): what the guard costs
// to start, and how long catastrophic patterns take under it, finishing or giving way at their budget.
// Run: `node tools/node24/run.mjs bench/tickets.mjs` (under Node 24, the runner's; `npm run bench` runs
// it last), or import runTicketsBench().
//
// Why a table and not a test: wall time on a shared machine is noisy; the unit tests assert results on
// megabyte inputs under a deadline, this shows the growth for a person to read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;
const SIZES = [64 * KB, 256 * KB, 1024 * KB, 4096 * KB];
/** The naive pattern is quadratic: 64 KB already takes seconds, 1 MB would take most of an hour. */
const NAIVE_SIZES = [8 * KB, 16 * KB, 32 * KB, 64 * KB];
const RUNS = 5;

/** Inputs that make a backtracking scan retry long runs from every position. */
const ADVERSARIES = {
  'capitals, no dash': (n) => 'A'.repeat(n),
  'key, endless number': (n) => `AB-${'1'.repeat(n - 4)}x`,
  'owner/ never reaching #': (n) => `a/${'b'.repeat(n - 5)} #1`,
  'keys glued to letters': (n) => 'AB-1x'.repeat(Math.ceil(n / 5)).slice(0, n),
  'ordinary prose with keys': (n) => 'Fix the login timeout, see JIRA-1234 and #57. '.repeat(Math.ceil(n / 46)).slice(0, n),
};

const NAIVE_KEY = /[A-Z][A-Z0-9_]+-\d+(?![A-Za-z0-9])/g;

async function loadModules() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tickets-'));
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/change/tickets.ts', 'src/change/ticket-pattern.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  const tickets = await import(pathToFileURL(join(dir, 'tickets.mjs')).href);
  const guard = await import(pathToFileURL(join(dir, 'ticket-pattern.mjs')).href);
  rmSync(dir, { recursive: true, force: true });
  return { extractTickets: tickets.extractTickets, extractTicketsGuarded: guard.extractTicketsGuarded };
}

/** The budget the step gives the pattern by default, and a smaller one to show a fallback without waiting 5 s. */
const DEFAULT_BUDGET_MS = 5_000;
const FALLBACK_BUDGET_MS = 1_000;
const TITLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHI';
const BODY = 'A'.repeat(4 * KB);
const PUSH = Array.from({ length: 20 }, () => 'B'.repeat(3 * KB));

/** [what, pattern, texts, budget]: the cases, then patterns that only the time limit stops. */
const GUARDED_CASES = [
  ['([A-Z]+-?)+\\d+ on a 35-char PR title (unguarded: never ends)', /([A-Z]+-?)+\d+/g, [TITLE], DEFAULT_BUDGET_MS],
  ['[A-Z]+[A-Z0-9]*-\\d+ on a 4 KB PR body (unguarded: 12-30 s)', /[A-Z]+[A-Z0-9]*-\d+/g, [BODY], DEFAULT_BUDGET_MS],
  ['[A-Z]+[A-Z0-9]*-\\d+ on 20 commits of 3 KB (unguarded: minutes)', /[A-Z]+[A-Z0-9]*-\d+/g, PUSH, DEFAULT_BUDGET_MS],
  ['(?<!x)([A-Z]+-?)+\\d+ on the title (not RE2: lookbehind)', /(?<!x)([A-Z]+-?)+\d+/g, [TITLE], FALLBACK_BUDGET_MS],
  ['a?{1000}x on 4 KB of a then x (RE2)', new RegExp(`${'a?'.repeat(1000)}x`, 'g'), [`${'a'.repeat(4 * KB - 1)}x`], FALLBACK_BUDGET_MS],
  ['(a?){1000}x on 4 KB of a then x (RE2, 1000 groups)', new RegExp(`${'(a?)'.repeat(1000)}x`, 'g'), [`${'a'.repeat(4 * KB - 1)}x`], FALLBACK_BUDGET_MS],
  ['a?{1000}x on 16 texts of 4 KB of a then x (RE2, 64 KB)', new RegExp(`${'a?'.repeat(1000)}x`, 'g'), Array.from({ length: 16 }, () => `${'a'.repeat(4 * KB - 1)}x`), FALLBACK_BUDGET_MS],
];

async function medianMsAsync(run, runs = RUNS) {
  await run();
  const times = [];
  for (let i = 0; i < runs; i++) times.push((await timeOnce(run)).ms);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function timeOnce(run) {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

async function guardedBench(extractTickets, extractTicketsGuarded, log) {
  const texts = ['Fix the login timeout (JIRA-1234)', 'feature/JIRA-1234-login', 'See #57.'];
  const first = await timeOnce(() => extractTicketsGuarded(texts, { pattern: /[A-Z]+-\d+/g, budgetMs: DEFAULT_BUDGET_MS }));
  const warm = await medianMsAsync(() => extractTicketsGuarded(texts, { pattern: /[A-Z]+-\d+/g, budgetMs: DEFAULT_BUDGET_MS }));
  const builtIn = medianMs(() => extractTickets(texts));
  log('');
  log(`The guarded user pattern (ticket-pattern), ${process.version}, one run each unless marked.`);
  log('');
  log('| what | ms |');
  log('|---|---:|');
  log(`| built-in extraction, no ticket-pattern (median of ${RUNS}) | ${builtIn.toFixed(2)} |`);
  log(`| guard, first call: loads node:vm and re2js (in dist/, dist/re2js.cjs) | ${first.ms.toFixed(1)} |`);
  log(`| guard, later calls: a new vm context each (median of ${RUNS}) | ${warm.toFixed(1)} |`);
  log('');
  log('| pattern and text | budget ms | ms | outcome |');
  log('|---|---:|---:|---|');
  for (const [what, pattern, caseTexts, budgetMs] of GUARDED_CASES) {
    const { result, ms } = await timeOnce(() => extractTicketsGuarded(caseTexts, { pattern, budgetMs }));
    log(`| ${what} | ${budgetMs} | ${ms.toFixed(1)} | ${result.warning ? 'gave way to the built-in pattern' : 'finished'} |`);
  }
}

function medianMs(run, runs = RUNS) {
  run();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const nsPerChar = (ms, n) => ((ms * 1e6) / n).toFixed(1);

export async function runTicketsBench(log = console.log) {
  const { extractTickets, extractTicketsGuarded } = await loadModules();
  log(`Ticket extraction, median of ${RUNS} runs after a warm-up (ns per character: flat means linear)`);
  log('');
  log('| input | size | ms | ns/char |');
  log('|---|---:|---:|---:|');
  for (const [name, make] of Object.entries(ADVERSARIES)) {
    for (const size of SIZES) {
      const text = make(size);
      const ms = medianMs(() => extractTickets([text], { repository: 'acme/api' }));
      log(`| ${name} | ${size / KB} KB | ${ms.toFixed(1)} | ${nsPerChar(ms, size)} |`);
    }
  }
  log('');
  log(`For contrast, a naive key pattern ${NAIVE_KEY} on capitals with no dash (one run each): time x4 per doubling.`);
  log('');
  log('| size | naive ms | naive ns/char | extractTickets ms |');
  log('|---:|---:|---:|---:|');
  for (const size of NAIVE_SIZES) {
    const text = ADVERSARIES['capitals, no dash'](size);
    const naiveMs = medianMs(() => [...text.matchAll(NAIVE_KEY)].length, 1);
    const ms = medianMs(() => extractTickets([text]));
    log(`| ${size / KB} KB | ${naiveMs.toFixed(1)} | ${nsPerChar(naiveMs, size)} | ${ms.toFixed(2)} |`);
  }
  await guardedBench(extractTickets, extractTicketsGuarded, log);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runTicketsBench();
