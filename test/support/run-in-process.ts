// Runs a step from the sources inside the test's own process: the same runner variables, the same fresh
// GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, the same payload on disk and the same loopback
// servers as runStep, read back the same way, but without starting Node for it. A bundled step costs
// 0.12-0.2 s of CPU, most of it Node's own start; in-process, a few milliseconds. Tests of what the step
// does with its inputs, payload and answers use this; everything the runner itself sees of the bundle
// (a process, its exit code, signals, Node's start, the proxy variables it reads at start) stays with
// runStep, and harness-parity.test.ts runs the same steps both ways and compares them.
//
// `STEPS_AS_BUNDLE=1 npm test` (`npm run test:bundle`) sends every such step to the bundle instead, so
// the whole suite can be run against dist/ before a release.
import { run as runMainStep } from '../../src/steps/main.js';
import { runPost } from '../../src/steps/post.js';
import { readStateFromEnv } from '../../src/runner/state.js';
import { prepareStep, readStepFiles, runStep, type StepOptions, type StepResult } from './run-action.js';

/** What a step run in-process takes: everything but the process's own knobs (its Node, a kill, a cancel). */
export type InProcessOptions = Omit<StepOptions, 'node' | 'timeoutMs' | 'cancelWhen'>;

/** Vitest's own variables, which its worker reads while a test runs; nothing in src/ reads them. */
const KEPT_FROM_WORKER = /^(VITEST|NODE_ENV$|TEST$)/;

let running = false;

export async function runStepInProcess(step: 'main' | 'post', options: InProcessOptions = {}): Promise<StepResult> {
  if (process.env.STEPS_AS_BUNDLE === '1') return runStep(step, options);
  // process.env, stdout and the exit code are the process's: two steps at once would mix them.
  if (running) throw new Error('runStepInProcess: one step at a time in a process; run concurrent steps with runStep.');
  running = true;
  const { env, files } = prepareStep(step, options);
  const workerEnv = process.env;
  const writeStdout = process.stdout.write;
  const writeStderr = process.stderr.write;
  let stdout = '';
  let stderr = '';
  // The step's environment is only what the runner would give it: nothing of the shell that started the
  // tests (a GITHUB_TOKEN or RUNNER_TEMP of a CI runner) may reach it.
  process.env = { ...Object.fromEntries(Object.entries(workerEnv).filter(([name]) => KEPT_FROM_WORKER.test(name))), ...env };
  process.exitCode = undefined;
  process.stdout.write = capture((text) => (stdout += text));
  process.stderr.write = capture((text) => (stderr += text));
  let exitCode: number;
  try {
    if (step === 'main') await runMainStep();
    else await runPost(new Date(), readStateFromEnv);
  } finally {
    exitCode = Number(process.exitCode ?? 0);
    process.exitCode = undefined;
    process.stdout.write = writeStdout;
    process.stderr.write = writeStderr;
    process.env = workerEnv;
    running = false;
  }
  return { exitCode, stdout, stderr, ...readStepFiles(files), files };
}

/** A stand-in for a stream's write that keeps the text, as the runner reads a step's stdout. */
function capture(keep: (text: string) => void): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, encodingOrDone?: BufferEncoding | ((error?: Error | null) => void), done?: (error?: Error | null) => void) => {
    keep(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
}
