// Runs the bundled action the way the GitHub runner does: a separate `node dist/<step>.cjs` process,
// inputs as INPUT_<NAME> (upper case, hyphens kept), fresh GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY files per step, STATE_<name> for the post step, a webhook payload on disk.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');

/** The Node 24 every end-to-end test runs the bundle under (action.yml: node24); global-setup.ts finds it. */
export const BUNDLE_NODE = inject('node24').path;

/**
 * The runtimes to run the bundle under, as a list for the suites that iterate over it: only Node 24 now.
 * New tests use runStep's default (BUNDLE_NODE) instead.
 */
export function nodeRuntimes(): Array<{ name: string; path: string }> {
  return [{ name: 'node24', path: BUNDLE_NODE }];
}

/** The variables a GitHub-hosted runner sets for a push to main of acme/api-service. */
export function runnerEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_REPOSITORY: 'acme/api-service',
    GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'push',
    // The runner gives every job a RUNNER_TEMP of its own: one runnerEnv() is one job.
    RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'runner-temp-')),
    ...overrides,
  };
}

export interface StepResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** What the step saved with saveState, as the runner would hand it to the post step. */
  state: Record<string, string>;
  summary: string;
  /** Files the step wrote to, for whole-output scans (secrets). */
  files: { output: string; state: string; summary: string };
}

export interface StepOptions {
  inputs?: Record<string, string>;
  /** Runner variables; defaults to runnerEnv(). */
  env?: Record<string, string>;
  /** STATE_* for a post step: usually the main step's `state`. */
  state?: Record<string, string>;
  /** The webhook payload: an object (written as JSON), a raw string, or null for no GITHUB_EVENT_PATH. */
  payload?: object | string | null;
  /** The node binary; defaults to BUNDLE_NODE. */
  node?: string;
  /** A bound on the whole step: past it the child is killed (and the test sees exitCode null). */
  timeoutMs?: number;
  /** Paths to use instead of fresh files, e.g. a directory where GITHUB_OUTPUT should be (an unwritable file). */
  files?: Partial<StepResult['files']>;
  /** The runner cancelling the step: the child is killed as soon as this settles. */
  cancelWhen?: Promise<unknown>;
}

/** Parses a file command file (`name<<delimiter` blocks, as @actions/core writes them). */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    result[name] = value.join('\n');
  }
  return result;
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
}

/** A step's runner files and environment, as the runner prepares them before starting the step. */
export interface PreparedStep {
  env: Record<string, string>;
  files: StepResult['files'];
}

/** Fresh GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, the payload on disk, and the step's environment. */
export function prepareStep(step: 'main' | 'post', options: StepOptions = {}): PreparedStep {
  const dir = mkdtempSync(join(tmpdir(), `event-action-${step}-`));
  const fresh = { output: join(dir, 'output'), state: join(dir, 'state'), summary: join(dir, 'summary') };
  for (const file of Object.values(fresh)) writeFileSync(file, '');
  const files = { ...fresh, ...options.files };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    // Windows sockets need SystemRoot in the environment; the runner's steps always have it.
    ...(process.platform === 'win32' ? { SystemRoot: process.env.SystemRoot ?? '' } : {}),
    ...(options.env ?? runnerEnv()),
    ...inputEnv(options.inputs ?? {}),
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
  };
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  if (options.payload !== null) {
    const path = join(dir, 'event.json');
    const payload = options.payload ?? { ref: 'refs/heads/main', after: env.GITHUB_SHA, commits: [] };
    writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
    env.GITHUB_EVENT_PATH = path;
  }
  return { env, files };
}

/** What the step left in its runner files. A path given in place of a file (a directory, to make it unwritable) has nothing to read. */
export function readStepFiles(files: StepResult['files']): Pick<StepResult, 'outputs' | 'state' | 'summary'> {
  const read = (path: string) => (statSync(path).isFile() ? readFileSync(path, 'utf8') : '');
  return { outputs: parseFileCommands(read(files.output)), state: parseFileCommands(read(files.state)), summary: read(files.summary) };
}

/** Runs the bundled step `dist/<step>.cjs` as a process of its own, under Node 24, the way the runner does. */
export async function runStep(step: 'main' | 'post', options: StepOptions = {}): Promise<StepResult> {
  const { env, files } = prepareStep(step, options);
  const child = spawn(options.node ?? BUNDLE_NODE, [join(DIST, `${step}.cjs`)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
  const cancel = () => child.kill('SIGKILL');
  options.cancelWhen?.then(cancel, cancel);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  return { exitCode, stdout, stderr, ...readStepFiles(files), files };
}

/** Lines the runner turns into annotations: `::error::…`, `::warning::…`, `::notice::…`. */
export function annotations(stdout: string, level: 'error' | 'warning' | 'notice'): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${level}`))
    .map((line) => line.replace(/^::[a-z]+[^:]*::/, ''));
}
