// What `npm run load` and `npm run stress` share: which Node runs the bundle (Node 24, as action.yml
// declares, found as test/support/run-action.ts finds it), and one main step run as a child process the
// way the runner runs it, each in its own directory of file-command files, killed past a hard limit.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pushRunnerEnv } from '../scripts/push-runner-env.mjs';
import { resolveNode24 } from '../tools/node24/resolve.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The Node 24 the runner uses (tools/node24/resolve.mjs: the running one under `npm run`), or a stop naming the fix. */
export function node24() {
  const resolution = resolveNode24(ROOT);
  if ('problem' in resolution) throw new Error(resolution.problem);
  return { path: resolution.path, name: `node${resolution.version.replace(/^v/, '')}` };
}

/** The bundle to run: $<envName> when set (to measure another build), else dist/main.cjs. */
export function bundle(envName) {
  return process.env[envName] || join(ROOT, 'dist/main.cjs');
}

const PAYLOAD = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/payloads/push.json'), 'utf8'));

/**
 * Runs the main step once; resolves with its wall time, exit code, whether it was killed, its log and outputs.
 * `env` adds or overrides runner variables; `preload` is a script Node requires first (to read the step's own resource usage).
 * @param {{ node: string, bundle: string, work: string, inputs: Record<string, string>, killAfterMs: number, env?: Record<string, string>, preload?: string }} step
 */
export function runStep({ node, bundle: file, work, inputs, killAfterMs, env: extra = {}, preload }) {
  const dir = mkdtempSync(join(work, 'step-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(PAYLOAD));
  const env = { ...pushRunnerEnv(PAYLOAD, eventPath, dir), ...extra };
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) writeFileSync(env[name], '');
  // Hyphens kept, as the runner sets them.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, preload ? ['--require', preload, file] : [file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let killed = false;
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, code, killed, log, output: readFileSync(env.GITHUB_OUTPUT, 'utf8') });
    });
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
