// `npm run bench`: start-up time and peak memory of the bundled main step sending one event to a loopback
// OpsTrails, under Node 24 (the runtime action.yml declares), beside two floors: `node -e 0`, and the bare
// script (bench/bare-step.cjs: node:https, one CloudEvent, one POST, one output). With TRACK_EVENT_PATH
// naming a local copy of OpsTrails/track-event v1, beside the action this one replaces, under Node 24
// too. And the post step of a job without track-job, the bundle sizes, the GitHub lookups and how time
// grows with the webhook payload. Figures and how to read them: BENCHMARKS.md.
//
// Why a script and not a timed test: timings on shared machines are noisy; a table read by a person
// (medians of interleaved runs, with the machine's load printed before and after) is honest, a
// threshold in CI would be flaky.
//
// Environment: BENCH_RUNS (default 15) runs per variant; TRACK_EVENT_PATH (the track-event checkout,
// holding dist/index.js); BENCH_STARTUP_ONLY=1 stops after the start-up table; BENCH_ONLY=lookups measures
// the GitHub lookups alone.
//
// The GitHub lookups (what shipped since the previous deploy) are measured apart: the push path with
// no token (no lookup, the API client never loaded) beside the same step with a token against a loopback
// GitHub API (scripts/loopback-github.mjs) answering at once or after 100 ms per round trip.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
 * installed). Each lookup variant has a loopback GitHub of its own, so its requests are counted per run;
 * each must find what the API holds and print no notice.
 */
async function measureLookups(runtime, server, payloadPath) {
  const event = { ...JSON.parse(readFileSync(payloadPath, 'utf8')), before: '00000001'.repeat(5) };
  const eventPath = join(work, 'push-lookups.json');
  writeFileSync(eventPath, JSON.stringify(event));
  // Deployments of this workflow (GITHUB_WORKFLOW_REF names the file whose runs made them).
  const deploying = { INPUT_ENVIRONMENT: 'production', GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/deploy.yml@refs/heads/main' };
  // A tag run: the previous tag of its line among 3,200 tags on four lines (800 each, 100 to a page).
  const tagRun = (tag) => ({ GITHUB_REF: `refs/tags/${tag}`, GITHUB_REF_NAME: tag, GITHUB_REF_TYPE: 'tag' });
  const cases = [
    { name: 'push, 30 commits, 0 ms', latencyMs: 0, foundBy: 'push', trips: 1 },
    { name: 'push, 30 commits, 100 ms', latencyMs: 100, foundBy: 'push', trips: 1 },
    { name: 'deployments, 30 commits, 0 ms', latencyMs: 0, foundBy: 'deployment', trips: 2, env: deploying },
    { name: 'deployments, 30 commits, 100 ms', latencyMs: 100, foundBy: 'deployment', trips: 2, env: deploying },
    { name: 'deployments, 1,000 commits, 0 ms', latencyMs: 0, rangeLength: 1000, foundBy: 'deployment', trips: 3, env: deploying },
    { name: 'deployments, 1,000 commits, 100 ms', latencyMs: 100, rangeLength: 1000, foundBy: 'deployment', trips: 3, env: deploying },
    { name: 'deployments, 1,500 commits (1,000 read), 100 ms', latencyMs: 100, rangeLength: 1500, foundBy: 'deployment', trips: 3, env: deploying },
    // No workspace history: the commits list's path filter, one request beside the later pages.
    { name: 'deployments, 1,000 commits, paths via the API, 100 ms', latencyMs: 100, rangeLength: 1000, foundBy: 'deployment', trips: 3, env: { ...deploying, INPUT_PATHS: 'services/api/**' } },
    // The same minor holds the previous tag: one page of each prefix.
    { name: 'tag api-v3.19.5, 100 ms', latencyMs: 100, foundBy: 'tag', trips: 2, env: tagRun('api-v3.19.5') },
    // A new major: its own prefixes hold nothing before it, so the whole line's 8 pages are read.
    { name: 'tag api-v3.0.0, 100 ms', latencyMs: 100, foundBy: 'tag', trips: 3, env: tagRun('api-v3.0.0') },
    { name: 'tag api-v3.0.0, 1,000 commits, 100 ms', latencyMs: 100, rangeLength: 1000, foundBy: 'tag', trips: 4, env: tagRun('api-v3.0.0') },
  ];
  const apis = await Promise.all(cases.map(({ latencyMs, rangeLength }) => startLoopbackGitHub({ latencyMs, head: event.after, rangeLength })));
  try {
    const base = stepEnv(server.url, eventPath);
    delete base.INPUT_SUBJECT;
    const found = (foundBy) => (output, sent) =>
      output.includes('::notice::') ? 'a lookup failed' : sent?.data?.previous?.found_by !== foundBy ? `the previous deploy was not found by ${foundBy}` : undefined;
    const variants = [
      { name: 'no token', env: base },
      ...cases.map((c, i) => ({ ...c, env: { ...base, GITHUB_API_URL: apis[i].url, 'INPUT_GITHUB-TOKEN': 'ghs_bench_0123456789', ...c.env }, verify: found(c.foundBy) })),
    ].map((variant) => ({ ...variant, node: runtime.path, args: [join(DIST, 'main.cjs')], sends: true }));
    const r = await measure(variants, server);
    const none = r.get('no token');
    console.log(`\nWhat shipped: the push path with the GitHub lookups (${runtime.name}, dist/main.cjs; medians; loopback GitHub API answering after 0 or 100 ms)`);
    // Medians and minimums: on a shared machine the minimum wall time shows the path's own cost best.
    const over = (a, b) => `${a - b >= 0 ? '+' : ''}${fmt(a - b)}`;
    console.log(table(['lookups', 'requests', 'round trips', 'wall ms', 'min wall ms', 'CPU ms', 'peak MB', 'min wall over no token', 'that minus the round trips'], variants.map((variant) => {
      const m = r.get(variant.name);
      const index = cases.indexOf(cases.find((c) => c.name === variant.name));
      // Each run is measured twice (wall time, then CPU and memory), after one warm-up round.
      const requests = index === -1 ? 0 : apis[index].requests.length / (2 * RUNS + 1);
      const extra = m.min - none.min;
      return [variant.name, requests, variant.trips ?? 0, fmt(m.ms), fmt(m.min), fmt(m.cpu), fmt(m.mb), over(m.min, none.min), variant.trips ? over(extra, (variant.latencyMs ?? 0) * variant.trips) : ''];
    })));
  } finally {
    await Promise.all(apis.map((api) => api.close()));
  }
}

/** The machine's load: the 1-minute average over the cores, before and after a measurement. */
const load = () => `load average ${loadavg().map((n) => n.toFixed(2)).join(' / ')} (1, 5, 15 min) on ${cpus().length} CPUs`;

async function main() {
  const mainBundle = join(DIST, 'main.cjs');
  const postBundle = join(DIST, 'post.cjs');
  if (!existsSync(mainBundle)) throw new Error('dist/main.cjs is missing: run npm run package first.');
  const trackEventDir = process.env.TRACK_EVENT_PATH;
  const trackEvent = trackEventDir ? join(trackEventDir, 'dist/index.js') : undefined;
  if (trackEvent && !existsSync(trackEvent)) throw new Error(`TRACK_EVENT_PATH has no dist/index.js: ${trackEvent}`);

  // One runtime: Node 24, the one action.yml declares (and the one `npm run bench` itself runs under).
  const runtime = { ...node24(), name: 'node24' };

  const server = await startLoopbackOpsTrails();
  // BENCH_ONLY=lookups measures the GitHub lookups alone (the table of "What shipped" in BENCHMARKS.md).
  if (process.env.BENCH_ONLY === 'lookups') {
    try {
      console.log(`Machine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown CPU'}; ${process.platform} ${process.arch}; ${RUNS} runs per variant`);
      await measureLookups(runtime, server, writePayload('push-10kb', 10 * 1024));
    } finally {
      await server.close();
    }
    return;
  }
  try {
    console.log(`Machine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown CPU'}; ${process.platform} ${process.arch}`);
    console.log(`Runtime: ${await nodeVersion(runtime.path)}; ${RUNS} runs per variant, medians`);
    console.log(`At the start: ${load()}\n`);

    console.log('Bundle sizes');
    const bundles = readdirSync(DIST).filter((f) => f.endsWith('.cjs')).sort();
    console.log(table(['file', 'bytes', 'gzip bytes'], bundles.map((f) => {
      const content = readFileSync(join(DIST, f));
      return [`dist/${f}`, statSync(join(DIST, f)).size, gzipSync(content).length];
    })));
    if (trackEvent) console.log(`(track-event v1 dist/index.js: ${statSync(trackEvent).size} bytes)`);

    const smallPayload = writePayload('push-10kb', 10 * 1024);
    const env = stepEnv(server.url, smallPayload);
    console.log('\nOne event to a loopback OpsTrails (medians; wall time spawn -> exit as the parent sees it; CPU time and peak RSS of the child)');
    // All variants in one interleaved measurement: a slow spell of the machine hits each alike.
    const variants = [
      { name: 'floor', label: 'node -e 0', args: ['-e', '0'], sends: false },
      // Loading node:tls is most of what any HTTPS client pays at start (on Node 24 more than `node -e 0`
      // itself); this action loads it even for the loopback's http:// URL, as real runs need it.
      { name: 'tls', label: "node -e \"require('node:https')\"", args: ['-e', "require('node:https')"], sends: false },
      { name: 'bare', label: 'bench/bare-step.cjs (the bare script)', args: [join(ROOT, 'bench/bare-step.cjs')], sends: true },
      { name: 'main', label: 'dist/main.cjs', args: [mainBundle], sends: true },
      // The post step of a job without track-job: no state was saved, so it has nothing to do.
      { name: 'post', label: 'dist/post.cjs, no track-job', args: [postBundle], sends: false, verify: (output) => (output.trim() === '' ? undefined : 'the post step printed something') },
      ...(trackEvent ? [{ name: 'track-event', label: 'track-event v1', args: [trackEvent], sends: true }] : []),
    ].map((variant) => ({ ...variant, node: runtime.path, env }));
    const r = await measure(variants, server);
    console.log(`At the end: ${load()}`);
    const floor = r.get('floor');
    const bare = r.get('bare');
    const ours = r.get('main');
    const theirs = r.get('track-event');
    const post = r.get('post');
    console.log(table(['variant', 'wall ms', 'min wall ms', 'CPU ms', 'peak MB', 'wall vs node -e 0', 'wall vs bare script'], variants.map((variant) => {
      const m = r.get(variant.name);
      return [variant.label, fmt(m.ms), fmt(m.min), fmt(m.cpu), fmt(m.mb), `${fmt(m.ms / floor.ms, 2)}x`, `${fmt(m.ms / bare.ms, 2)}x`];
    })));
    const verdict = (what, ratio, met, target) => console.log(`${what} ${fmt(ratio, 2)} (target ${target}: ${met ? 'met' : 'MISSED'})`);
    verdict('main step / bare script: wall', ours.ms / bare.ms, ours.ms / bare.ms <= 1.2, '<= 1.2');
    verdict('main step / bare script: CPU', ours.cpu / bare.cpu, ours.cpu / bare.cpu <= 1.2, '<= 1.2');
    if (theirs) verdict('track-event v1 / main step: wall', theirs.ms / ours.ms, theirs.ms / ours.ms >= 2.5, '>= 2.5');
    if (theirs) verdict('track-event v1 / main step: CPU', theirs.cpu / ours.cpu, theirs.cpu / ours.cpu >= 2.5, '>= 2.5');
    verdict('post step without track-job / node -e 0: wall', post.ms / floor.ms, post.ms / floor.ms <= 1.1, '<= 1.1, the floor');

    if (process.env.BENCH_STARTUP_ONLY === '1') return;
    await measureLookups(runtime, server, smallPayload);

    console.log('\nGrowth with the GITHUB_EVENT_PATH payload (dist/main.cjs)');
    const growthRows = [];
    const paths = PAYLOAD_SIZES.map(([label, bytes]) => ({ label, path: writePayload(`push-${bytes}`, bytes) }));
    {
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

  if (process.env.BENCH_STARTUP_ONLY === '1') return;
  const tickets = join(ROOT, 'bench/tickets.mjs');
  if (existsSync(tickets)) {
    console.log('\nbench/tickets.mjs');
    const run = await new Promise((resolve) => spawn(runtime.path, [tickets], { stdio: 'inherit' }).on('close', resolve));
    if (run !== 0) throw new Error(`bench/tickets.mjs exited with ${run}`);
  }
}

await main();
