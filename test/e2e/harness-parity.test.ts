// The two ways the tests run a step give the same step. Most end-to-end tests run the step in-process
// (run-in-process.ts) and leave the bundle, a process of its own, to what only a process shows. That is
// sound only while the bundle and the sources, with the in-process harness's environment, stdout and
// exit code, behave alike: here the same cases run both ways, against the same loopback servers, and
// everything the runner would see is compared, with only what differs from run to run (ids, clocks,
// temporary paths) put aside. `npm run test:bundle` goes further: every in-process test on the bundle.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MERGE_SHA, mergedPullRequest, payload } from '../fixtures/generated.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails, type Scripted } from '../support/fake-opstrails.js';
import { runnerEnv, runStep, type StepOptions, type StepResult } from '../support/run-action.js';
import { runStepInProcess } from '../support/run-in-process.js';

const REPOSITORY = 'Codertocat/Hello-World';
const GITHUB_TOKEN = 'ghs_parityToken0123456789abcdefABCDEF';

let opstrails: FakeOpsTrails;
let github: FakeGitHub;
beforeAll(async () => {
  [opstrails, github] = await Promise.all([startFakeOpsTrails(), startFakeGitHub()]);
});
afterAll(async () => {
  await Promise.all([opstrails.close(), github.close()]);
});
beforeEach(() => {
  opstrails.requests.length = 0;
  opstrails.stored.length = 0;
});

/** Text with what differs between two runs of one case replaced by its kind. */
function steady(text: string, paths: readonly string[]): string {
  let out = text;
  for (const path of paths) out = out.split(path).join('<file>');
  return out
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/\b\d+(\.\d+)? ?(ms|s)\b/g, '<duration>')
    .replace(/\bghadelimiter_[0-9a-f-]+/g, '<delimiter>');
}

/** What the runner sees of a step, without the files' paths, and what the servers received from it. */
interface Seen extends Omit<StepResult, 'files'> {
  /** What OpsTrails received: method, path and body of every request. */
  received: string[];
  /** What GitHub was asked. */
  asked: string[];
}

function seen(result: StepResult): Seen {
  const paths = Object.values(result.files);
  const clean = (text: string) => steady(text, paths);
  return {
    exitCode: result.exitCode,
    stdout: clean(result.stdout),
    stderr: clean(result.stderr),
    outputs: Object.fromEntries(Object.entries(result.outputs).map(([name, value]) => [name, clean(value)])),
    state: Object.fromEntries(Object.entries(result.state).map(([name, value]) => [name, clean(value)])),
    summary: clean(result.summary),
    received: opstrails.requests.map((request) => clean(`${request.method} ${request.path} ${request.raw}`)),
    asked: github.requests.map((request) => `${request.method} ${request.path}`),
  };
}

type Run = (step: 'main' | 'post', options: StepOptions) => Promise<StepResult>;
const HARNESSES: Array<[string, Run]> = [
  ['bundle', runStep],
  ['in-process', runStepInProcess],
];

/** Runs `steps` under each harness, resetting both servers before each, and returns what each saw. */
async function bothWays(steps: (run: Run) => Promise<StepResult[]>, prepare: () => void = () => {}): Promise<Record<string, Seen[]>> {
  const seenBy: Record<string, Seen[]> = {};
  for (const [name, run] of HARNESSES) {
    github.requests.length = 0;
    prepare();
    const results: StepResult[] = [];
    // Each step's requests are read right after it, before the next step of the case adds its own.
    await steps(async (step, options) => {
      opstrails.requests.length = 0;
      const result = await run(step, options);
      results.push(result);
      (seenBy[name] ??= []).push(seen(result));
      return result;
    });
    expect(results.length, name).toBeGreaterThan(0);
  }
  return seenBy;
}

function pushEnv(): Record<string, string> {
  return runnerEnv({
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: 'refs/heads/master',
    GITHUB_REF_NAME: 'master',
    GITHUB_API_URL: github.url,
  });
}

describe('a step run in-process and the bundle run as a process see the same', () => {
  it('a deploy on merge: the lookups, the YAML data and ticket pattern (bundles loaded on demand), the event sent, the log, the outputs and the summary', async () => {
    const seenBy = await bothWays(
      async (run) => [
        await run('main', {
          payload: payload('push-merge'),
          env: pushEnv(),
          inputs: { 'api-key': READ_WRITE_KEY, 'api-url': opstrails.url, 'github-token': GITHUB_TOKEN, subject: 'production', data: 'region: eu-west-1\ncanary: true', 'ticket-pattern': '[A-Z]+-\\d+' },
        }),
      ],
      () => github.pullsFor(REPOSITORY, MERGE_SHA, [mergedPullRequest()]),
    );
    expect(seenBy.bundle![0]!.received).toHaveLength(1);
    expect(seenBy.bundle![0]!.asked.length).toBeGreaterThan(0);
    expect(seenBy['in-process']).toEqual(seenBy.bundle);
  });

  it('bad inputs: one line per input, exit 1, nothing sent', async () => {
    const seenBy = await bothWays(async (run) => [
      await run('main', { inputs: { 'api-key': READ_WRITE_KEY, 'api-url': opstrails.url, severity: 'LOUD', time: 'yesterday', 'on-error': 'sometimes' } }),
    ]);
    expect(seenBy.bundle![0]!.exitCode).toBe(1);
    expect(seenBy.bundle![0]!.received).toEqual([]);
    expect(seenBy['in-process']).toEqual(seenBy.bundle);
  });

  it('an undelivered event under on-error: fail: the error line, exit 1, the event kept for replay', async () => {
    const outage: Scripted = { status: 503, body: { success: false, error: 'maintenance' } };
    const seenBy = await bothWays(
      async (run) => [await run('main', { inputs: { 'api-key': READ_WRITE_KEY, 'api-url': opstrails.url, retries: '1', 'on-error': 'fail' } })],
      () => opstrails.script(outage, outage),
    );
    expect(seenBy.bundle![0]!.exitCode).toBe(1);
    expect(seenBy.bundle![0]!.received).toHaveLength(2);
    expect(seenBy['in-process']).toEqual(seenBy.bundle);
  });

  it('a tracked job: the main step, then the post step with its saved state', async () => {
    const inputs = { 'api-key': READ_WRITE_KEY, 'api-url': opstrails.url, subject: 'production', 'track-job': 'true' };
    const seenBy = await bothWays(async (run) => {
      const env = runnerEnv();
      const main = await run('main', { env, inputs: { ...inputs, 'job-status': 'success' } });
      const post = await run('post', { env, state: main.state, inputs: { ...inputs, 'job-status': 'failure' } });
      return [main, post];
    });
    const [main, post] = seenBy.bundle!;
    expect(main!.received).toHaveLength(1);
    expect(post!.received).toHaveLength(1);
    expect(post!.received[0]).toContain('"outcome":"failure"');
    expect(seenBy['in-process']).toEqual(seenBy.bundle);
  });
});

describe('the in-process harness', () => {
  it('gives the step only the runner variables it was given, and gives the worker its own back', async () => {
    // A shell that started the tests with a key of its own (a CI runner's secrets) must not reach the step.
    vi.stubEnv('OPSTRAILS_API_KEY', 'ot_from_the_shell_0123456789');
    const before = process.env;
    try {
      const result = await runStepInProcess('main', { inputs: { 'api-url': opstrails.url } });
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(/^::error::.*"api-key"/m);
      expect(opstrails.requests).toEqual([]);
      expect(process.env).toBe(before);
      expect(process.exitCode).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  // Under `npm run test:bundle` each step is a process of its own, and steps may overlap.
  it.skipIf(process.env.STEPS_AS_BUNDLE === '1')('refuses a second step while one runs: they would share one environment and one stdout', async () => {
    opstrails.script({ status: 503, body: { success: false, error: 'slow' } });
    const first = runStepInProcess('main', { inputs: { 'api-key': READ_WRITE_KEY, 'api-url': opstrails.url, retries: '0' } });
    await expect(runStepInProcess('main', { inputs: { 'api-key': READ_WRITE_KEY, 'api-url': opstrails.url } })).rejects.toThrow(/one step at a time/);
    expect((await first).outputs.status).toBe('failed');
  });
});
