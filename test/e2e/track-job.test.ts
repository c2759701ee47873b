// track-job the way the runner does it: the main step, then the post step with STATE_* from the main
// step's GITHUB_STATE file and `with:` evaluated again (job-status, check-run-id). The steps run in-process
// (run-in-process.ts), except a main step cancelled mid-delivery, which only a process can show.
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { annotations, runStep, type StepResult } from '../support/run-action.js';
import { runStepInProcess } from '../support/run-in-process.js';

let api: FakeOpsTrails;
beforeEach(async () => {
  api = await startFakeOpsTrails();
});
afterEach(async () => {
  await api.close();
});

const RUN = 'https://github.com/acme/api-service/actions/runs/1658821493';

interface TrackedJob {
  main: StepResult;
  post: StepResult;
}

/** Runs main, then post with the main step's state; `post` inputs are laid over the main's, as re-evaluated `with:`. */
async function trackedJob(options: {
  inputs: Record<string, string>;
  post?: Record<string, string>;
}): Promise<TrackedJob> {
  const main = await runStepInProcess('main', { inputs: { 'job-status': 'success', ...options.inputs } });
  const post = await runStepInProcess('post', { state: main.state, inputs: { ...options.inputs, ...options.post } });
  return { main, post };
}

const tracked = (extra: Record<string, string> = {}) => ({
  'api-key': READ_WRITE_KEY,
  'api-url': api.url,
  subject: 'PRODUCTION',
  severity: 'MAJOR',
  version: '1.4.0',
  'track-job': 'true',
  ...extra,
});

/** A loopback port with nothing listening: connections are refused at once. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Settles once `condition` holds, checked every few milliseconds: an event to wait for, not a fixed delay. */
function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!condition()) return;
      clearInterval(timer);
      resolve();
    }, 5);
  });
}

function expectPairedEnd(start: Record<string, unknown>, end: Record<string, unknown>, outcome: string): void {
  const startData = start.data as Record<string, unknown>;
  const endData = end.data as Record<string, unknown>;
  for (const field of ['specversion', 'source', 'subject', 'version']) expect(end[field], field).toBe(start[field]);
  // One deployment per tracked job: only the end event, which knows the outcome, has the counted type.
  expect(start.type).toBe(`${end.type as string}-started`);
  expect(startData).toMatchObject({ phase: 'started', context_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  expect(endData).toMatchObject({
    phase: 'finished',
    context_id: startData.context_id,
    parent_id: start.id,
    outcome,
    started_at: expect.any(String),
    finished_at: end.time,
    duration_seconds: expect.any(Number),
  });
  const startedAt = Date.parse(endData.started_at as string);
  const finishedAt = Date.parse(endData.finished_at as string);
  expect(finishedAt).toBeGreaterThanOrEqual(startedAt);
  expect(endData.duration_seconds).toBe(Math.round((finishedAt - startedAt) / 1000));
  expect(end.id).not.toBe(start.id);
}

describe('track-job outcomes', () => {
  it.each(['success', 'failure', 'cancelled'])('records the start and an end with outcome %s', async (outcome) => {
    const before = Date.now();
    const { main, post } = await trackedJob({
      inputs: tracked({ 'check-run-id': '33495372840' }),
      post: { 'job-status': outcome },
    });
    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(api.stored).toHaveLength(2);
    const [start, end] = api.stored as [Record<string, unknown>, Record<string, unknown>];
    expectPairedEnd(start, end, outcome);
    expect([start.type, end.type]).toEqual(['deployment-started', 'deployment']);
    expect(start.severity).toBe('MAJOR');
    expect(end.severity).toBe('MAJOR');
    const jobUrl = `${RUN}/job/33495372840`;
    expect((start.data as Record<string, unknown>).job_url).toBe(jobUrl);
    expect((end.data as Record<string, unknown>).job_url).toBe(jobUrl);
    const startedAt = Date.parse(String((end.data as Record<string, unknown>).started_at));
    expect(startedAt).toBeGreaterThanOrEqual(before - 1000);

    expect(main.outputs['event-id']).toBe(start.id);
    expect(main.outputs['context-id']).toBe((start.data as Record<string, unknown>).context_id);
    // One section for the job, written by the post step: the start and the end, the outcome and duration.
    expect(main.summary).toBe('');
    expect(main.stdout).toContain('Recorded the start of a deployment of api-service 1.4.0 to PRODUCTION. The end event, with the outcome and duration, follows when the job ends');
    expect(post.summary).toMatch(/^### ✅ Recorded deployment of api-service 1\.4\.0 to PRODUCTION\n/);
    expect(post.summary).toMatch(new RegExp(`^\\*\\*Tracked job:\\*\\* ${outcome} after \\d+ s\\.$`, 'm'));
    expect(post.summary).toContain(`| start | ✅ sent | deployment-started | ${start.id as string} |`);
    expect(post.summary).toContain(`| end | ✅ sent | deployment | ${end.id as string} |`);
    expect(post.summary).toContain(`context id ${main.outputs['context-id']}.`);
    expect(post.stdout).toMatch(new RegExp(`^Recorded deployment of api-service 1\\.4\\.0 to PRODUCTION: ${outcome} after \\d+ s`, 'm'));
    expect(post.stdout).toContain(`The job ended: ${outcome},`);
    expect(annotations(post.stdout, 'warning')).toEqual([]);
  });
});

describe('track-job', () => {
  it('gives a failed or cancelled job failure-severity, and a successful one the start severity', async () => {
    const failed = await trackedJob({ inputs: tracked({ 'failure-severity': 'critical' }), post: { 'job-status': 'failure' } });
    const ok = await trackedJob({ inputs: tracked({ 'failure-severity': 'critical' }), post: { 'job-status': 'success' } });
    expect(failed.post.exitCode).toBe(0);
    expect(ok.post.exitCode).toBe(0);
    expect(api.stored.map((e) => [(e.data as Record<string, unknown>).phase, e.severity])).toEqual([
      ['started', 'MAJOR'],
      ['finished', 'CRITICAL'],
      ['started', 'MAJOR'],
      ['finished', 'MAJOR'],
    ]);
  });

  it('links to the run attempt when the runner gives no check run id', async () => {
    const { post } = await trackedJob({ inputs: tracked(), post: { 'job-status': 'success' } });
    expect(post.exitCode).toBe(0);
    for (const event of api.stored) expect((event.data as Record<string, unknown>).job_url).toBe(`${RUN}/attempts/1`);
  });

  it('pairs a given id with "<id>-finished", even when the post step evaluates id differently', async () => {
    const { post } = await trackedJob({ inputs: tracked({ id: 'deploy-42' }), post: { id: 'deploy-43', 'job-status': 'success' } });
    expect(post.exitCode).toBe(0);
    expect(api.stored.map((e) => e.id)).toEqual(['deploy-42', 'deploy-42-finished']);
    expect((api.stored[1]!.data as Record<string, unknown>).parent_id).toBe('deploy-42');
  });

  it('names as parent the id OpsTrails stored for the start', async () => {
    api.script({ status: 201, body: { success: true, data: { id: 'srv-chosen-1', time: '2025-01-15T14:30:00Z' } } });
    const { main, post } = await trackedJob({ inputs: tracked(), post: { 'job-status': 'success' } });
    expect(main.outputs['event-id']).toBe('srv-chosen-1');
    expect(post.exitCode).toBe(0);
    expect(api.stored).toHaveLength(1);
    expect((api.stored[0]!.data as Record<string, unknown>).parent_id).toBe('srv-chosen-1');
  });

  it('measures the duration from the moment the main step began', async () => {
    const main = await runStepInProcess('main', { inputs: tracked() });
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const post = await runStepInProcess('post', { state: { ...main.state, 'started-at': anHourAgo }, inputs: { ...tracked(), 'job-status': 'success' } });
    expect(post.exitCode).toBe(0);
    const endData = api.stored[1]!.data as Record<string, unknown>;
    expect(endData.started_at).toBe(anHourAgo);
    // A deadline, not a speed test: the post step has up to a minute to run.
    expect(endData.duration_seconds).toBeGreaterThanOrEqual(3600);
    expect(endData.duration_seconds).toBeLessThan(3660);
    expect(post.stdout).toContain('The job ended: success, 1 h after the start event.');
  });

  it('still sends a complete end event when the start could not be delivered', async () => {
    const unreachable = await closedPort();
    const main = await runStepInProcess('main', { inputs: tracked({ 'api-url': unreachable, retries: '0', timeout: '10' }) });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.status).toBe('failed');
    expect(annotations(main.stdout, 'warning').join('\n')).toContain('did not record the start event');
    const post = await runStepInProcess('post', { state: main.state, inputs: { ...tracked(), 'job-status': 'failure' } });
    expect(post.exitCode).toBe(0);
    expect(api.stored).toHaveLength(1);
    const start = JSON.parse(main.outputs.event!) as Record<string, unknown>;
    expectPairedEnd(start, api.stored[0]!, 'failure');
    expect(post.stdout).toContain('The start event was not recorded');
  });

  it('still ends a job cancelled while the start was being delivered', async () => {
    api.script({ kind: 'hang' });
    // The runner stops a step it cancels; here the main step is stopped as soon as the start reaches the
    // server, which never answers it.
    const main = await runStep('main', { inputs: tracked({ timeout: '120' }), cancelWhen: until(() => api.requests.length > 0) });
    expect(main.exitCode).toBeNull();
    expect(api.requests).toHaveLength(1);
    const post = await runStepInProcess('post', { state: main.state, inputs: { ...tracked(), 'job-status': 'cancelled' } });
    expect(post.exitCode).toBe(0);
    expect(api.stored).toHaveLength(1);
    const start = api.requests[0]!.body!;
    expectPairedEnd(start, api.stored[0]!, 'cancelled');
    expect(post.stdout).toContain('The start event may not have been recorded');
  });

  it('lets the deploy go on after a bad input under on-error: auto, and fails the job in the post step', async () => {
    const { main, post } = await trackedJob({ inputs: tracked({ severity: 'HUGE' }), post: { 'job-status': 'success' } });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.status).toBe('failed');
    expect(annotations(main.stdout, 'error')).toEqual([expect.stringMatching(/^Input "severity" "HUGE".*Nothing was sent; on-error: auto lets the deploy go on; the post step fails the job once it is done\.\)$/)]);
    expect(post.exitCode).toBe(1);
    expect(api.requests).toHaveLength(0);
    expect(annotations(post.stdout, 'error')).toEqual([expect.stringMatching(/^No end event: the main step stopped on its configuration: Input "severity" "HUGE".*The deploy was not held back \(on-error: auto\)/)]);
    expect(post.summary).toBe('');
  });

  it('fails the main step at once on a bad input under on-error: fail, and the post step says why it sends nothing', async () => {
    const { main, post } = await trackedJob({ inputs: tracked({ severity: 'HUGE', 'on-error': 'fail' }), post: { 'job-status': 'failure' } });
    expect(main.exitCode).toBe(1);
    expect(annotations(main.stdout, 'error').join('\n')).toContain('Input "severity" "HUGE"');
    expect(post.exitCode).toBe(0);
    expect(api.requests).toHaveLength(0);
    expect(post.stdout.trim().split('\n')).toEqual([
      'No end event: the main step stopped on its configuration, so no start event was sent. Fix the input its error names and re-run.',
    ]);
    expect(post.summary).toBe('');
  });

  it('defers to the post step when the end event could not fit, sending nothing', async () => {
    const bare = await runStepInProcess('main', { inputs: tracked({ 'include-context': 'false', data: '{"notes":""}', 'dry-run': 'true' }) });
    const room = 10_240 - Buffer.byteLength(bare.outputs.event!) - 20;
    const { main, post } = await trackedJob({
      inputs: tracked({ 'include-context': 'false', data: JSON.stringify({ notes: 'n'.repeat(room) }) }),
      post: { 'job-status': 'success' },
    });
    expect(main.exitCode).toBe(0);
    expect(annotations(main.stdout, 'error')).toEqual([expect.stringMatching(/^With track-job, the end event would not fit: .*10240-byte limit.*"data"/)]);
    expect(api.requests).toHaveLength(0);
    expect(post.exitCode).toBe(1);
    expect(annotations(post.stdout, 'error')).toEqual([expect.stringContaining('No end event: the main step stopped on its configuration: With track-job, the end event would not fit')]);
  });

  // The README's promise: a revoked key never stops the deploy under on-error: auto, and the job still ends red.
  it('runs the deploy with a revoked key under on-error: auto, then fails the job after it', async () => {
    api.script({ status: 401, body: { success: false, error: 'Invalid or missing API key', code: 'UNAUTHORIZED' } });
    const main = await runStepInProcess('main', { inputs: tracked() });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.status).toBe('failed');
    expect(annotations(main.stdout, 'error')).toEqual([
      expect.stringMatching(/^OpsTrails did not record the start event: 401 UNAUTHORIZED.*\(on-error: auto lets the deploy go on; the post step fails the job once it is done\.\)$/),
    ]);
    // The runner runs the next step (deploy.sh) only after a step that exits 0: it did, above.
    const post = await runStepInProcess('post', { state: main.state, inputs: { ...tracked(), 'job-status': 'success' } });
    expect(post.exitCode).toBe(1);
    expect(api.requests).toHaveLength(1);
    expect(annotations(post.stdout, 'error')).toEqual([
      expect.stringMatching(/^No end event: OpsTrails did not record this job's start event: 401 UNAUTHORIZED.*The deploy was not held back \(on-error: auto\)/),
    ]);
  });

  it('runs the deploy without a key under on-error: auto, then fails the job after it', async () => {
    const main = await runStepInProcess('main', { inputs: { ...tracked(), 'api-key': '' } });
    expect(main.exitCode).toBe(0);
    expect(annotations(main.stdout, 'error')).toEqual([expect.stringMatching(/"api-key".*on-error: auto lets the deploy go on/)]);
    const post = await runStepInProcess('post', { state: main.state, inputs: { ...tracked(), 'api-key': '', 'job-status': 'success' } });
    expect(post.exitCode).toBe(1);
    expect(api.requests).toHaveLength(0);
  });

  it('fails the main step at once with a revoked key under on-error: fail', async () => {
    api.script({ status: 401, body: { success: false, error: 'Invalid or missing API key', code: 'UNAUTHORIZED' } });
    const main = await runStepInProcess('main', { inputs: tracked({ 'on-error': 'fail' }) });
    expect(main.exitCode).toBe(1);
    expect(annotations(main.stdout, 'error').join('\n')).toContain('did not record the start event: 401 UNAUTHORIZED');
  });

  it('fails a step placed after the deploy with a revoked key under on-error: auto, as before', async () => {
    api.script({ status: 401, body: { success: false, error: 'Invalid or missing API key', code: 'UNAUTHORIZED' } });
    const main = await runStepInProcess('main', { inputs: tracked({ 'track-job': 'false' }) });
    expect(main.exitCode).toBe(1);
  });

  it('prints nothing at all in the post step without track-job', async () => {
    const { main, post } = await trackedJob({ inputs: tracked({ 'track-job': 'false' }), post: { 'job-status': 'failure' } });
    expect(main.exitCode).toBe(0);
    expect(main.outputs).not.toHaveProperty('context-id');
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toBe('');
    expect(post.stderr).toBe('');
    expect(post.summary).toBe('');
    expect(api.requests).toHaveLength(1);
  });

  it('builds and reports both events in a dry run, sending nothing', async () => {
    const inputs = { ...tracked({ 'dry-run': 'true' }), 'api-key': '' };
    const { main, post } = await trackedJob({ inputs, post: { 'job-status': 'failure' } });
    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(api.requests).toHaveLength(0);
    expect(main.outputs.status).toBe('dry-run');
    expect(main.outputs['context-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.stdout).toContain('Dry run: the end event was built and validated, and not sent.');
    expect(post.stdout).toContain('"phase": "finished"');
    expect(post.stdout).toContain(`"context_id": "${main.outputs['context-id']}"`);
    expect(post.summary).toMatch(/^\*\*Tracked job:\*\* failure after \d+ s\.$/m);
    expect(post.summary).toContain('| start | 🧪 dry run: not sent | deployment-started |');
  });

  it('does not fail the job when OpsTrails refuses the end event under on-error: auto', async () => {
    const main = await runStepInProcess('main', { inputs: tracked() });
    api.script({ status: 401, body: { success: false, error: 'Invalid or missing API key', code: 'UNAUTHORIZED' } });
    const post = await runStepInProcess('post', { state: main.state, inputs: { ...tracked(), 'job-status': 'success' } });
    expect(post.exitCode).toBe(0);
    expect(annotations(post.stdout, 'warning')).toEqual([expect.stringMatching(/did not record the end event: 401 UNAUTHORIZED.*\(on-error: auto, so the step goes on\)$/)]);
    expect(post.summary).toContain('⚠️ not delivered');
  });

  it('fails the post step on an undelivered end event under on-error: fail', async () => {
    const main = await runStepInProcess('main', { inputs: tracked({ 'on-error': 'fail' }) });
    api.script({ status: 503, body: { success: false, error: 'down', code: 'UNAVAILABLE' } });
    const post = await runStepInProcess('post', { state: main.state, inputs: { ...tracked({ 'on-error': 'fail', retries: '0' }), 'job-status': 'success' } });
    expect(post.exitCode).toBe(1);
    expect(annotations(post.stdout, 'error').join('\n')).toContain('did not record the end event: 503');
  });

  it('never shows the API key in the post step’s log, summary or files', async () => {
    const main = await runStepInProcess('main', { inputs: tracked() });
    api.script({ status: 400, body: { success: false, error: `bad key ${READ_WRITE_KEY}`, code: 'VALIDATION_ERROR' } });
    const post = await runStepInProcess('post', { state: main.state, inputs: { ...tracked(), 'job-status': 'success' } });
    const log = post.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(log.join('\n')).toContain('did not record the end event');
    expect(log.join('\n')).not.toContain(READ_WRITE_KEY);
    expect(post.stderr + post.summary).not.toContain(READ_WRITE_KEY);
  });
});
