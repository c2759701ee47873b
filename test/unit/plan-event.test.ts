// planEvent: what the main step sends for a run, decided without the runner or a server.
import { describe, expect, it } from 'vitest';
import { collectChange } from '../../src/change/collect.js';
import { buildWorkflowContext, type Env } from '../../src/context/workflow-context.js';
import type { Shipped } from '../../src/github/shipped.js';
import { parseSettings } from '../../src/inputs/settings.js';
import { INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs/names.js';
import { planEvent, type EventPlan } from '../../src/steps/plan-event.js';
import { deploymentStatus, payload } from '../fixtures/generated.js';

const NOW = new Date('2030-01-01T00:00:00.000Z');
const FRESH = { eventId: 'fresh-event', contextId: 'fresh-context' };
const ENV: Env = { GITHUB_REPOSITORY: 'acme/api', GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1', GITHUB_REF: 'refs/heads/main' };

function rawInputs(given: Partial<Record<InputName, string>>): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, given[name] ?? ''])) as RawInputs;
}

async function plan(eventName: string, body: Record<string, unknown>, given: Partial<Record<InputName, string>> = {}, shipped?: Shipped): Promise<EventPlan> {
  const context = buildWorkflowContext({ ...ENV, GITHUB_EVENT_NAME: eventName }, body);
  const settings = await parseSettings(rawInputs({ 'api-key': 'ot_unit_key', ...given }), { GITHUB_EVENT_NAME: eventName });
  return planEvent({ settings, context, change: collectChange(context, { rollbackOf: undefined }), shipped, now: NOW, fresh: FRESH });
}

function sent(result: EventPlan): Extract<EventPlan, { kind: 'send' }> {
  if (result.kind !== 'send') throw new Error(`expected an event to send, got ${result.kind}`);
  return result;
}

describe('planEvent', () => {
  it('plans a single event with a fresh id, at the step time, and saves nothing', async () => {
    const result = sent(await plan('push', payload('push')));
    expect(result).toMatchObject({ title: 'Event', job: undefined, trackJobStart: undefined, warnings: [] });
    expect(result.event).toMatchObject({ id: 'fresh-event', type: 'deployment', time: NOW.toISOString() });
  });

  it("takes the user's id over a fresh one", async () => {
    expect(sent(await plan('push', payload('push'), { id: 'deploy-42' })).event.id).toBe('deploy-42');
  });

  it('plans a track-job start: -started type, the fresh context id, and the state the post step needs', async () => {
    const result = sent(await plan('push', payload('push'), { 'track-job': 'true', 'check-run-id': '9' }));
    expect(result.title).toBe('Start event');
    expect(result.job).toEqual({ phase: 'started', contextId: 'fresh-context', jobUrl: 'https://github.com/acme/api/actions/runs/7/job/9' });
    expect(result.event).toMatchObject({ type: 'deployment-started', data: { phase: 'started', context_id: 'fresh-context' } });
    expect(result.trackJobStart).toEqual({ event: result.event, startedAt: NOW.toISOString() });
  });

  it('turns a default type into rollback when the lookups found one, and keeps a type the user chose', async () => {
    const behind = { rollback: true } as Shipped;
    expect(sent(await plan('push', payload('push'), {}, behind)).event.type).toBe('rollback');
    expect(sent(await plan('push', payload('push'), { 'track-job': 'true' }, behind)).event.type).toBe('rollback-started');
    expect(sent(await plan('push', payload('push'), { type: 'release' }, behind)).event.type).toBe('release');
    expect(sent(await plan('push', payload('push'), { 'detect-rollback': 'false' }, behind)).event.type).toBe('deployment');
  });

  it("plans a deployment_status end with the payload's derived ids, time and failure severity", async () => {
    const result = sent(await plan('deployment_status', deploymentStatus('failure'), { 'failure-severity': 'CRITICAL' }));
    expect(result.title).toBe('End event');
    expect(result.event.id).toMatch(/-finished$/);
    expect(result.event).toMatchObject({ type: 'deployment', severity: 'CRITICAL', data: { phase: 'finished', outcome: 'failure' } });
    expect(result.warnings).toEqual([]);
  });

  it('skips a deployment gone inactive, and track-job wins over the pair', async () => {
    expect(await plan('deployment_status', deploymentStatus('inactive'))).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/is now inactive/) });
    expect(sent(await plan('deployment_status', deploymentStatus('inactive'), { 'track-job': 'true' })).title).toBe('Start event');
  });

  it('warns that failure-severity does nothing on a single event', async () => {
    expect(sent(await plan('push', payload('push'), { 'failure-severity': 'CRITICAL' })).warnings).toEqual([expect.stringMatching(/^Input "failure-severity" has no effect on a single event/)]);
  });
});
