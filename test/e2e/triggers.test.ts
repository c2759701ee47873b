// Each trigger end to end (issue 10): the main step in-process (run-in-process.ts: the runner's variables
// and files; `npm run test:bundle` for the bundle), with payloads in GitHub's shapes, against the
// loopback OpsTrails (and the loopback GitHub API for a push's lookup).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { annotations, runnerEnv, type StepResult } from '../support/run-action.js';
import { runStepInProcess } from '../support/run-in-process.js';
import { deploymentStatus, FORK_REPOSITORY, forkWorkflowRun, MERGE_SHA, mergedPullRequest, payload, workflowRun } from '../fixtures/generated.js';

const REPOSITORY = 'Codertocat/Hello-World';
/** GITHUB_SHA of a workflow_run run: the default branch's tip, never the commit the event is about. */
const DEFAULT_TIP = '0000000000000000000000000000000000c0ffee';

let opstrails: FakeOpsTrails;
beforeEach(async () => {
  opstrails = await startFakeOpsTrails();
});
afterEach(async () => {
  await opstrails.close();
});

/** One run of the main step for `eventName` with `body` as its webhook payload; each call is a separate run. */
function runFor(eventName: string, body: object, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<StepResult> {
  return runStepInProcess('main', {
    payload: body,
    env: runnerEnv({
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_EVENT_NAME: eventName,
      GITHUB_SHA: DEFAULT_TIP,
      GITHUB_REF: 'refs/heads/master',
      GITHUB_REF_NAME: 'master',
      OPSTRAILS_API_URL: opstrails.url,
      ...env,
    }),
    inputs: { 'api-key': READ_WRITE_KEY, 'github-token': '', ...inputs },
  });
}

const dataOf = (event: Record<string, unknown> | undefined) => (event?.data ?? {}) as Record<string, unknown>;

describe('observer mode (workflow_run)', () => {
  it('pairs the start and end of a watched run across two separate observer runs, and a re-delivery records nothing twice', async () => {
    // The observer's own run ids differ between the two runs: the pair comes from the watched run alone.
    const start = await runFor('workflow_run', workflowRun('requested'), { subject: 'PRODUCTION', 'failure-severity': 'CRITICAL' }, { GITHUB_RUN_ID: '111' });
    const end = await runFor('workflow_run', workflowRun('completed', { conclusion: 'failure' }), { subject: 'PRODUCTION', 'failure-severity': 'CRITICAL' }, { GITHUB_RUN_ID: '222' });
    const again = await runFor('workflow_run', workflowRun('requested'), { subject: 'PRODUCTION' }, { GITHUB_RUN_ID: '333' });

    for (const result of [start, end, again]) {
      expect(result.exitCode).toBe(0);
      expect(annotations(result.stdout, 'warning')).toEqual([]);
    }
    expect(opstrails.stored).toHaveLength(2);
    const [started, finished] = opstrails.stored as [Record<string, unknown>, Record<string, unknown>];
    expect(started).toMatchObject({ type: 'deployment-started', subject: 'PRODUCTION', version: MERGE_SHA.slice(0, 7) });
    expect(finished).toMatchObject({ type: 'deployment', subject: 'PRODUCTION', severity: 'CRITICAL', id: `${started.id as string}-finished` });
    expect(dataOf(finished)).toMatchObject({
      phase: 'finished',
      parent_id: started.id,
      context_id: dataOf(started).context_id,
      outcome: 'failure',
      duration_seconds: 165,
      commit: MERGE_SHA,
      workflow: 'Deploy API',
      description: 'Fix login timeout (JIRA-1234)',
    });
    expect(JSON.stringify(opstrails.stored)).not.toContain(DEFAULT_TIP);
    expect(start.outputs['context-id']).toBe(dataOf(started).context_id);
    expect(end.summary).toMatch(/^### ✅ Recorded deployment of /m);

    // The same webhook again (a re-run of the observer): the same id, which OpsTrails already holds.
    expect(opstrails.requests).toHaveLength(3);
    expect(opstrails.requests[2]!.body?.id).toBe(started.id);
    expect(again.outputs.status).toBe('sent');
    expect(again.stdout).toContain(`OpsTrails already holds the start event ${started.id as string}`);
  });
});

describe('observer mode: runs of a fork (issue 17)', () => {
  it("sends nothing for a fork pull request's run, and logs one line naming the input that opts in", async () => {
    const inputs = { subject: 'PRODUCTION', 'failure-severity': 'CRITICAL' };
    const start = await runFor('workflow_run', forkWorkflowRun('requested'), inputs);
    const end = await runFor('workflow_run', forkWorkflowRun('completed', { conclusion: 'failure' }), inputs);
    for (const result of [start, end]) {
      expect(result.exitCode).toBe(0);
      expect(result.outputs.status).toBe('skipped');
      expect(annotations(result.stdout, 'warning')).toEqual([]);
      const lines = result.stdout.split('\n').filter((line) => line.includes('observe-forks'));
      expect(lines).toEqual([expect.stringContaining(`is not of this repository's own code (it ran code from "${FORK_REPOSITORY}", not "${REPOSITORY}")`)]);
    }
    expect(opstrails.requests).toHaveLength(0);
  });

  it('with observe-forks: true, records the fork run marked data.fork, as fork-run, never a deploy, a tag or a version from its branch', async () => {
    const inputs = { subject: 'PRODUCTION', 'failure-severity': 'CRITICAL', 'observe-forks': 'true' };
    const start = await runFor('workflow_run', forkWorkflowRun('requested'), inputs);
    const end = await runFor('workflow_run', forkWorkflowRun('completed', { conclusion: 'failure' }), inputs);
    expect([start.exitCode, end.exitCode]).toEqual([0, 0]);
    expect(opstrails.stored).toHaveLength(2);
    const [started, finished] = opstrails.stored as [Record<string, unknown>, Record<string, unknown>];
    expect(started).toMatchObject({ type: 'fork-run-started', data: { fork: true } });
    expect(finished).toMatchObject({ type: 'fork-run', version: MERGE_SHA.slice(0, 7), data: { fork: true, outcome: 'failure', parent_id: started.id } });
    expect(finished.severity).toBeUndefined();
    expect(JSON.stringify(opstrails.stored)).not.toMatch(/refs\/tags\/|"v9\.9\.9"/);
  });

  it("asks GitHub nothing about a fork's run: it shipped nothing here, and is no rollback", async () => {
    const github = await startFakeGitHub();
    try {
      const inputs = { subject: 'PRODUCTION', 'observe-forks': 'true', 'github-token': 'ghs_fakeInstallationToken0123456789abcd' };
      const env = { GITHUB_API_URL: github.url };
      expect((await runFor('workflow_run', forkWorkflowRun('completed'), inputs, env)).exitCode).toBe(0);
      expect(github.requests).toEqual([]);
      // This repository's own run of the same shape is looked up (its previous deploy to PRODUCTION).
      expect((await runFor('workflow_run', workflowRun('completed'), inputs, env)).exitCode).toBe(0);
      expect(github.requests.length).toBeGreaterThan(0);
      expect(opstrails.stored.map((event) => event.type)).toEqual(['fork-run', 'deployment']);
    } finally {
      await github.close();
    }
  });
});

describe('observer mode: two observers of one run (issue 17)', () => {
  it('with different subjects both record their pair; each end names its own start; a re-delivery repeats its id', async () => {
    const subjects = ['STAGING', 'PRODUCTION'];
    for (const subject of subjects) await runFor('workflow_run', workflowRun('requested'), { subject });
    for (const subject of subjects) await runFor('workflow_run', workflowRun('completed'), { subject });
    const again = await runFor('workflow_run', workflowRun('completed'), { subject: 'PRODUCTION' });

    expect(opstrails.stored).toHaveLength(4);
    const bySubject = (subject: string, type: string) => opstrails.stored.find((event) => event.subject === subject && event.type === type)!;
    for (const subject of subjects) {
      const started = bySubject(subject, 'deployment-started');
      const finished = bySubject(subject, 'deployment');
      expect(finished).toMatchObject({ id: `${started.id as string}-finished`, data: { parent_id: started.id, context_id: dataOf(started).context_id } });
    }
    expect(bySubject('STAGING', 'deployment').id).not.toBe(bySubject('PRODUCTION', 'deployment').id);
    expect(opstrails.requests.at(-1)!.body?.id).toBe(bySubject('PRODUCTION', 'deployment').id);
    expect(again.outputs.status).toBe('sent');
  });
});

describe('deployment_status states (issue 17)', () => {
  it('waiting, in_progress, success: one deploy, whose end names the start; an unknown state sends nothing', async () => {
    for (const state of ['waiting', 'in_progress', 'success']) {
      expect((await runFor('deployment_status', deploymentStatus(state))).exitCode).toBe(0);
    }
    const odd = await runFor('deployment_status', deploymentStatus('exploded'));

    expect(opstrails.stored.map((event) => event.type)).toEqual(['deployment-started', 'deployment']);
    expect(dataOf(opstrails.stored[1])).toMatchObject({ parent_id: opstrails.stored[0]!.id, outcome: 'success' });
    expect(odd.outputs.status).toBe('skipped');
    expect(odd.stdout).toContain('Deployment 145988746 reported the state "exploded", which is neither the start nor the end of a deploy');
    expect(opstrails.requests).toHaveLength(3);
  });
});

describe('deployment_status', () => {
  it('a successful and a failed deploy give different events; inactive sends nothing', async () => {
    const ok = await runFor('deployment_status', deploymentStatus('success'), { 'failure-severity': 'MAJOR' });
    const failed = payload('deployment_status');
    const failedBody = deploymentStatus('failure', { description: 'Build failed' });
    failedBody.deployment = { ...(failed.deployment as object), id: 145988747 };
    const bad = await runFor('deployment_status', failedBody, { 'failure-severity': 'MAJOR' });
    const inactive = await runFor('deployment_status', deploymentStatus('inactive'));

    expect([ok.exitCode, bad.exitCode, inactive.exitCode]).toEqual([0, 0, 0]);
    expect(opstrails.stored).toHaveLength(2);
    const [success, failure] = opstrails.stored as [Record<string, unknown>, Record<string, unknown>];
    expect(success).toMatchObject({ type: 'deployment', subject: 'PRODUCTION', version: 'f95f852' });
    expect(success.severity).toBeUndefined();
    expect(dataOf(success)).toMatchObject({ outcome: 'success', deployer: 'Codertocat', links: { environment: 'https://hello-world-8fj2kqp1.vercel.app' } });
    expect(failure).toMatchObject({ type: 'deployment', severity: 'MAJOR', data: { outcome: 'failure', deployment: { id: 145988747, state: 'failure', status_description: 'Build failed' } } });
    expect(inactive.outputs.status).toBe('skipped');
    expect(inactive.stdout).toMatch(/Deployment 145988746 is now inactive: .* No event was sent\./);
  });
});

describe('workflow_dispatch and pull_request runs', () => {
  it('records dispatch inputs, their tickets and the reason as description', async () => {
    const result = await runFor('workflow_dispatch', payload('workflow_dispatch-inputs'));
    expect(result.exitCode).toBe(0);
    expect(dataOf(opstrails.stored[0])).toMatchObject({
      description: 'Hotfix for JIRA-999: roll the session store back',
      ticket: 'JIRA-999',
      inputs: { reason: 'Hotfix for JIRA-999: roll the session store back', dry_run: 'false' },
    });
  });

  it('records whether the pull request was merged', async () => {
    for (const name of ['pull_request-merged', 'pull_request']) {
      const result = await runFor('pull_request', payload(name), {}, { GITHUB_REF: 'refs/pull/2/merge' });
      expect(result.exitCode).toBe(0);
    }
    expect(opstrails.stored.map((event) => dataOf(event).pull_request)).toEqual([
      expect.objectContaining({ number: 2, merged: true, state: 'closed', head_sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' }),
      expect.objectContaining({ number: 2, merged: false, state: 'closed' }),
    ]);
  });
});

describe('a push whose lookup lists only an open pull request', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(async () => {
    await github.close();
  });

  it('credits no pull request: the open one was not deployed', async () => {
    github.pullsFor(REPOSITORY, MERGE_SHA, [
      mergedPullRequest({ number: 88, title: 'Release to production (REL-5)', state: 'open', merged: false, merged_at: null, merge_commit_sha: MERGE_SHA }),
    ]);
    const result = await runFor('push', payload('push-merge'), { 'github-token': 'ghs_fakeInstallationToken0123456789abcd' }, { GITHUB_SHA: MERGE_SHA, GITHUB_API_URL: github.url });
    expect(result.exitCode).toBe(0);
    // The pull request of the commit was asked for (beside what shipped since the push's `before`).
    expect(github.requests.filter((request) => request.path.includes(`/commits/${MERGE_SHA}/pulls`))).toHaveLength(1);
    const data = dataOf(opstrails.stored[0]);
    expect(data.pull_request).toBeUndefined();
    expect(data.description).toBe('Fix login timeout (JIRA-1234)');
    expect(JSON.stringify(data)).not.toContain('REL-5');
  });
});

describe('a given id that OpsTrails already holds (409 on the first attempt)', () => {
  it('is recorded already: the step stays green and warns once with the fix for matrices', async () => {
    const inputs = { id: 'deploy-1658821493-1' };
    const first = await runFor('push', payload('push'), inputs);
    const second = await runFor('push', payload('push'), inputs);
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    expect(opstrails.stored).toHaveLength(1);
    expect(second.outputs.status).toBe('sent');
    expect(annotations(second.stdout, 'warning')).toEqual([expect.stringContaining('OpsTrails already holds an event with id "deploy-1658821493-1" (409)')]);
    expect(annotations(second.stdout, 'warning')[0]).toContain('${{ strategy.job-index }}');
  });
});
