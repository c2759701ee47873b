// The pure rules of track-job and the end event built from a start event: no runner, no server.
import { describe, expect, it } from 'vitest';
import { buildEndEvent, type CloudEvent } from '../../src/event/cloud-event.js';
import { planEvent } from '../../src/steps/plan-event.js';
import { buildWorkflowContext } from '../../src/context/workflow-context.js';
import { collectChange } from '../../src/change/collect.js';
import { parseSettings, type Settings } from '../../src/inputs/settings.js';
import { INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs/names.js';
import {
  assertEndFits,
  durationSeconds,
  endEventId,
  endEventType,
  endSeverity,
  finishedJob,
  outcomeOf,
  readSavedStart,
  startEventType,
  type SavedStart,
} from '../../src/event/track-job.js';

function rawInputs(given: Partial<Record<InputName, string>>): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, given[name] ?? ''])) as RawInputs;
}

function settingsWith(given: Partial<Record<InputName, string>> = {}): Promise<Settings> {
  return parseSettings(rawInputs({ 'api-key': 'ot_unit_key', 'track-job': 'true', ...given }), {});
}

const env = {
  GITHUB_REPOSITORY: 'acme/api-service',
  GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  GITHUB_RUN_ID: '1658821493',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_ACTOR: 'octocat',
};

/** What the main step plans for a track-job start, with no lookups. */
async function startPlan(given: Partial<Record<InputName, string>> = {}) {
  const settings = await settingsWith({ 'check-run-id': '42', ...given });
  const context = buildWorkflowContext(env, {});
  const now = new Date('2025-01-15T14:30:00.000Z');
  const plan = planEvent({ settings, context, change: collectChange(context, { rollbackOf: undefined }), shipped: undefined, now, fresh: { eventId: 'start-uuid', contextId: 'ctx-1' } });
  if (plan.kind === 'skip') throw new Error(`expected a start event, got ${JSON.stringify(plan)}`);
  return plan;
}

/** A start event as the main step builds it (also one it refuses to send). */
async function startEvent(given: Partial<Record<InputName, string>> = {}): Promise<CloudEvent> {
  return (await startPlan(given)).event;
}

/** `data` that brings a start without context to 20 bytes under 10 KB: the end's own keys push it over. */
async function notesThatJustFit(): Promise<string> {
  const bare = await startEvent({ data: '{"notes":""}', 'include-context': 'false' });
  return JSON.stringify({ notes: 'n'.repeat(10_240 - Buffer.byteLength(JSON.stringify(bare)) - 20) });
}

function saved(event: CloudEvent, overrides: Partial<SavedStart> = {}): SavedStart {
  return { event, id: event.id, startedAt: '2025-01-15T14:30:00.000Z', status: 'sent', ...overrides };
}

describe('outcomeOf', () => {
  it.each(['success', 'failure', 'cancelled'] as const)('keeps %s as it is', (status) => {
    expect(outcomeOf(status)).toBe(status);
  });
  it.each([undefined, '', 'skipped', 'Success'])('calls %j unknown rather than guessing', (status) => {
    expect(outcomeOf(status)).toBe('unknown');
  });
});

describe('endSeverity', () => {
  it('takes failure-severity when the job failed or was cancelled', () => {
    expect(endSeverity('CRITICAL', 'MAJOR', 'failure')).toBe('CRITICAL');
    expect(endSeverity('CRITICAL', undefined, 'cancelled')).toBe('CRITICAL');
  });
  it.each(['timed_out', 'action_required', 'startup_failure', 'stale', 'error'] as const)('takes failure-severity for a watched run or deployment that ended %s', (outcome) => {
    expect(endSeverity('CRITICAL', 'MAJOR', outcome)).toBe('CRITICAL');
  });
  it("keeps the start's severity when the work succeeded, passed as GitHub counts it, or its status is unknown", () => {
    expect(endSeverity('CRITICAL', 'MAJOR', 'success')).toBe('MAJOR');
    expect(endSeverity('CRITICAL', 'MAJOR', 'neutral')).toBe('MAJOR');
    expect(endSeverity('CRITICAL', 'MAJOR', 'skipped')).toBe('MAJOR');
    expect(endSeverity('CRITICAL', undefined, 'unknown')).toBeUndefined();
  });
  it("keeps the start's severity on failure when no failure-severity was given", () => {
    expect(endSeverity(undefined, 'MINOR', 'failure')).toBe('MINOR');
  });
});

describe('durationSeconds', () => {
  it('counts whole seconds from start to end, rounded', () => {
    expect(durationSeconds('2025-01-15T14:30:00.000Z', new Date('2025-01-15T14:31:13.600Z'))).toBe(74);
    expect(durationSeconds('2025-01-15T16:30:00+02:00', new Date('2025-01-15T14:30:05.000Z'))).toBe(5);
  });
  it('is never negative when the clock stepped back', () => {
    expect(durationSeconds('2025-01-15T14:30:00.000Z', new Date('2025-01-15T14:29:00.000Z'))).toBe(0);
  });
});

describe('readSavedStart', () => {
  const state = (overrides: Partial<Record<'startEvent' | 'startId' | 'startedAt' | 'startStatus', string>> = {}) => ({
    startEvent: JSON.stringify({ id: 'start-1', type: 'deployment', source: 'BE', time: 'NOW', data: { context_id: 'ctx-1' } }),
    startId: 'stored-1',
    startedAt: '2025-01-15T14:30:00.000Z',
    startStatus: 'sent',
    ...overrides,
  });

  const FINISHED = new Date('2025-01-15T14:42:00.000Z');

  it('returns the start with the id OpsTrails stored', () => {
    const start = readSavedStart(state(), FINISHED);
    expect(start).toMatchObject({ id: 'stored-1', startedAt: '2025-01-15T14:30:00.000Z', status: 'sent', event: { id: 'start-1' } });
  });
  it('falls back to the id sent, and an unknown status, when the main step was stopped mid-delivery', () => {
    expect(readSavedStart(state({ startId: '', startStatus: '' }), FINISHED)).toMatchObject({ id: 'start-1', status: 'unknown' });
  });
  it.each([
    ['no start event', { startEvent: '' }, 'stopped before it built the start event'],
    ['a start event that is not JSON', { startEvent: '{"id":' }, 'unreadable'],
    ['a start event without a context id', { startEvent: JSON.stringify({ id: 'a', type: 't', source: 's', data: {} }) }, 'unreadable'],
    ['no start time', { startedAt: '' }, 'no readable start time'],
    ['a forged start time 26 years back', { startedAt: '1999-01-15T14:30:00.000Z' }, 'cannot be this job'],
    ['a start time after the end', { startedAt: '2025-01-15T16:30:00.000Z' }, 'cannot be this job'],
  ])('explains %s in one clause', (_, overrides, says) => {
    const start = readSavedStart(state(overrides), FINISHED);
    expect(start).toHaveProperty('problem');
    expect((start as { problem: string }).problem).toContain(says);
    expect((start as { problem: string }).problem).not.toContain('\n');
  });
});

describe('start and end types', () => {
  it('types the start <type>-started and gives the end the user\'s type back', () => {
    expect(startEventType('deployment')).toBe('deployment-started');
    expect(endEventType(startEventType('deployment'))).toBe('deployment');
    expect(endEventType('deployment')).toBe('deployment');
  });
  it('refuses a type that would not fit once suffixed', async () => {
    await expect(settingsWith({ type: 'x'.repeat(93) })).rejects.toThrow(/Input "type" is longer than 92 characters/);
    expect(startEventType('x'.repeat(92))).toHaveLength(100);
  });
});

describe('endEventId', () => {
  it("derives the end's id from the start's, so a given id yields a stable pair", async () => {
    expect(endEventId((await startEvent({ id: 'deploy-42' })).id)).toBe('deploy-42-finished');
    expect(endEventId((await startEvent()).id)).toBe('start-uuid-finished');
  });
  it('fits the id limit for the longest id track-job accepts', async () => {
    const longest = 'x'.repeat(191);
    expect(endEventId((await startEvent({ id: longest })).id).length).toBe(200);
    await expect(settingsWith({ id: 'x'.repeat(192) })).rejects.toThrow(/Input "id" is longer than 191 characters/);
  });
});

describe('buildEndEvent', () => {
  async function endOf(start: CloudEvent, outcome: string, given: Partial<Record<InputName, string>> = {}, overrides: Partial<SavedStart> = {}) {
    const settings = await settingsWith(given);
    const job = finishedJob(saved(start, overrides), {
      jobStatus: outcome,
      jobUrl: 'https://github.com/acme/api-service/actions/runs/1658821493/job/42',
      finishedAt: new Date('2025-01-15T14:34:05.000Z'),
    });
    return buildEndEvent({
      start,
      settings,
      job,
      id: endEventId(start.id),
      type: endEventType(start.type),
      severity: endSeverity(settings.failureSeverity, start.severity, job.outcome),
    });
  }

  it("carries the user's type where the start has <type>-started, repeats source, subject, version and data, and adds how the job ended", async () => {
    const start = await startEvent({ type: 'db-migration', subject: 'PRODUCTION', version: '1.2.3', severity: 'MAJOR', data: '{"ticket":"OPS-1"}' });
    expect(start.type).toBe('db-migration-started');
    const { event, warnings } = await endOf(start, 'success');
    expect(warnings).toEqual([]);
    expect(event).toMatchObject({
      specversion: '1.0',
      id: 'start-uuid-finished',
      type: 'db-migration',
      source: '//github.com/acme/api-service',
      subject: 'PRODUCTION',
      version: '1.2.3',
      severity: 'MAJOR',
      time: '2025-01-15T14:34:05.000Z',
    });
    expect(event.data).toEqual({
      ...start.data,
      context_id: 'ctx-1',
      phase: 'finished',
      parent_id: 'start-uuid',
      outcome: 'success',
      started_at: '2025-01-15T14:30:00.000Z',
      finished_at: '2025-01-15T14:34:05.000Z',
      duration_seconds: 245,
      job_url: 'https://github.com/acme/api-service/actions/runs/1658821493/job/42',
    });
    expect(start.data.phase).toBe('started');
  });

  it('links to the id OpsTrails stored for the start', async () => {
    const { event } = await endOf(await startEvent(), 'success', {}, { id: 'srv-7' });
    expect(event.data.parent_id).toBe('srv-7');
  });

  it.each(['failure', 'cancelled'])('marks a %s with failure-severity and keeps the outcome apart', async (outcome) => {
    const { event } = await endOf(await startEvent({ severity: 'MINOR' }), outcome, { 'failure-severity': 'critical' });
    expect(event.severity).toBe('CRITICAL');
    expect(event.data.outcome).toBe(outcome);
  });

  it('drops a severity the end does not take, rather than keeping a stale one', async () => {
    const start = { ...(await startEvent()), severity: undefined };
    delete start.severity;
    const { event } = await endOf(start, 'failure');
    expect(event).not.toHaveProperty('severity');
  });

  it("keeps the pairing keys the action's even when data names them, and says so on the start", async () => {
    const { event: start, warnings } = await startPlan({ data: '{"phase":"canary","outcome":"great","region":"eu"}' });
    expect(start.data).toMatchObject({ phase: 'started', region: 'eu' });
    expect(start.data).not.toHaveProperty('outcome');
    expect(warnings).toEqual([expect.stringContaining('Input "data" sets phase, outcome')]);
    const { event: end } = await endOf(start, 'failure', { data: '{"phase":"canary","outcome":"great","region":"eu"}' });
    expect(end.data).toMatchObject({ phase: 'finished', outcome: 'failure', region: 'eu', context_id: 'ctx-1' });
  });

  it('keeps a saved data key named __proto__ a plain key', async () => {
    const start = JSON.parse(JSON.stringify(await startEvent()).replace('"data":{', '"data":{"__proto__":{"polluted":true},')) as CloudEvent;
    const { event } = await endOf(start, 'success');
    expect(Object.hasOwn(event.data, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an end event over 10 KB as a configuration problem naming "data", never sending it cut', async () => {
    const notes = await notesThatJustFit();
    const start = await startEvent({ data: notes, 'include-context': 'false' });
    expect(Buffer.byteLength(JSON.stringify(start))).toBeLessThanOrEqual(10_240);
    await expect(endOf(start, 'success', { data: notes, 'include-context': 'false' })).rejects.toThrow(/over OpsTrails' 10240-byte limit.*"data"/);
  });
});

describe('assertEndFits', () => {
  it('accepts a start whose end fits', async () => {
    const given = { data: '{"notes":"short"}', 'failure-severity': 'CRITICAL' };
    const [start, settings] = [await startEvent(given), await settingsWith(given)];
    expect(() => assertEndFits(start, settings)).not.toThrow();
  });

  it('refuses, in the main step, a start whose end could not be sent, naming "data"', async () => {
    const given = { data: await notesThatJustFit(), 'include-context': 'false' };
    const [start, settings] = [await startEvent(given), await settingsWith(given)];
    expect(Buffer.byteLength(JSON.stringify(start))).toBeLessThanOrEqual(10_240);
    expect(() => assertEndFits(start, settings)).toThrow(/^With track-job, the end event would not fit: .*10240-byte limit.*"data"/);
    const plan = await startPlan(given);
    expect(plan.kind === 'refuse' && plan.error.message).toMatch(/^With track-job, the end event would not fit: /);
  });
});
