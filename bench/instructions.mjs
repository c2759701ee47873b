// `node bench/instructions.mjs [file.cjs …]`: instructions each start-up executes (valgrind's callgrind,
// `Ir`), for differences too small to see in wall time on a shared machine: unlike time, the count barely
// moves with the machine's load (about ±1% run to run). Runs `node -e 0`, the bare script, dist/main.cjs,
// dist/post.cjs without track-job, track-event v1 when TRACK_EVENT_PATH names a copy, and any bundle
// given on the command line (an A/B build), each once, sending to a loopback OpsTrails as bench/run.mjs.
// Needs valgrind on PATH. valgrind drops variables whose names hold a hyphen (INPUT_API-KEY), so a
// preloaded file sets the environment inside the child.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
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

const server = await startLoopbackOpsTrails();
try {
  const node = node24().path;
  const payload = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/payloads/push.json'), 'utf8'));
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
  const trackEvent = process.env.TRACK_EVENT_PATH ? join(process.env.TRACK_EVENT_PATH, 'dist/index.js') : undefined;
  const variants = [
    ['node -e 0', ['-e', '0']],
    ['bench/bare-step.cjs', [join(ROOT, 'bench/bare-step.cjs')]],
    ['dist/main.cjs', [join(ROOT, 'dist/main.cjs')]],
    ['dist/post.cjs, no track-job', [join(ROOT, 'dist/post.cjs')]],
    ...(trackEvent ? [['track-event v1', [trackEvent]]] : []),
    ...process.argv.slice(2).map((file) => [file, [file]]),
  ];
  console.log(`${node}: instructions per start (callgrind Ir)`);
  console.log('| variant | instructions (M) |');
  console.log('|---|---:|');
  for (const [name, args] of variants) {
    for (const file of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) writeFileSync(env[file], '');
    const before = server.received.length;
    const { code, output } = await run('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', node, '-r', preload, ...args]);
    const collected = /Collected : (\d+)/.exec(output)?.[1];
    if (code !== 0 || !collected) throw new Error(`${name} failed (exit ${code}):\n${output}`);
    const sent = server.received.length - before;
    console.log(`| ${name}${sent ? '' : ' (sent nothing)'} | ${(Number(collected) / 1e6).toFixed(1)} |`);
  }
} finally {
  await server.close();
}
