// Bad input against the main step. Whatever comes in, the step ends cleanly (exit 0 or 1, no stack
// trace), a configuration problem is one line per input and sends nothing, and the API key appears
// nowhere: not in stdout (the ::add-mask:: line aside), stderr, outputs, state or summary, even when the
// server echoes it back. Generated and hostile inputs go through the bundle, run as the runner runs it
// (text through a real process environment); unreadable payloads and echoing servers, in-process.
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../../src/inputs/names.js';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails, type Scripted } from '../support/fake-opstrails.js';
import { annotations, runStep, runnerEnv, type StepOptions, type StepResult } from '../support/run-action.js';
import { runStepInProcess, type InProcessOptions } from '../support/run-in-process.js';

let api: FakeOpsTrails;
beforeEach(async () => {
  api = await startFakeOpsTrails();
});
afterEach(async () => {
  await api.close();
});

const NAMED_INPUT = new RegExp(`"(${INPUT_NAMES.join('|')})"`);
/** A V8 stack frame, as an uncaught exception prints it. */
const STACK_FRAME = /^\s+at .+(\(|:\d+:\d+)/m;

/** The bundle, for what generated and hostile text does on its way through the process's environment. */
function run(inputs: Record<string, string>, options: Omit<StepOptions, 'inputs'> = {}): Promise<StepResult> {
  return runStep('main', { ...options, inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, ...inputs } });
}

/** The step in-process, for what the step does with an unreadable payload or a hostile answer. */
function runInProcess(inputs: Record<string, string>, options: Omit<InProcessOptions, 'inputs'> = {}): Promise<StepResult> {
  return runStepInProcess('main', { ...options, inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, ...inputs } });
}

/** The invariants every run must keep, whatever its inputs. */
function expectCleanEnd(result: StepResult): void {
  expect([0, 1], result.stdout + result.stderr).toContain(result.exitCode);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  const visible = result.stdout.split('\n').filter((line) => !line.startsWith('::debug::'));
  expect(visible.join('\n')).not.toMatch(STACK_FRAME);
  expect(visible.join('\n')).not.toContain('Unexpected error');
  expectNoKey(result);
  // An invalid event is never sent: everything that reached the server passed its validation.
  expect(api.requests.filter((r) => r.body && api.stored.every((s) => s.id !== r.body!.id))).toEqual([]);
  if (result.exitCode === 1 && api.requests.length === 0) expectConfigLines(result);
}

/** A configuration problem: each error line names an input, and nothing was sent. */
function expectConfigLines(result: StepResult): void {
  const errors = annotations(result.stdout, 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const line of errors) expect(line).toMatch(NAMED_INPUT);
  expect(api.requests).toHaveLength(0);
}

function expectNoKey(result: StepResult, key = READ_WRITE_KEY): void {
  const stdout = result.stdout
    .split('\n')
    .filter((line) => line !== `::add-mask::${key}`)
    .join('\n');
  for (const [where, text] of Object.entries({ stdout, stderr: result.stderr, outputs: JSON.stringify(result.outputs), state: JSON.stringify(result.state), summary: result.summary })) {
    expect(text, where).not.toContain(key);
  }
}

/** Text that can travel through an environment variable (no NUL), of the kinds that break naive code. */
const envText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0007', '\u001b', '\n', '\r', '\t', '\u2028', '\u202e', '\ud800', '"', '\\', '|', '<', '`', '%', ':', ' ', 'é', '🚀'), maxLength: 30 }),
  fc.constantFrom('__proto__', 'constructor', 'NOW', 'now', 'TRUE', '1e400', '99999999999999999999', '-1', '', READ_WRITE_KEY),
  fc.integer({ min: 10_000, max: 10_300 }).map((n) => '🚀'.repeat(n / 2)),
);

describe('the bundled main step on generated inputs', () => {
  it('ends cleanly, one line per bad input, never sends an invalid event, never shows the key', async () => {
    const names = INPUT_NAMES.filter((name) => !['api-key', 'api-url', 'track-job', 'github-token', 'job-status', 'check-run-id', 'timeout', 'retries'].includes(name));
    // Most cases give many inputs, which nearly always hold a bad one; some give one to three, which can
    // all be good: both the refusal and the sending path are walked.
    const everyInput = fc.record(Object.fromEntries(names.map((name) => [name, envText])) as Record<string, fc.Arbitrary<string>>, { requiredKeys: [] });
    const fewInputs = fc
      .subarray(names, { minLength: 1, maxLength: 3 })
      .chain((picked) => fc.record(Object.fromEntries(picked.map((name) => [name, envText])) as Record<string, fc.Arbitrary<string>>));
    const statuses: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.oneof(everyInput, fewInputs), async (given) => {
        api.requests.length = 0;
        api.stored.length = 0;
        // One attempt, short deadline: a generated input must not make the property wait on retries.
        const result = await run({ ...given, retries: '0', timeout: '5' });
        expectCleanEnd(result);
        expect(['sent', 'failed', 'dry-run']).toContain(result.outputs.status);
        statuses.push(result.outputs.status ?? '');
        if (result.outputs.status === 'sent') expect(api.stored).toHaveLength(1);
        else expect(api.stored).toHaveLength(0);
      }),
      // Ten generated processes, not forty. A case of every input gives about twenty inputs generated
      // text and nearly always ends in the configuration-error path (one line per input, exit 1, nothing
      // sent: 40 of 40 when this was counted), whose breadth test/unit/bad-input.property.test.ts walks
      // in-process (parseSettings on 300 generated input sets, buildEvent on 200). What only the bundle
      // can prove (generated text through INPUT_* with hyphens, no stack trace, the key in no file) holds
      // or breaks alike on every case: more processes bought CPU time, not breadth. The example is good
      // text in an input that takes any text, so the sending path runs on every seed.
      { numRuns: 10, examples: [[{ description: 'Deploy for PAY-42 \u2028 — ok' }]] },
    );
    expect(statuses).toContain('sent');
    // Bounded by its runs, not by time: processes one after another, which on a busy 2-core machine
    // running other test files beside it can take longer than the default 30 s per test.
  }, 120_000);
});

describe('the hand list', () => {
  it.each([
    ['control characters', { subject: 'PROD\u0007\u001b[31m', type: 'deploy\tment', description: 'line one\r\nline two\u0085' }],
    ['10 KB strings in every text input', Object.fromEntries(['type', 'source', 'subject', 'version', 'description', 'id', 'dataschema', 'time', 'severity'].map((n) => [n, 'x'.repeat(10_240)]))],
    ['emoji', { type: 'déploiement-🚀', subject: '🌍-PROD', description: '🚀'.repeat(600), data: '{"by": "👩‍💻"}' }],
    ['lone surrogates', { subject: 'PROD-\ud800', description: 'half \udc00 a pair', data: '{"x": "\\ud800"}' }],
    ['a 10 KB data object', { data: JSON.stringify({ blob: 'y'.repeat(10_240) }) }],
    ['huge numbers', { retries: '99999999999999999999', timeout: '1e309', data: '{"n": 1e400, "m": 123456789012345678901}' }],
    ['YAML anchors and aliases (billion laughs)', { data: ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n') }],
    ['a YAML alias that refers to itself', { data: 'a: &x [*x]' }],
    ['YAML tags', { data: 'blob: !!binary aGVsbG8=\nrun: !!js/function "function () {}"' }],
    ['the key pasted into other inputs', { subject: READ_WRITE_KEY.slice(0, 50), id: READ_WRITE_KEY, description: `key is ${READ_WRITE_KEY}`, data: `{"token": "${READ_WRITE_KEY}"}` }],
    ['the key in a refused input', { time: READ_WRITE_KEY, severity: READ_WRITE_KEY }],
  ])('%s', async (_, inputs) => {
    expectCleanEnd(await run(inputs));
  });

  it('sends __proto__ and constructor keys of data as plain keys, from JSON and from YAML', async () => {
    for (const data of ['{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}', '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes']) {
      const result = await run({ data });
      expectCleanEnd(result);
      expect(result.exitCode).toBe(0);
    }
    for (const request of api.requests) {
      expect(request.raw).toContain('"__proto__":{"polluted":"yes"}');
      const data = (JSON.parse(request.raw) as { data: Record<string, unknown> }).data;
      expect(Object.hasOwn(data, '__proto__')).toBe(true);
      expect(data.polluted).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('GITHUB_EVENT_PATH', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'event-action-payload-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** The payload cannot be read: the event is still sent, with a warning naming GITHUB_EVENT_PATH. */
  async function expectSentWithWarning(options: Omit<InProcessOptions, 'inputs'>): Promise<StepResult> {
    const result = await runInProcess({}, options);
    expectCleanEnd(result);
    expect(result.exitCode).toBe(0);
    expect(api.stored).toHaveLength(1);
    expect(annotations(result.stdout, 'warning').some((w) => w.includes('GITHUB_EVENT_PATH'))).toBe(true);
    return result;
  }

  it('missing file', async () => {
    await expectSentWithWarning({ env: runnerEnv({ GITHUB_EVENT_PATH: join(dir, 'does-not-exist.json') }), payload: null });
  });

  it('empty file', async () => {
    await expectSentWithWarning({ payload: '' });
  });

  it.each([['not JSON', '<html>not json</html>'], ['JSON but not an object', '[1, 2, 3]'], ['JSON null', 'null']])('%s', async (_, text) => {
    await expectSentWithWarning({ payload: text });
  });

  it('a directory', async () => {
    await expectSentWithWarning({ env: runnerEnv({ GITHUB_EVENT_PATH: dir }), payload: null });
  });

  it('100 MB of valid JSON is not read, and the event still goes out', async () => {
    const path = join(dir, 'huge.json');
    const fd = openSync(path, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    writeSync(fd, '{"padding": "');
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    writeSync(fd, '", "ref": "refs/heads/main"}');
    closeSync(fd);
    try {
      const result = await expectSentWithWarning({ env: runnerEnv({ GITHUB_EVENT_PATH: path }), payload: null });
      expect(annotations(result.stdout, 'warning').some((w) => w.includes('was not read'))).toBe(true);
    } finally {
      rmSync(path, { force: true });
    }
  });
});

describe('a server that echoes the key', () => {
  const echo = `Invalid key ${READ_WRITE_KEY} (Bearer ${READ_WRITE_KEY})`;
  it.each<[string, Scripted]>([
    ['400 VALIDATION_ERROR', { status: 400, body: { success: false, error: echo, code: 'VALIDATION_ERROR' } }],
    ['401 UNAUTHORIZED', { status: 401, body: { success: false, error: echo, code: 'UNAUTHORIZED' } }],
    ['500 with a JSON error', { status: 500, body: { success: false, error: echo } }],
    ['502 HTML page', { status: 502, body: `<html><body>Bad gateway for ${echo}</body></html>` }],
    ['429 with the key in the code', { status: 429, body: { success: false, error: echo, code: READ_WRITE_KEY } }],
    ['200 with success: false', { status: 200, body: { success: false, error: echo } }],
    ['201 storing the key as id and time', { status: 201, body: { success: true, data: { id: READ_WRITE_KEY, time: READ_WRITE_KEY } } }],
  ])('%s: the key appears nowhere', async (_, answer) => {
    api.script(answer);
    for (const onError of ['auto', 'fail']) {
      const result = await runInProcess({ retries: '0', 'on-error': onError });
      expectNoKey(result);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      api.script(answer);
    }
  });

  it('the key from OPSTRAILS_API_KEY appears nowhere either', async () => {
    const key = 'ot_env_only_key_9876543210';
    api.script({ status: 401, body: { success: false, error: `unknown key ${key}`, code: 'UNAUTHORIZED' } });
    const result = await runStepInProcess('main', { inputs: { 'api-url': api.url, retries: '0' }, env: runnerEnv({ OPSTRAILS_API_KEY: key }) });
    expect(result.exitCode).toBe(1);
    expectNoKey(result, key);
  });
});
