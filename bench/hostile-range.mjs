// `npm run stress:range`: the CPU time of the bundled main step when GitHub's compare answers with as many
// commits as fit under the lookups' 16 MB answer cap (src/github/fetch.ts), GitHub itself sends 100 a page:
// merge commits of distinct pull requests, squash commits all of one pull request, and one commit whose
// message is the whole 16 MB. Every pass over the commits must be linear and every field capped before a
// pattern runs, so each costs about what parsing the JSON costs. Figures: BENCHMARKS.md.
//
// Environment: HOSTILE_RUNS (3) runs per scenario, medians; HOSTILE_BUNDLE (another build of main.cjs,
// with its github.cjs beside it, to compare). Loopback only; a dry run, so no OpsTrails is needed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pushRunnerEnv } from '../scripts/push-runner-env.mjs';
import { bundle, median, node24, ROOT } from './step-runner.mjs';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 3);
const BUNDLE = bundle('HOSTILE_BUNDLE');
/** Just under the answer cap of src/github/fetch.ts. */
const CAP = 16 * 1024 * 1024 - 1024;

const sha = (n) => n.toString(16).padStart(40, '0');
const commitJson = (n, message) => JSON.stringify({ sha: sha(n), commit: { message, author: { name: `d${n % 9}`, date: '2025-01-01T00:00:00Z' } } });

/** A compare answer of as many commits as fit in CAP bytes; `message(n)` writes commit n's message. */
function compareAnswer(message) {
  const parts = [];
  let bytes = 200;
  for (let n = 1; ; n++) {
    const item = commitJson(n, message(n));
    if (bytes + item.length + 1 > CAP) break;
    parts.push(item);
    bytes += item.length + 1;
  }
  const text = `{"status":"ahead","ahead_by":${parts.length},"behind_by":0,"total_commits":${parts.length},"html_url":"https://github.com/acme/api/compare/a...b","base_commit":{"sha":"${sha(0)}"},"commits":[${parts.join(',')}]}`;
  return { text, commits: parts.length };
}

const SCENARIOS = {
  'merge commits, one pull request each': () => compareAnswer((n) => `Merge pull request #${n} from acme/OPS-${n}-work\n\nShip part ${n}`),
  'squash commits, all of one pull request': () => compareAnswer((n) => `Tweak part ${n} (#7)`),
  'one commit, a 16 MB message': () => {
    const head = `{"status":"ahead","total_commits":1,"base_commit":{"sha":"${sha(0)}"},"commits":[{"sha":"${sha(1)}","commit":{"message":"`;
    const tail = ` (#9)","author":{"name":"d","date":"2025-01-01T00:00:00Z"}}}]}`;
    return { text: head + 'x '.repeat((CAP - head.length - tail.length) >> 1) + tail, commits: 1 };
  },
};

async function serve(body) {
  const server = createServer((request, response) => {
    request.resume();
    const text = request.url.includes('/compare/') ? body : '[]';
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    response.end(text);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) };
}

function runOnce(node, apiUrl, work) {
  // A push whose `before` is the previous deploy: the compare is asked for at once.
  const payload = { ...JSON.parse(readFileSync(join(ROOT, 'test/fixtures/payloads/push.json'), 'utf8')), before: 'a'.repeat(40) };
  const eventPath = join(work, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const env = { ...pushRunnerEnv(payload, eventPath, work), GITHUB_API_URL: apiUrl, 'INPUT_DRY-RUN': 'true', 'INPUT_GITHUB-TOKEN': 'ghs_hostile_0123456789', 'INPUT_TYPE': 'deployment', 'INPUT_INCLUDE-CONTEXT': 'true', 'INPUT_LOOKUP-TIMEOUT': '5' };
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) writeFileSync(env[name], '');
  const usageFile = join(work, 'usage.json');
  const preload = join(work, 'usage.cjs');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify(process.resourceUsage())));\n`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, ['--require', preload, BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      if (process.env.HOSTILE_LOG) console.log(log);
      resolve({ ms: performance.now() - started, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, code, log });
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'hostile-range-'));
try {
  const runtime = node24();
  console.log(`Machine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown CPU'}; ${runtime.name}; ${BUNDLE}; ${RUNS} runs per scenario, medians`);
  console.log('| compare answer | commits | step CPU ms | step wall ms | exit |');
  console.log('|---|---|---|---|---|');
  for (const [name, make] of Object.entries(SCENARIOS)) {
    const { text, commits } = make();
    const server = await serve(text);
    try {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(runtime.path, server.url, work));
      const failed = runs.find((run) => run.code !== 0);
      if (failed) throw new Error(`${name}: the step exited ${failed.code}:\n${failed.log}`);
      console.log(`| ${name} (${(text.length / 1048576).toFixed(1)} MB) | ${commits} | ${median(runs.map((r) => r.cpu)).toFixed(0)} | ${median(runs.map((r) => r.ms)).toFixed(0)} | 0 |`);
    } finally {
      await server.close();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
