// `npm run bench`: start-up time and peak memory of the bundled main step sending one event to a loopback
// OpsTrails, beside the `node -e 0` floor and, when TRACK_EVENT_PATH names a local copy of
// OpsTrails/track-event v1, beside the action this one replaces. Also bundle sizes and how time grows with
// the webhook payload. Figures and how to read them: BENCHMARKS.md.
//
// Why a script and not a timed test: timings on shared machines are noisy; a table read by a person
// (medians of interleaved runs) is honest, a threshold in CI would be flaky.
//
// Environment: BENCH_RUNS (default 15) runs per variant; BENCH_ONLY=lookups (only the GitHub lookups); TRACK_EVENT_PATH (the track-event checkout,
// holding dist/index.js).
//
// The GitHub lookups (what shipped since the previous deploy) are measured apart: the push path with
// no token (no lookup, the API client never loaded) beside the same step with a token against a loopback
// GitHub API (scripts/loopback-github.mjs) answering at once or after 100 ms per round trip.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startLoopbackGitHub } from '../scripts/loopback-github.mjs';
import { startLoopbackOpsTrails } from '../scripts/loopback-opstrails.mjs';
import { pushRunnerEnv } from '../scripts/push-runner-env.mjs';
import { node24 } from './step-runner.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 15));
const KEY = 'ot_bench_readwrite_0123456789';
const PAYLOAD_SIZES = [
  ['10 KB', 10 * 1024],
  ['1 MB', 1024 * 1024],
  // Under the 25 MiB the step reads at most (GitHub's own cap on webhook payloads).
  ['20 MB', 20 * 1024 * 1024],
];

const work = mkdtempSync(join(tmpdir(), 'event-action-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// Peak memory and CPU time are read inside the child, at its exit, by a preloaded file:
// getrusage(RUSAGE_SELF) is the child's own, with no wrapper process counted, and it works wherever Node
// does (no /usr/bin/time). CPU time (user + system, all threads) varies less than wall time on a busy
// machine. This runs in a separate pass, so the timed runs carry no preload at all.
const USAGE_PRELOAD = join(work, 'usage.cjs');
writeFileSync(
  USAGE_PRELOAD,
  `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(u)); });\n`,
);

/** A push to main in the shape GitHub sends, grown with commits to about `bytes` of JSON. */
function pushPayload(bytes) {
  const template = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/payloads/push.json'), 'utf8'));
  const commits = [];
  let size = JSON.stringify(template).length;
  for (let i = 1; size < bytes; i++) {
    const id = i.toString(16).padStart(8, '0').repeat(5);
    const commit = {
      ...template.head_commit,
      id,
      message: `Move billing table part ${i} to the new store (MIG-${i}, OPS-${(i % 7) + 1})\n\n${'Details of the change. '.repeat(8)}`,
      url: `https://github.com/Codertocat/Hello-World/commit/${id}`,
      added: [`migrations/${i}.sql`],
      modified: ['src/billing/store.ts', 'src/billing/store.test.ts'],
    };
    commits.push(commit);
    size += JSON.stringify(commit).length + 1;
  }
  const head = commits.at(-1) ?? template.head_commit;
  return { ...template, after: head.id, commits: commits.length ? commits : template.commits, head_commit: head };
}

function writePayload(name, bytes) {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(pushPayload(bytes)));
  return path;
}

/** What a hosted runner sets for a push (scripts/push-runner-env.mjs), plus the inputs both actions understand. */
function stepEnv(apiUrl, eventPath) {
  return {
    ...pushRunnerEnv(JSON.parse(readFileSync(eventPath, 'utf8')), eventPath, work),
    // Hyphens kept, as the runner sets them. No github-token: the pull request lookup would leave the machine.
    'INPUT_API-KEY': KEY,
    'INPUT_API-URL': apiUrl,
    INPUT_TYPE: 'deployment',
    INPUT_SUBJECT: 'PRODUCTION',
    INPUT_SEVERITY: 'MINOR',
    INPUT_VERSION: '1.2.3',
    INPUT_DESCRIPTION: 'Deploy 1.2.3 to production',
  };
}

/** One child run: wall time from spawn to exit as the parent sees it, and its exit status. */
function runOnce(command, args, env) {
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) if (env[name]) writeFileSync(env[name], '');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, output }));
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs every variant RUNS times, round-robin (the order rotating each round), so a slow spell of the
 * machine hits every variant alike; one unmeasured warm-up round fills the file cache first.
 * A variant that sends must exit 0 and deliver exactly one event per run, or the bench stops.
 */
async function measure(variants, server) {
  const results = new Map(variants.map((v) => [v.name, { ms: [], kb: [], cpu: [] }]));
  const check = (variant, run, before, asked) => {
    // A lookup variant sends exactly the requests BENCHMARKS.md states for it, or the bench stops.
    if (variant.api && variant.api.requests.length - asked !== variant.requests) {
      throw new Error(`${variant.name}: ${variant.api.requests.length - asked} GitHub requests, ${variant.requests} expected:\n${variant.api.requests.slice(asked).join('\n')}`);
    }
    if (run.code !== 0 || (variant.sends && server.received.length !== before + 1)) {
      throw new Error(`${variant.name} failed (exit ${run.code}, ${server.received.length - before} events received):\n${run.output}`);
    }
    const problem = variant.verify?.(run.output, server.received.at(-1)?.event);
    if (problem) throw new Error(`${variant.name}: ${problem}:\n${run.output}`);
  };
  for (let round = -1; round < RUNS; round++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(i + Math.max(round, 0)) % variants.length];
      let before = server.received.length;
      let asked = variant.api?.requests.length ?? 0;
      const timed = await runOnce(variant.node, variant.args, variant.env);
      check(variant, timed, before, asked);
      if (round < 0) continue;
      results.get(variant.name).ms.push(timed.ms);
      const usageFile = join(work, 'usage.json');
      before = server.received.length;
      asked = variant.api?.requests.length ?? 0;
      const used = await runOnce(variant.node, ['--require', USAGE_PRELOAD, ...variant.args], { ...variant.env, BENCH_USAGE_FILE: usageFile });
      check(variant, used, before, asked);
      const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      results.get(variant.name).kb.push(usage.maxRSS);
      results.get(variant.name).cpu.push((usage.userCPUTime + usage.systemCPUTime) / 1000);
    }
  }
  return new Map([...results].map(([name, { ms, kb, cpu }]) => [name, { ms: median(ms), min: Math.min(...ms), mb: median(kb) / 1024, cpu: median(cpu) }]));
}

function nodeVersion(path) {
  return new Promise((resolve) => {
    const child = spawn(path, ['--version']);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('close', () => resolve(out.trim()));
  });
}

const fmt = (n, digits = 1) => n.toFixed(digits);
const pad = (cells, widths) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  return [pad(header, widths), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => pad(r, widths))].join('\n');
}

/**
 * The push path with and without the GitHub lookups, on one runtime (the one action.yml declares, when
 * installed). Each lookup variant must find what the loopback API holds and print no notice.
 */
async function measureLookups(runtime, server, payloadPath) {
  const event = { ...JSON.parse(readFileSync(payloadPath, 'utf8')), before: '00000001'.repeat(5) };
  const eventPath = join(work, 'push-lookups.json');
  writeFileSync(eventPath, JSON.stringify(event));
  const apis = await Promise.all([0, 100].map((latencyMs) => startLoopbackGitHub({ latencyMs, head: event.after })));
  try {
    const base = stepEnv(server.url, eventPath);
    delete base.INPUT_SUBJECT;
    const withLookups = (api, extra = {}) => ({ ...base, GITHUB_API_URL: api.url, 'INPUT_GITHUB-TOKEN': 'ghs_bench_0123456789', ...extra });
    const found = (foundBy) => (output, sent) =>
      output.includes('::notice::') ? 'a lookup failed' : sent?.data?.previous?.found_by !== foundBy ? `the previous deploy was not found by ${foundBy}` : undefined;
    // A tag run: the previous tag of its line among 3,200 tags on four lines (800 each, 100 to a page).
    const tagRun = (api, tag) => withLookups(api, { GITHUB_REF: `refs/tags/${tag}`, GITHUB_REF_NAME: tag, GITHUB_REF_TYPE: 'tag' });
    const deploying = (api) => withLookups(api, { INPUT_ENVIRONMENT: 'production', GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/deploy.yml@refs/heads/main' });
    const variants = [
      { name: 'no token', env: base },
      { name: 'push, 0 ms', api: apis[0], env: withLookups(apis[0]), verify: found('push'), trips: 1, requests: 3 },
      { name: 'push, 100 ms', api: apis[1], env: withLookups(apis[1]), verify: found('push'), trips: 1, requests: 3 },
      { name: 'deployments, 0 ms', api: apis[0], env: deploying(apis[0]), verify: found('deployment'), trips: 2, requests: 5 },
      { name: 'deployments, 100 ms', api: apis[1], env: deploying(apis[1]), verify: found('deployment'), trips: 2, requests: 5 },
      // The same minor holds the previous tag: one page of each prefix.
      { name: 'tag api-v3.19.5, 0 ms', api: apis[0], env: tagRun(apis[0], 'api-v3.19.5'), verify: found('tag'), trips: 2, requests: 6 },
      { name: 'tag api-v3.19.5, 100 ms', api: apis[1], env: tagRun(apis[1], 'api-v3.19.5'), verify: found('tag'), trips: 2, requests: 6 },
      // A new major: its own prefixes hold nothing before it, so the whole line's 8 pages are read.
      { name: 'tag api-v3.0.0, 0 ms', api: apis[0], env: tagRun(apis[0], 'api-v3.0.0'), verify: found('tag'), trips: 3, requests: 14 },
      { name: 'tag api-v3.0.0, 100 ms', api: apis[1], env: tagRun(apis[1], 'api-v3.0.0'), verify: found('tag'), trips: 3, requests: 14 },
    ].map((variant) => ({ ...variant, node: runtime.path, args: [join(DIST, 'main.cjs')], sends: true }));
    const r = await measure(variants, server);
    const none = r.get('no token');
    console.log(`\nWhat shipped: the push path with the GitHub lookups (${runtime.name}, dist/main.cjs; medians; loopback GitHub API answering after 0 or 100 ms)`);
    // Medians and minimums: on a shared machine the minimum wall time shows the path's own cost best.
    const over = (a, b) => `${a - b >= 0 ? '+' : ''}${fmt(a - b)}`;
    console.log(table(['lookups', 'requests', 'round trips', 'wall ms', 'min wall ms', 'CPU ms', 'peak MB', 'min wall over no token', 'that minus the round trips'], variants.map((variant) => {
      const m = r.get(variant.name);
      const latency = variant.name.includes('100 ms') ? 100 : 0;
      const requests = variant.requests ?? 0;
      const extra = m.min - none.min;
      return [variant.name, requests, variant.trips ?? 0, fmt(m.ms), fmt(m.min), fmt(m.cpu), fmt(m.mb), over(m.min, none.min), variant.trips ? over(extra, latency * variant.trips) : ''];
    })));
    console.log('(GitHub API requests: counted on every run, each as the table says)');
  } finally {
    await Promise.all(apis.map((api) => api.close()));
  }
}

async function main() {
  const mainBundle = join(DIST, 'main.cjs');
  if (!existsSync(mainBundle)) throw new Error('dist/main.cjs is missing: run npm run package first.');
  const trackEventDir = process.env.TRACK_EVENT_PATH;
  const trackEvent = trackEventDir ? join(trackEventDir, 'dist/index.js') : undefined;
  if (trackEvent && !existsSync(trackEvent)) throw new Error(`TRACK_EVENT_PATH has no dist/index.js: ${trackEvent}`);

  const runtimes = [{ name: `node${process.versions.node.split('.')[0]}`, path: process.execPath }];
  const node24Runtime = node24();
  if (node24Runtime.path !== process.execPath) runtimes.push({ name: 'node24', path: node24Runtime.path });

  const server = await startLoopbackOpsTrails();
  try {
    console.log(`Machine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown CPU'}; ${process.platform} ${process.arch}`);
    console.log(`Runtimes: ${(await Promise.all(runtimes.map((r) => nodeVersion(r.path)))).join(', ')}; ${RUNS} runs per variant, medians\n`);

    console.log('Bundle sizes');
    const bundles = readdirSync(DIST).filter((f) => f.endsWith('.cjs')).sort();
    console.log(table(['file', 'bytes', 'gzip bytes'], bundles.map((f) => {
      const content = readFileSync(join(DIST, f));
      return [`dist/${f}`, statSync(join(DIST, f)).size, gzipSync(content).length];
    })));
    if (trackEvent) console.log(`(track-event v1 dist/index.js: ${statSync(trackEvent).size} bytes)`);

    const smallPayload = writePayload('push-10kb', 10 * 1024);
    // BENCH_ONLY=lookups: only the cost of the GitHub lookups (what shipped), for a change to them alone.
    if (process.env.BENCH_ONLY === 'lookups') return void (await measureLookups(runtimes.at(-1), server, smallPayload));
    const env = stepEnv(server.url, smallPayload);
    console.log('\nOne event to a loopback OpsTrails (medians; wall time spawn -> exit as the parent sees it; CPU time and peak RSS of the child)');
    // All runtimes and variants in one interleaved measurement, so the comparisons across runtimes hold too.
    const variants = runtimes.flatMap((runtime) => [
      { name: `${runtime.name} floor`, node: runtime.path, args: ['-e', '0'], env, sends: false },
      // Loading node:tls is most of what any HTTPS client pays at start (on Node 24 more than `node -e 0`
      // itself); this action loads it even for the loopback's http:// URL, as real runs need it.
      { name: `${runtime.name} tls`, node: runtime.path, args: ['-e', "require('node:https')"], env, sends: false },
      { name: `${runtime.name} main`, node: runtime.path, args: [mainBundle], env, sends: true },
      ...(trackEvent ? [{ name: `${runtime.name} track-event`, node: runtime.path, args: [trackEvent], env, sends: true }] : []),
    ]);
    const r = await measure(variants, server);
    const rows = [];
    const verdicts = [];
    for (const runtime of runtimes) {
      const floor = r.get(`${runtime.name} floor`);
      const ours = r.get(`${runtime.name} main`);
      const theirs = r.get(`${runtime.name} track-event`);
      const row = (label, m, vsMain) => [runtime.name, label, fmt(m.ms), fmt(m.min), fmt(m.cpu), fmt(m.mb), `${fmt(m.ms / floor.ms, 2)}x`, vsMain];
      rows.push(row('node -e 0 (floor)', floor, ''));
      rows.push(row("node -e \"require('node:https')\"", r.get(`${runtime.name} tls`), ''));
      rows.push(row('dist/main.cjs', ours, ''));
      if (theirs) rows.push(row('track-event v1', theirs, `${fmt(theirs.ms / ours.ms, 2)}x main`));
      verdicts.push(`${runtime.name}: main / floor ${fmt(ours.ms / floor.ms, 2)} (target <= 1.6: ${ours.ms / floor.ms <= 1.6 ? 'met' : 'MISSED'})` +
        (theirs ? `; track-event / main ${fmt(theirs.ms / ours.ms, 2)} (target >= 2.5: ${theirs.ms / ours.ms >= 2.5 ? 'met' : 'MISSED'})` : ''));
    }
    console.log(table(['node', 'variant', 'wall ms', 'min wall ms', 'CPU ms', 'peak MB', 'wall vs floor', 'track-event vs main'], rows));
    for (const line of verdicts) console.log(line);
    // As the runner runs them: this action on node24 (its action.yml), track-event v1 on node20 (its own).
    const shipped = r.get('node24 main');
    const incumbent = r.get('node20 track-event');
    if (shipped && incumbent) {
      const ratio = incumbent.ms / shipped.ms;
      console.log(`as shipped: track-event v1 on node20 / main on node24 ${fmt(ratio, 2)} (target >= 2.5: ${ratio >= 2.5 ? 'met' : 'MISSED'})`);
    }

    await measureLookups(runtimes.at(-1), server, smallPayload);

    console.log('\nGrowth with the GITHUB_EVENT_PATH payload (dist/main.cjs)');
    const growthRows = [];
    const paths = PAYLOAD_SIZES.map(([label, bytes]) => ({ label, path: writePayload(`push-${bytes}`, bytes) }));
    for (const runtime of runtimes) {
      const variants = paths.map(({ label, path }) => ({ name: label, node: runtime.path, args: [mainBundle], env: stepEnv(server.url, path), sends: true }));
      const r = await measure(variants, server);
      let previous;
      for (const [label, bytes] of PAYLOAD_SIZES) {
        const { ms, mb, cpu } = r.get(label);
        // ms per MB between this size and the previous one: roughly constant when growth is linear.
        const slope = previous ? fmt((ms - previous.ms) / ((bytes - previous.bytes) / 1048576), 2) : '';
        growthRows.push([runtime.name, label, fmt(ms), fmt(cpu), fmt(mb), slope]);
        previous = { ms, bytes };
      }
    }
    console.log(table(['node', 'payload', 'wall ms', 'CPU ms', 'peak MB', 'wall ms per added MB'], growthRows));
  } finally {
    await server.close();
  }

  const tickets = join(ROOT, 'bench/tickets.mjs');
  if (existsSync(tickets)) {
    console.log('\nbench/tickets.mjs');
    const run = await new Promise((resolve) => spawn(process.execPath, [tickets], { stdio: 'inherit' }).on('close', resolve));
    if (run !== 0) throw new Error(`bench/tickets.mjs exited with ${run}`);
  }
}

await main();
