// Every input and output of the main step, observed end to end: the step in-process with the runner's
// INPUT_* variables (hyphens kept) and files (run-in-process.ts), against the loopback OpsTrails. One row
// of the inputs table per `describe`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payload } from '../fixtures/generated.js';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { annotations, runnerEnv, type StepResult } from '../support/run-action.js';
import { runStepInProcess, type InProcessOptions } from '../support/run-in-process.js';

let api: FakeOpsTrails;
beforeEach(async () => {
  api = await startFakeOpsTrails();
});
afterEach(async () => {
  await api.close();
});

const SHA = runnerEnv().GITHUB_SHA!;
const ISO_MS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The main step with a working key and the loopback server, plus the given inputs. */
function run(inputs: Record<string, string> = {}, options: Omit<InProcessOptions, 'inputs'> = {}): Promise<StepResult> {
  return runStepInProcess('main', { ...options, inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, ...inputs } });
}

function sent(): Record<string, unknown> {
  expect(api.requests).toHaveLength(1);
  return api.requests[0]!.body!;
}

/** A bad input: exit 1, exactly one error line, naming the input, and no request at all. */
function expectRefused(result: StepResult, input: string): string {
  expect(result.exitCode).toBe(1);
  const errors = annotations(result.stdout, 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`Input "${input}"`);
  expect(api.requests).toHaveLength(0);
  expect(result.outputs.status).toBe('failed');
  return errors[0]!;
}

describe('api-key', () => {
  it('is sent as a Bearer token and masked first', async () => {
    const result = await run();
    expect(result.exitCode).toBe(0);
    expect(api.requests[0]!.headers.authorization).toBe(`Bearer ${READ_WRITE_KEY}`);
    expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${READ_WRITE_KEY}`);
  });

  it('falls back to OPSTRAILS_API_KEY', async () => {
    const result = await runStepInProcess('main', { inputs: { 'api-url': api.url }, env: runnerEnv({ OPSTRAILS_API_KEY: READ_WRITE_KEY }) });
    expect(result.exitCode).toBe(0);
    expect(api.requests[0]!.headers.authorization).toBe(`Bearer ${READ_WRITE_KEY}`);
  });

  it('is required unless dry-run', async () => {
    expectRefused(await runStepInProcess('main', { inputs: { 'api-url': api.url } }), 'api-key');
  });
});

describe('api-url', () => {
  it('falls back to OPSTRAILS_API_URL', async () => {
    const result = await runStepInProcess('main', { inputs: { 'api-key': READ_WRITE_KEY }, env: runnerEnv({ OPSTRAILS_API_URL: api.url }) });
    expect(result.exitCode).toBe(0);
    expect(api.stored).toHaveLength(1);
  });

  it('accepts the full events URL and a trailing slash', async () => {
    expect((await run({ 'api-url': `${api.url}/api/v1/events` })).exitCode).toBe(0);
    expect((await run({ 'api-url': `${api.url}/` })).exitCode).toBe(0);
    expect(api.requests.map((r) => r.path)).toEqual(['/api/v1/events', '/api/v1/events']);
    expect(api.stored).toHaveLength(2);
  });

  it('refuses the MCP URL with the URL to use', async () => {
    const line = expectRefused(await run({ 'api-url': `${api.url}/api/mcp/mcp` }), 'api-url');
    expect(line).toContain(`${api.url},`);
  });

  it('refuses http:// to a host that is not loopback', async () => {
    expectRefused(await run({ 'api-url': 'http://api.opstrails.dev' }), 'api-url');
  });
});

describe('type, source, subject, severity, id, dataschema: sent as given', () => {
  it('sends each as given, severity in upper case, in the order readers expect', async () => {
    const result = await run({
      type: 'db-migration',
      source: 'BE',
      subject: 'BRAND-A-STAGING',
      severity: 'minor',
      id: 'deploy-2025-01-15-42',
      dataschema: 'https://example.com/schemas/deploy.json',
    });
    expect(result.exitCode).toBe(0);
    const event = sent();
    expect(event).toMatchObject({
      type: 'db-migration',
      source: 'BE',
      subject: 'BRAND-A-STAGING',
      severity: 'MINOR',
      id: 'deploy-2025-01-15-42',
      dataschema: 'https://example.com/schemas/deploy.json',
    });
    expect(Object.keys(event)).toEqual(['specversion', 'id', 'type', 'source', 'subject', 'severity', 'version', 'time', 'datacontenttype', 'dataschema', 'data']);
  });

  it('defaults type to deployment, source to the repository, id to a new UUID per event', async () => {
    await run();
    await run();
    const [first, second] = api.requests.map((r) => r.body!);
    expect(first).toMatchObject({ type: 'deployment', source: '//github.com/acme/api-service' });
    expect(first!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second!.id).not.toBe(first!.id);
    expect(first).not.toHaveProperty('severity');
    expect(first).not.toHaveProperty('dataschema');
  });

  it('names the GitHub Enterprise host in the default source', async () => {
    await runStepInProcess('main', {
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url },
      env: runnerEnv({ GITHUB_SERVER_URL: 'https://ghe.acme.com', GITHUB_API_URL: 'https://ghe.acme.com/api/v3' }),
    });
    expect(sent().source).toBe('//ghe.acme.com/acme/api-service');
  });

  it.each([
    ['type', 'x'.repeat(101)],
    ['source', 'x'.repeat(501)],
    ['subject', 'x'.repeat(51)],
    ['severity', 'HUGE'],
    ['id', 'x'.repeat(201)],
    ['dataschema', 'not a uri'],
  ])('refuses a bad %s before sending', async (input, value) => {
    expectRefused(await run({ [input]: value }), input);
  });
});

describe('version', () => {
  it('is the tag name for a tag run', async () => {
    const push = { ...payload('push'), ref: 'refs/tags/v1.4.0', base_ref: null };
    await runStepInProcess('main', {
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url },
      env: runnerEnv({ GITHUB_REF: 'refs/tags/v1.4.0', GITHUB_REF_NAME: 'v1.4.0', GITHUB_REF_TYPE: 'tag' }),
      payload: push,
    });
    expect(sent().version).toBe('v1.4.0');
  });

  it('is the 7-character commit SHA for a branch run, and the input when given', async () => {
    await run();
    await run({ version: '2025.01.15-rc1' });
    expect(api.requests.map((r) => r.body!.version)).toEqual([SHA.slice(0, 7), '2025.01.15-rc1']);
  });

  it('refuses more than 50 characters', async () => {
    expectRefused(await run({ version: 'v'.repeat(51) }), 'version');
  });
});

describe('description', () => {
  it('goes to data.description', async () => {
    await run({ description: 'Roll out the new session store' });
    expect((sent().data as Record<string, unknown>).description).toBe('Roll out the new session store');
  });

  it('is cut to 1,000 characters with a warning, and the event is still sent', async () => {
    const result = await run({ description: 'd'.repeat(1500) });
    expect(result.exitCode).toBe(0);
    expect((sent().data as Record<string, unknown>).description).toBe(`${'d'.repeat(999)}…`);
    expect(annotations(result.stdout, 'warning').some((w) => w.includes('cut to 1000'))).toBe(true);
    expect(api.stored).toHaveLength(1);
  });
});

describe('data', () => {
  it('merges a JSON object over the workflow context: user keys win, the rest stays', async () => {
    await run({ data: '{"deployer": "release-bot", "ticket": "JIRA-1234", "canary": {"percent": 10}}' });
    expect(sent().data).toMatchObject({
      deployer: 'release-bot',
      ticket: 'JIRA-1234',
      canary: { percent: 10 },
      repository: 'acme/api-service',
      commit: SHA,
      ref: 'refs/heads/main',
      run_url: 'https://github.com/acme/api-service/actions/runs/1658821493/attempts/1',
      workflow: 'Deploy',
      job: 'deploy',
      event_name: 'push',
    });
  });

  it('reads a YAML mapping', async () => {
    await run({ data: 'ticket: JIRA-1234\nregions:\n  - eu-west-1\n  - us-east-1\n' });
    expect(sent().data).toMatchObject({ ticket: 'JIRA-1234', regions: ['eu-west-1', 'us-east-1'] });
  });

  it.each([
    ['an array', '["a"]'],
    ['a scalar', 'hello'],
    ['broken JSON', '{"ticket": JIRA-1234}'],
  ])('refuses %s under on-error: fail', async (_, data) => {
    expectRefused(await run({ data, 'on-error': 'fail' }), 'data');
  });

  it('sends the event without an unusable data under on-error: auto, as track-event v1 did, and says why', async () => {
    // What `'{"pr": ${{ github.event.number }}}'` becomes on a push: a v1 workflow must keep recording its deploys.
    const result = await run({ data: '{"pr": }' });
    expect(result.exitCode).toBe(0);
    expect(api.stored).toHaveLength(1);
    expect(sent().data).not.toHaveProperty('pr');
    const warnings = annotations(result.stdout, 'warning');
    expect(warnings.some((w) => w.includes('Input "data" is not valid JSON') && w.includes('sent without it'))).toBe(true);
    expect(result.outputs.status).toBe('sent');
  });
});

describe('time', () => {
  it('defaults to the moment the step ran, RFC 3339 UTC with milliseconds', async () => {
    const before = Date.now();
    const result = await run();
    const time = sent().time as string;
    expect(time).toMatch(ISO_MS_UTC);
    expect(Date.parse(time)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(time)).toBeLessThanOrEqual(Date.now());
    expect(result.outputs['event-time']).toBe(time);
  });

  it('sends NOW, and event-time is the time the server stored', async () => {
    const result = await run({ time: 'now' });
    expect(sent().time).toBe('NOW');
    expect(result.outputs['event-time']).toBe(api.stored[0]!.time);
    expect(result.outputs['event-time']).toMatch(ISO_MS_UTC);
  });

  it('sends a time with offset as given', async () => {
    await run({ time: '2025-01-15T14:30:00+02:00' });
    expect(sent().time).toBe('2025-01-15T14:30:00+02:00');
  });

  it('refuses a bare datetime', async () => {
    expect(expectRefused(await run({ time: '2025-01-15T14:30:00' }), 'time')).toContain('timezone offset');
  });
});

describe('on-error', () => {
  it('warn turns a bad input into a warning: exit 0, status failed, nothing sent', async () => {
    const result = await run({ severity: 'HUGE', 'on-error': 'warn' });
    expect(result.exitCode).toBe(0);
    expect(annotations(result.stdout, 'error')).toEqual([]);
    const warnings = annotations(result.stdout, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Input "severity"');
    expect(result.outputs.status).toBe('failed');
    expect(api.requests).toHaveLength(0);
  });

  it('auto only warns when OpsTrails is down, and fail fails', async () => {
    api.script({ status: 503, body: { success: false, error: 'down' } }, { status: 503, body: { success: false, error: 'down' } });
    const auto = await run({ retries: '0' });
    const fail = await run({ retries: '0', 'on-error': 'fail' });
    expect([auto.exitCode, fail.exitCode]).toEqual([0, 1]);
    expect([auto.outputs.status, fail.outputs.status]).toEqual(['failed', 'failed']);
    expect(annotations(auto.stdout, 'warning').some((w) => w.includes('503'))).toBe(true);
    expect(annotations(fail.stdout, 'error').some((w) => w.includes('503'))).toBe(true);
  });

  it('auto fails when the server refuses the key (a configuration problem)', async () => {
    const result = await run({ 'api-key': 'ot_unknown_key_0000000' });
    expect(result.exitCode).toBe(1);
    expect(annotations(result.stdout, 'error').some((e) => e.includes('401'))).toBe(true);
  });
});

describe('retries and timeout', () => {
  it('retries after a 503 with the same id, as many times as asked', async () => {
    api.script({ status: 503, body: { success: false, error: 'down' } });
    const result = await run({ retries: '1' });
    expect(result.exitCode).toBe(0);
    expect(api.requests).toHaveLength(2);
    expect(api.requests[1]!.body!.id).toBe(api.requests[0]!.body!.id);
    expect(api.stored).toHaveLength(1);
  });

  it('retries: 0 makes one attempt only', async () => {
    api.script({ status: 503, body: { success: false, error: 'down' } });
    const result = await run({ retries: '0' });
    expect(api.requests).toHaveLength(1);
    expect(result.outputs.status).toBe('failed');
  });

  it('timeout bounds a server that never answers: the step ends, failed', async () => {
    api.script({ kind: 'hang' }, { kind: 'hang' });
    const result = await run({ timeout: '1', retries: '1' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('failed');
    expect(annotations(result.stdout, 'warning').some((w) => w.includes('1 s timeout'))).toBe(true);
  });

  it.each([
    ['retries', '11'],
    ['timeout', '0'],
    ['on-error', 'sometimes'],
    ['dry-run', 'maybe'],
  ])('refuses %s %s', async (input, value) => {
    expectRefused(await run({ [input]: value }), input);
  });
});

describe('dry-run and outputs', () => {
  it('dry-run sends nothing, needs no key, and reports the event as usual', async () => {
    const result = await runStepInProcess('main', { inputs: { 'dry-run': 'true', subject: 'PRODUCTION' } });
    expect(result.exitCode).toBe(0);
    expect(api.requests).toHaveLength(0);
    expect(result.outputs.status).toBe('dry-run');
    const event = JSON.parse(result.outputs.event!) as Record<string, unknown>;
    expect(event).toMatchObject({ specversion: '1.0', type: 'deployment', subject: 'PRODUCTION', version: SHA.slice(0, 7) });
    expect(result.outputs['event-id']).toBe(event.id);
    expect(result.outputs['event-time']).toBe(event.time);
    expect(result.summary).toContain('dry run');
  });

  it('sets event-id, event-time, event and status, and writes the summary table with a run link', async () => {
    const result = await runStepInProcess('main', {
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, subject: 'PRODUCTION', severity: 'critical', source: 'BE' },
    });
    expect(result.exitCode).toBe(0);
    const stored = api.stored[0]!;
    expect(result.outputs).toMatchObject({ 'event-id': stored.id, 'event-time': stored.time, status: 'sent' });
    expect(JSON.parse(result.outputs.event!)).toEqual(api.requests[0]!.body);
    for (const row of [
      '| type | deployment |',
      '| subject | PRODUCTION |',
      '| severity | CRITICAL |',
      `| version | ${SHA.slice(0, 7)} |`,
      '| source | BE |',
      `| id | ${String(stored.id)} |`,
      `| time | ${String(stored.time)} |`,
      '| status | ✅ sent |',
    ]) {
      expect(result.summary).toContain(row);
    }
    expect(result.summary).toContain('(https://github.com/acme/api-service/actions/runs/1658821493/attempts/1)');
  });

  it('keeps the undelivered event in the event output and the summary, ready to replay', async () => {
    api.script({ status: 503, body: { success: false, error: 'down' } });
    const result = await runStepInProcess('main', { inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, retries: '0' } });
    expect(result.outputs.status).toBe('failed');
    const event = JSON.parse(result.outputs.event!) as Record<string, unknown>;
    expect(event).toEqual(api.requests[0]!.body);
    expect(result.summary).toContain(JSON.stringify(event, null, 2));
  });
});
