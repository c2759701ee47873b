// What each trigger makes the event say (issue 10), from payloads in GitHub's shapes: observer mode
// (workflow_run), deployment_status, workflow_dispatch inputs, pull_request runs. Pure: no runner, no server.
import { describe, expect, it } from 'vitest';
import { collectChange, type ChangeOptions } from '../../src/change/collect.js';
import { buildWorkflowContext, possibleTag, runUrl, withConfirmedTag, type Env } from '../../src/context/workflow-context.js';
import { withDeployedCommit } from '../../src/context/deployed-commit.js';
import { MAX_INPUT_VALUE, readDispatchInputs } from '../../src/context/dispatch-inputs.js';
import { triggerPhase, type PairingSettings, type TriggerPhase } from '../../src/event/pairing.js';
import { pairedHalf, planEvent } from '../../src/steps/plan-event.js';
import { parseSettings } from '../../src/inputs/settings.js';
import { INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs/names.js';
import { DEPLOYMENT_STATES, FORK_REPOSITORY, forkWorkflowRun, MERGE_SHA, payload, WORKFLOW_RUN_CONCLUSIONS, workflowRun, deploymentStatus } from '../fixtures/generated.js';
import { foreignCode, readObservedRun } from '../../src/context/observed-run.js';

const REPOSITORY = 'Codertocat/Hello-World';
/** The default branch's tip: what GITHUB_SHA is in a workflow_run run, and never the event's commit. */
const DEFAULT_TIP = '0000000000000000000000000000000000c0ffee';
const OBSERVED_RUN = `https://github.com/${REPOSITORY}/actions/runs/30433642/attempts/1`;
const none: ChangeOptions = { rollbackOf: undefined };
const NOW = new Date('2030-01-01T00:00:00.000Z');
/** The inputs that shape a pair, at their defaults. */
const PAIRING: PairingSettings = { id: undefined, type: 'deployment', subject: undefined, observeForks: false };

function env(eventName: string, overrides: Env = {}): Env {
  return {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SHA: DEFAULT_TIP,
    GITHUB_REF: 'refs/heads/master',
    GITHUB_REF_NAME: 'master',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_RUN_ID: '999',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'observer-bot',
    GITHUB_WORKFLOW: 'Record deploys',
    GITHUB_JOB: 'record',
    GITHUB_EVENT_NAME: eventName,
    ...overrides,
  };
}

function rawInputs(given: Partial<Record<InputName, string>>): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, given[name] ?? ''])) as RawInputs;
}

/** What the main step would plan for this payload (no lookups), and the pair half it is. */
async function planFor(eventName: string, body: Record<string, unknown>, given: Partial<Record<InputName, string>> = {}) {
  const context = buildWorkflowContext(env(eventName), body);
  const settings = await parseSettings(rawInputs({ 'api-key': 'ot_unit_key', ...given }), { GITHUB_EVENT_NAME: eventName });
  const plan = planEvent({ settings, context, change: collectChange(context, none), shipped: undefined, now: NOW, fresh: { eventId: 'single', contextId: 'fresh-context' } });
  return { plan, pair: pairedHalf(settings, context, NOW) };
}

/** The event the main step would send for this payload, and the pair half it is. */
async function eventFor(eventName: string, body: Record<string, unknown>, given: Partial<Record<InputName, string>> = {}) {
  const { plan, pair } = await planFor(eventName, body, given);
  if (plan.kind !== 'send') throw new Error(`expected an event to send, got ${JSON.stringify(plan)}`);
  return { event: plan.event, pair };
}

type Half = Exclude<TriggerPhase, { kind: 'skip' }>;
function half(pair: TriggerPhase | undefined): Half {
  if (!pair || pair.kind === 'skip') throw new Error(`expected a start or end, got ${JSON.stringify(pair)}`);
  return pair;
}

describe('observer mode: a workflow_run run describes the watched run', () => {
  it("records the watched run's commit, branch, actors, workflow, event and URL, not the observer's", () => {
    const context = buildWorkflowContext(env('workflow_run'), workflowRun('completed'));
    expect(context).toMatchObject({
      sha: MERGE_SHA,
      ref: 'refs/heads/master',
      refName: 'master',
      refType: 'branch',
      actor: 'Codertocat',
      triggeringActor: 'Codertocat',
      workflow: 'Deploy API',
      job: undefined,
      eventName: 'workflow_run',
      runEvent: 'push',
    });
    expect(runUrl(context)).toBe(OBSERVED_RUN);
  });

  it("describes the change by the head commit: the pull request title GitHub wrote below the merge line, and its tickets", async () => {
    const { event } = await eventFor('workflow_run', workflowRun('completed'));
    expect(event.version).toBe(MERGE_SHA.slice(0, 7));
    expect(event.data).toMatchObject({
      description: 'Fix login timeout (JIRA-1234)',
      deployer: 'Codertocat',
      commit: MERGE_SHA,
      ref: 'refs/heads/master',
      run_url: OBSERVED_RUN,
      workflow: 'Deploy API',
      event_name: 'push',
      tickets: [`${REPOSITORY}#57`, 'JIRA-1234'],
      links: { run: OBSERVED_RUN, commit: `https://github.com/${REPOSITORY}/commit/${MERGE_SHA}` },
    });
    expect(event.data.job).toBeUndefined();
    expect(JSON.stringify(event)).not.toContain(DEFAULT_TIP);
  });

  it.each(['requested', 'in_progress'] as const)('%s is the start: <type>-started, timed when the run started', async (action) => {
    const { event, pair } = await eventFor('workflow_run', workflowRun(action));
    expect(pair?.kind).toBe('start');
    expect(event).toMatchObject({ type: 'deployment-started', time: '2019-05-15T15:21:20.000Z' });
    expect(event.data).toMatchObject({ phase: 'started', job_url: OBSERVED_RUN });
  });

  it.each(WORKFLOW_RUN_CONCLUSIONS)('completed with %s is the end, with that outcome and the run\'s times', async (conclusion) => {
    const { event, pair } = await eventFor('workflow_run', workflowRun('completed', { conclusion }));
    expect(pair?.kind).toBe('end');
    expect(event).toMatchObject({ type: 'deployment', time: '2019-05-15T15:24:05.000Z' });
    expect(event.data).toMatchObject({
      phase: 'finished',
      outcome: conclusion,
      started_at: '2019-05-15T15:21:20.000Z',
      finished_at: '2019-05-15T15:24:05.000Z',
      duration_seconds: 165,
    });
  });

  it('start and end of one attempt pair up from separate payloads; a re-delivery repeats the ids; another attempt is a new pair', () => {
    const phaseOf = (body: Record<string, unknown>) => half(triggerPhase(buildWorkflowContext(env('workflow_run'), body), PAIRING, NOW));
    const start = phaseOf(workflowRun('requested'));
    const end = phaseOf(workflowRun('completed'));
    expect(start.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(end.id).toBe(`${start.id}-finished`);
    expect(end.job).toMatchObject({ parentId: start.id, contextId: start.job.contextId });
    expect(phaseOf(workflowRun('requested')).id).toBe(start.id);
    const rerun = phaseOf(workflowRun('requested', { run_attempt: 2 }));
    expect(rerun.id).not.toBe(start.id);
    expect(rerun.job.contextId).not.toBe(start.job.contextId);
    expect(rerun.job.jobUrl).toBe(`https://github.com/${REPOSITORY}/actions/runs/30433642/attempts/2`);
  });

  it("a given id is the start's, and the end's is <id>-finished", () => {
    const context = buildWorkflowContext(env('workflow_run'), workflowRun('completed'));
    expect(half(triggerPhase(context, { ...PAIRING, id: 'deploy-30433642' }, NOW))).toMatchObject({ id: 'deploy-30433642-finished', job: { parentId: 'deploy-30433642' } });
  });

  it('a watched pull_request run names its pull request; a watched push never credits the open pull requests listed', () => {
    const pulls = [{ url: 'x', id: 1, number: 58, head: { ref: 'JIRA-77-retry', sha: 'b'.repeat(40) }, base: { ref: 'master', sha: 'c'.repeat(40) } }];
    const prRun = collectChange(buildWorkflowContext(env('workflow_run'), workflowRun('completed', { event: 'pull_request', head_sha: 'b'.repeat(40), pull_requests: pulls })), none);
    expect(prRun.data.pull_request).toEqual({ number: 58, url: `https://github.com/${REPOSITORY}/pull/58`, base: 'master', head: 'JIRA-77-retry' });
    expect(prRun.data.tickets).toContain('JIRA-77');
    const pushRun = collectChange(buildWorkflowContext(env('workflow_run'), workflowRun('completed', { pull_requests: pulls })), none);
    expect(pushRun.data.pull_request).toBeUndefined();
  });

  it("only a release run's head is a tag: a head named like a version is no tag ref and no version", async () => {
    const release = await eventFor('workflow_run', workflowRun('completed', { event: 'release', head_branch: 'v1.4.0' }));
    expect(release.event.version).toBe('v1.4.0');
    expect(release.event.data.ref).toBe('refs/tags/v1.4.0');
    // A pushed tag and a branch named like one look the same in the payload: neither is claimed.
    const versionNamed = await eventFor('workflow_run', workflowRun('completed', { head_branch: 'v9.9.9' }));
    expect(versionNamed.event.version).toBe(MERGE_SHA.slice(0, 7));
    expect(versionNamed.event.data.ref).toBeUndefined();
    expect(JSON.stringify(versionNamed.event)).not.toContain('refs/tags/');
    const branch = buildWorkflowContext(env('workflow_run'), workflowRun('completed', { head_branch: 'release-2' }));
    expect(branch).toMatchObject({ ref: 'refs/heads/release-2', refType: 'branch', refName: 'release-2' });
  });

  it('a head named like a version is a possible tag, for the lookups to check; a confirmed one becomes the ref and version', async () => {
    const context = (changes: Record<string, unknown>, overrides: Env = {}) => buildWorkflowContext(env('workflow_run', overrides), workflowRun('completed', changes));
    expect(possibleTag(context({ head_branch: 'v9.9.9' }))).toBe('v9.9.9');
    expect(possibleTag(context({ head_branch: '2.0.1-rc.1' }))).toBe('2.0.1-rc.1');
    // A branch, a release run's tag (already a tag), a fork's branch, a run that is not watched: nothing to check.
    expect(possibleTag(context({ head_branch: 'main' }))).toBeUndefined();
    expect(possibleTag(context({ event: 'release', head_branch: 'v1.4.0' }))).toBeUndefined();
    expect(possibleTag(buildWorkflowContext(env('workflow_run'), forkWorkflowRun('completed', { event: 'push' })))).toBeUndefined();
    expect(possibleTag(buildWorkflowContext(env('push'), payload('push')))).toBeUndefined();
    // The commit input names another commit: the watched run's name says nothing of it.
    expect(possibleTag(withDeployedCommit(context({ head_branch: 'v9.9.9' }), 'a'.repeat(40)))).toBeUndefined();
    expect(possibleTag(withDeployedCommit(context({ head_branch: 'v9.9.9' }), 'v1.0.0'))).toBeUndefined();

    const confirmed = withConfirmedTag(context({ head_branch: 'v9.9.9' }), 'v9.9.9');
    expect(confirmed).toMatchObject({ ref: 'refs/tags/v9.9.9', refType: 'tag', refName: 'v9.9.9' });
    expect(possibleTag(confirmed)).toBeUndefined();
  });

  it('a workflow_run webhook with an action GitHub does not send is no half and no deploy: nothing is sent', async () => {
    const odd = await planFor('workflow_run', { ...workflowRun('completed'), action: 'exploded' });
    expect(odd.plan).toEqual({ kind: 'skip', reason: expect.stringContaining('names the action "exploded", which is neither the start') });
  });

  it('an unknown conclusion is unknown, a payload without a run is a single event of this run', async () => {
    const odd = await eventFor('workflow_run', workflowRun('completed', { conclusion: 'exploded', updated_at: 'later' }));
    expect(odd.event.data).toMatchObject({ outcome: 'unknown', finished_at: NOW.toISOString() });
    const bare = await eventFor('workflow_run', { action: 'completed', workflow_run: { id: 'x' } });
    expect(bare.pair).toBeUndefined();
    expect(bare.event.data.commit).toBe(DEFAULT_TIP);
  });
});

describe('deployment_status: deploys reported by any platform', () => {
  it("records the deployment's commit, creator, environment, status and links", async () => {
    const { event } = await eventFor('deployment_status', payload('deployment_status'));
    expect(event).toMatchObject({ type: 'deployment', subject: 'PRODUCTION', version: 'f95f852' });
    expect(event.data).toMatchObject({
      description: 'Deploy the login timeout fix (JIRA-1234) to production',
      deployer: 'Codertocat',
      triggered_by: 'vercel[bot]',
      commit: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      ticket: 'JIRA-1234',
      deployment: { id: 145988746, environment: 'production', state: 'success', status_description: 'Deployment has completed' },
      links: { environment: 'https://hello-world-8fj2kqp1.vercel.app', deployment: 'https://vercel.com/codertocat/hello-world/8Fj2kQp1' },
      phase: 'finished',
      outcome: 'success',
      started_at: '2019-05-15T15:20:53.000Z',
      finished_at: '2019-05-15T15:24:38.000Z',
      duration_seconds: 225,
      job_url: 'https://vercel.com/codertocat/hello-world/8Fj2kQp1',
    });
  });

  it.each(DEPLOYMENT_STATES)('%s', async (state) => {
    const { plan, pair } = await planFor('deployment_status', deploymentStatus(state));
    const event = plan.kind === 'send' ? plan.event : undefined;
    const expected: Record<string, string> = { success: 'end', failure: 'end', error: 'end', inactive: 'skip', in_progress: 'start', queued: 'start', pending: 'start', waiting: 'start' };
    expect(pair?.kind).toBe(expected[state]);
    if (pair?.kind === 'end') expect(event).toMatchObject({ type: 'deployment', data: { outcome: state, deployment: { state } } });
    if (pair?.kind === 'start') expect(event).toMatchObject({ type: 'deployment-started', time: '2019-05-15T15:20:58.000Z', data: { phase: 'started' } });
    if (pair?.kind === 'skip') expect(pair.reason).toMatch(/^Deployment 145988746 is now inactive: .* No event was sent\.$/);
    expect(plan.kind).toBe(pair?.kind === 'skip' ? 'skip' : 'send');
  });

  it('start and end pair by the deployment id', () => {
    const phaseOf = (body: Record<string, unknown>) => half(triggerPhase(buildWorkflowContext(env('deployment_status'), body), PAIRING, NOW));
    const start = phaseOf(deploymentStatus('in_progress'));
    const end = phaseOf(deploymentStatus('failure'));
    expect(phaseOf(deploymentStatus('queued')).id).toBe(start.id);
    expect(end).toMatchObject({ id: `${start.id}-finished`, job: { parentId: start.id, contextId: start.job.contextId } });
  });

  it('falls back to the status description, and to this run for a link, when the deployment gives none', async () => {
    const body = deploymentStatus('success', { target_url: '', log_url: '' });
    (body.deployment as Record<string, unknown>).description = null;
    const { event } = await eventFor('deployment_status', body);
    expect(event.data).toMatchObject({ description: 'Deployment has completed', job_url: `https://github.com/${REPOSITORY}/actions/runs/999/attempts/1` });
  });
});

describe('deployment_status: only a final state is a deploy', () => {
  it.each(['exploded', 'SUCCESS!', '__proto__', 'constructor'])('the unknown state %j sends nothing, and says so', async (state) => {
    const { plan } = await planFor('deployment_status', deploymentStatus(state));
    expect(plan).toEqual({ kind: 'skip', reason: expect.stringMatching(/^Deployment 145988746 reported the state ".*", which is neither the start nor the end of a deploy .* No event was sent\.$/) });
  });

  it('a status without a state, or no status at all, sends nothing', async () => {
    const stateless = deploymentStatus('success');
    delete (stateless.deployment_status as Record<string, unknown>).state;
    const bare = { ...payload('deployment_status') };
    delete bare.deployment_status;
    for (const body of [stateless, bare]) {
      expect((await planFor('deployment_status', body)).plan).toEqual({ kind: 'skip', reason: expect.stringContaining('reported no state') });
    }
  });

  it('waiting, then in_progress, then success: one start id for both starts, one deploy', async () => {
    const waiting = await eventFor('deployment_status', deploymentStatus('waiting'));
    const progress = await eventFor('deployment_status', deploymentStatus('in_progress'));
    const done = await eventFor('deployment_status', deploymentStatus('success'));
    expect([waiting.event.type, progress.event.type, done.event.type]).toEqual(['deployment-started', 'deployment-started', 'deployment']);
    expect(progress.event.id).toBe(waiting.event.id);
    expect(done.event.data.parent_id).toBe(waiting.event.id);
  });
});

describe('ids of a pair: the watched work, and the type and subject it is recorded as', () => {
  const phaseOf = (eventName: string, body: Record<string, unknown>, given: Partial<PairingSettings> = {}) =>
    half(triggerPhase(buildWorkflowContext(env(eventName), body), { ...PAIRING, ...given }, NOW));

  it.each([
    ['workflow_run', workflowRun('requested'), workflowRun('completed')],
    ['deployment_status', deploymentStatus('in_progress'), deploymentStatus('success')],
  ] as const)('%s: two observers with different subjects or types make two pairs; each pairs up and repeats its ids', (eventName, startBody, endBody) => {
    const staging = phaseOf(eventName, startBody, { subject: 'STAGING' });
    const production = phaseOf(eventName, startBody, { subject: 'PRODUCTION' });
    const otherType = phaseOf(eventName, startBody, { subject: 'PRODUCTION', type: 'release' });
    expect(new Set([staging.id, production.id, otherType.id]).size).toBe(3);
    expect(new Set([staging.job.contextId, production.job.contextId, otherType.job.contextId]).size).toBe(3);
    const productionEnd = phaseOf(eventName, endBody, { subject: 'PRODUCTION' });
    expect(productionEnd).toMatchObject({ id: `${production.id}-finished`, job: { parentId: production.id, contextId: production.job.contextId } });
    expect(phaseOf(eventName, startBody, { subject: 'PRODUCTION' }).id).toBe(production.id);
  });

  it('no subject is not the same as an empty-looking one, and no part runs into the next', () => {
    const a = phaseOf('workflow_run', workflowRun('requested'), { type: 'a', subject: 'b/c' });
    const b = phaseOf('workflow_run', workflowRun('requested'), { type: 'a/b', subject: 'c' });
    expect(a.id).not.toBe(b.id);
  });
});

describe('observer mode: runs of code that is not this repository\'s', () => {
  const own = (changes: Record<string, unknown>) => readObservedRun(workflowRun('completed', changes))!;

  it('tells a fork by its head repository, or by a pull request run that lists no pull request', () => {
    expect(foreignCode(readObservedRun(workflowRun('completed'))!, REPOSITORY)).toBeUndefined();
    expect(foreignCode(readObservedRun(forkWorkflowRun('completed'))!, REPOSITORY)).toBe(`it ran code from "${FORK_REPOSITORY}", not "${REPOSITORY}"`);
    // GitHub names repositories in any letter case.
    expect(foreignCode(own({ head_repository: { full_name: REPOSITORY.toUpperCase() } }), REPOSITORY)).toBeUndefined();
    expect(foreignCode(own({ head_repository: null }), REPOSITORY)).toBe('its payload names no head repository');
    // pull_request_target runs on the base repository's code, named as its head: only the empty list tells a fork.
    expect(foreignCode(own({ event: 'pull_request_target', pull_requests: [] }), REPOSITORY)).toMatch(/^it is a pull_request_target run that names no pull request/);
    const pulls = [{ number: 58, head: { ref: 'JIRA-77', sha: 'b'.repeat(40) }, base: { ref: 'master', sha: 'c'.repeat(40) } }];
    expect(foreignCode(own({ event: 'pull_request', pull_requests: pulls }), REPOSITORY)).toBeUndefined();
    // The payload's repository is the one compared; GITHUB_REPOSITORY only when the payload names none.
    const withoutRepository = workflowRun('completed');
    delete withoutRepository.repository;
    expect(foreignCode(readObservedRun(withoutRepository)!, REPOSITORY)).toBeUndefined();
    expect(foreignCode(readObservedRun(withoutRepository)!, undefined)).toMatch(/^it ran code from/);
  });

  it.each(['requested', 'completed'] as const)('sends nothing for a fork run (%s) by default, and names the input that opts in', async (action) => {
    const { plan, pair } = await planFor('workflow_run', forkWorkflowRun(action, { conclusion: 'failure' }), { subject: 'PRODUCTION', 'failure-severity': 'CRITICAL' });
    expect(pair?.kind).toBe('skip');
    expect(plan).toEqual({
      kind: 'skip',
      reason: `Run 30433977 of "Deploy API" is not of this repository's own code (it ran code from "${FORK_REPOSITORY}", not "${REPOSITORY}"): observer mode records only those, so no event was sent. Set observe-forks: true to record fork runs too, marked data.fork: true and never as a deploy (deployment and rollback become fork-run).`,
    });
  });

  it("a fork's hostile names reach the log line quoted on one line, never as a runner command", async () => {
    const hostile = forkWorkflowRun('completed', { name: 'x\n::error::pwned', head_repository: { full_name: 'a\u202e/##[warning]b\r\n::add-mask::c' } });
    const { plan } = await planFor('workflow_run', hostile);
    const reason = plan.kind === 'skip' ? plan.reason : '';
    expect(reason).toContain('no event was sent');
    expect(reason).not.toMatch(/[\r\n\u202e]|##\[|(^|\s)::/);
  });

  it('with observe-forks, records a fork run marked as one, never as a deploy, rollback or incident, with no tag, no version from its branch and no failure severity', async () => {
    const given = { subject: 'PRODUCTION', 'failure-severity': 'CRITICAL', 'observe-forks': 'true' };
    const start = await eventFor('workflow_run', forkWorkflowRun('requested'), given);
    const end = await eventFor('workflow_run', forkWorkflowRun('completed', { conclusion: 'failure' }), given);
    expect(start.event).toMatchObject({ type: 'fork-run-started', data: { fork: true, phase: 'started' } });
    expect(end.event).toMatchObject({ type: 'fork-run', version: MERGE_SHA.slice(0, 7), data: { fork: true, outcome: 'failure', parent_id: start.event.id, deployer: 'octo-stranger' } });
    expect(end.event.severity).toBeUndefined();
    expect(end.event.data.ref).toBeUndefined();
    expect(JSON.stringify([start.event, end.event])).not.toMatch(/refs\/tags|"v9\.9\.9"/);
    for (const type of ['rollback', 'Deployment', 'incident', 'deployment-status', 'data-load']) {
      expect((await eventFor('workflow_run', forkWorkflowRun('completed'), { ...given, type })).event.type).toBe('fork-run');
    }
    // A type OpsTrails does not count stays the user's; the user's data cannot unmark the fork.
    const ci = await eventFor('workflow_run', forkWorkflowRun('completed'), { ...given, type: 'ci-run', data: '{"fork": false}' });
    expect(ci.event).toMatchObject({ type: 'ci-run', data: { fork: true } });
  });

  it("this repository's own runs are not marked and keep their type under observe-forks", async () => {
    const { event } = await eventFor('workflow_run', workflowRun('completed'), { 'observe-forks': 'true' });
    expect(event.type).toBe('deployment');
    expect(event.data.fork).toBeUndefined();
  });
});

describe('workflow_dispatch inputs', () => {
  it('records the inputs as text, reads tickets from them, and takes the reason as the description', async () => {
    const { event } = await eventFor('workflow_dispatch', payload('workflow_dispatch-inputs'));
    expect(event.data).toMatchObject({
      description: 'Hotfix for JIRA-999: roll the session store back',
      inputs: { environment: 'production', reason: 'Hotfix for JIRA-999: roll the session store back', dry_run: 'false', version: '1.4.2' },
      ticket: 'JIRA-999',
      event_name: 'workflow_dispatch',
    });
  });

  it('bounds each value, keeps tickets found past the bound, and drops what is not an input value', () => {
    const long = `${'x'.repeat(500)} OPS-42`;
    const read = readDispatchInputs({ inputs: { Message: long, nested: { a: 1 }, none: null, n: 3 } });
    expect(read.inputs).toEqual({ Message: expect.any(String), n: '3' });
    expect(read.inputs?.Message).toHaveLength(MAX_INPUT_VALUE);
    expect(read.description).toBe(long);
    expect(read.ticketTexts.join(' ')).toContain('OPS-42');
    expect(readDispatchInputs({ inputs: 'x' })).toEqual({ inputs: undefined, ticketTexts: [], description: undefined });
  });

  it('prefers description over reason over message, and skips an empty one', () => {
    expect(readDispatchInputs({ inputs: { message: 'm', reason: 'r', description: '' } }).description).toBe('r');
  });
});

describe('pull_request runs say whether the pull request was merged', () => {
  it.each([
    ['pull_request-merged', true],
    ['pull_request', false],
  ] as const)('%s', (name, merged) => {
    const change = collectChange(buildWorkflowContext(env('pull_request', { GITHUB_REF: 'refs/pull/2/merge' }), payload(name)), none);
    expect(change.data.pull_request).toMatchObject({ number: 2, merged, state: 'closed', head_sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' });
  });
});

describe('settings: a start event is <type>-started whichever mode sends it', () => {
  it.each(['workflow_run', 'deployment_status'])('refuses a type over 92 characters for a %s run', async (eventName) => {
    const parse = (type: string) => parseSettings(rawInputs({ 'api-key': 'ot_unit_key', type }), { GITHUB_EVENT_NAME: eventName });
    await expect(parse('x'.repeat(93))).rejects.toThrow(`Input "type" is longer than 92 characters (for a ${eventName} run, the start event is "<type>-started")`);
    await expect(parse('x'.repeat(92))).resolves.toMatchObject({ type: 'x'.repeat(92) });
    await expect(parseSettings(rawInputs({ 'api-key': 'ot_unit_key', type: 'x'.repeat(100) }), { GITHUB_EVENT_NAME: 'push' })).resolves.toBeDefined();
  });
});
