// Ticket extraction time on adversarial inputs of growing size: the table shows time per character
// staying flat as the input grows 64-fold (linear), beside a naive key pattern whose time per character
// grows with the input (quadratic). Run: `node bench/tickets.mjs`, or import runTicketsBench().
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

async function loadExtractTickets() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tickets-'));
  const outfile = join(dir, 'tickets.mjs');
  await build({ absWorkingDir: ROOT, entryPoints: ['src/tickets.ts'], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'warning' });
  const module = await import(pathToFileURL(outfile).href);
  rmSync(dir, { recursive: true, force: true });
  return module.extractTickets;
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
  const extractTickets = await loadExtractTickets();
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
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runTicketsBench();
