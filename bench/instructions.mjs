// `node bench/instructions.mjs [file.cjs …]`: instructions each start-up executes (valgrind's callgrind,
// `Ir`), for differences too small to see in wall time on a shared machine: unlike time, the count barely
// moves with the machine's load (about ±1% run to run). Runs `node -e 0`, the bare script, dist/main.cjs,
// dist/post.cjs without track-job, track-event v1 when TRACK_EVENT_PATH names a copy, and any bundle
// given on the command line (an A/B build), each once, sending to a loopback OpsTrails as bench/run.mjs.
// dist/main.cjs and each bundle given also run with a github-token (as real runs do by default), so the
// lookups (the pull request and the previous deploy from the push's `before`) ask a loopback GitHub API
// (scripts/loopback-github.mjs).
// Needs valgrind on PATH. valgrind drops variables whose names hold a hyphen (INPUT_API-KEY), so a
// preloaded file sets the environment inside the child.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { startLoopbackGitHub } from '../scripts/loopback-github.mjs';
import { startLoopbackOpsTrails } from '../scripts/loopback-opstrails.mjs';
import { pushRunnerEnv } from '../scripts/push-runner-env.mjs';
import { node24 } from './step-runner.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'event-action-instructions-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Instructions V8 spends deriving primes from the hash seed it draws at random for each process
 * (HashSeed::InitializeRoots): 5 to 13 M, different at every start, the same work whatever the script.
 * Left out, run-to-run noise falls from about ±1.5% to a few tenths of a percent, enough to see a change
 * of a few M. (A fixed --hash-seed is no way out: any V8 flag that differs from the build's throws away
 * Node's start-up snapshot.)
 */
async function hashSeedPrimes(profile) {
  const { code, output } = await run('callgrind_annotate', ['--inclusive=yes', '--threshold=100', profile]);
  if (code !== 0) throw new Error(`callgrind_annotate failed:\n${output}`);
  const line = output.split('\n').find((row) => row.includes('HashSeed::InitializeRoots'));
  return line ? Number(line.trim().split(/\s+/)[0].replaceAll(',', '')) : 0;
}

const server = await startLoopbackOpsTrails();
const payload = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/payloads/push.json'), 'utf8'));
const github = await startLoopbackGitHub({ head: payload.after });
try {
  const node = node24().path;
  const eventPath = join(work, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const env = {
    ...pushRunnerEnv(payload, eventPath, work),
    'INPUT_API-KEY': 'ot_bench_readwrite_0123456789',
    'INPUT_API-URL': server.url,
    INPUT_TYPE: 'deployment',
    INPUT_SUBJECT: 'PRODUCTION',
    INPUT_SEVERITY: 'MINOR',
    INPUT_VERSION: '1.2.3',
    INPUT_DESCRIPTION: 'Deploy 1.2.3 to production',
  };
  const preload = join(work, 'env.cjs');
  writeFileSync(preload, `Object.assign(process.env, ${JSON.stringify(env)});\n`);
  const withToken = join(work, 'env-token.cjs');
  // As bench/run.mjs: a `before` the loopback GitHub knows, so the previous deploy is found by the push.
  const lookupEventPath = join(work, 'event-lookups.json');
  writeFileSync(lookupEventPath, JSON.stringify({ ...payload, before: '00000001'.repeat(5) }));
  // The longest lookup-timeout: under valgrind the step runs tens of times slower than it does.
  const token = { GITHUB_EVENT_PATH: lookupEventPath, GITHUB_API_URL: github.url, 'INPUT_GITHUB-TOKEN': 'ghs_bench_0123456789', 'INPUT_LOOKUP-TIMEOUT': '60' };
  writeFileSync(withToken, `Object.assign(process.env, ${JSON.stringify({ ...env, ...token })});\n`);
  const trackEvent = process.env.TRACK_EVENT_PATH ? join(process.env.TRACK_EVENT_PATH, 'dist/index.js') : undefined;
  const mainSteps = [join(ROOT, 'dist/main.cjs'), ...process.argv.slice(2)];
  const variants = [
    ['node -e 0', ['-e', '0']],
    ['bench/bare-step.cjs', [join(ROOT, 'bench/bare-step.cjs')]],
    ['dist/post.cjs, no track-job', [join(ROOT, 'dist/post.cjs')]],
    ...(trackEvent ? [['track-event v1', [trackEvent]]] : []),
    ...mainSteps.map((file) => [file.replace(ROOT, ''), [file]]),
    ...mainSteps.map((file) => [`${file.replace(ROOT, '')}, with a token (lookups)`, [file], withToken]),
  ];
  console.log(`${node}: instructions per start (callgrind Ir)`);
  console.log('| variant | instructions (M) | without the hash seed primes (M) |');
  console.log('|---|---:|---:|');
  for (const [name, args, envFile = preload] of variants) {
    for (const file of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) writeFileSync(env[file], '');
    const before = server.received.length;
    const askedBefore = github.requests.length;
    const profile = join(work, 'callgrind.out');
    const { code, output } = await run('valgrind', ['--tool=callgrind', `--callgrind-out-file=${profile}`, node, '-r', envFile, ...args]);
    const collected = /Collected : (\d+)/.exec(output)?.[1];
    const seeded = await hashSeedPrimes(profile);
    if (code !== 0 || !collected) throw new Error(`${name} failed (exit ${code}):\n${output}`);
    const sent = server.received.length - before;
    const asked = github.requests.length - askedBefore;
    if (envFile === withToken && (!asked || output.includes('::notice::'))) throw new Error(`${name}: the lookups did not all answer (${asked} requests):\n${output}`);
    console.log(`| ${name}${sent ? '' : ' (sent nothing)'}${asked ? ` (${asked} GitHub requests)` : ''} | ${(Number(collected) / 1e6).toFixed(1)} | ${((Number(collected) - seeded) / 1e6).toFixed(1)} |`);
  }
} finally {
  await github.close();
  await server.close();
}
