// The log line and the job summary tell the story (issue 18.1, 18.2), end to end: the main step
// in-process (the runner's variables and files), for each kind of run, against the loopback OpsTrails and GitHub. The line
// is read from the log as a user reads it; the summary is rendered as GitHub Flavored Markdown.
import { marked } from 'marked';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { runnerEnv, type StepResult } from '../support/run-action.js';
import { runStepInProcess } from '../support/run-in-process.js';
import { apiServiceHistory, deploymentStatus, fakeSha, payload, workflowRun } from '../fixtures/generated.js';

const REPOSITORY = 'acme/api-service';
const TIME = '2025-01-10T12:00:00Z';
const sha = (n: number) => fakeSha(n);
const short = (n: number) => sha(n).slice(0, 7);
const HISTORY = apiServiceHistory('2025-01-10T06:48:00Z');

let opstrails: FakeOpsTrails;
let github: FakeGitHub;
beforeEach(async () => {
  [opstrails, github] = await Promise.all([startFakeOpsTrails(), startFakeGitHub()]);
  github.history = HISTORY;
});
afterEach(async () => {
  await Promise.all([opstrails.close(), github.close()]);
});

function run(event: string, body: object, head: number, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<StepResult> {
  return runStepInProcess('main', {
    payload: body,
    env: runnerEnv({ GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: event, GITHUB_SHA: sha(head), GITHUB_API_URL: github.url, OPSTRAILS_API_URL: opstrails.url, ...env }),
    inputs: { 'api-key': READ_WRITE_KEY, 'github-token': 'ghs_storyToken0123456789abcdef', time: TIME, ...inputs },
  });
}

/** The story line: the one info line that starts with "Recorded". */
function story(result: StepResult): string {
  const lines = result.stdout.split('\n').filter((line) => line.startsWith('Recorded '));
  expect(lines, result.stdout).toHaveLength(1);
  return lines[0]!;
}

function rendered(result: StepResult): string {
  return marked.parse(result.summary, { gfm: true, async: false });
}

const deployment = (id: number, head: number, at: string) => ({ id, sha: sha(head), environment: 'production', statuses: [{ state: 'success', created_at: at }] });

describe('the story line and the summary', () => {
  it('a push deployed to production: what shipped since the previous deploy, and the lead time', async () => {
    github.deployments = [deployment(28, 3, '2025-01-08T12:00:00Z')];
    const push = { ...payload('push-merge'), before: sha(5), after: sha(6), commits: [] };
    const result = await run('push', push, 6, { subject: 'PRODUCTION', version: '1.4.2' });
    expect(result.exitCode).toBe(0);
    expect(story(result)).toBe(`Recorded deployment of api-service 1.4.2 to PRODUCTION: 3 commits, 2 pull requests since ${short(3)} (deployment, 2 days ago), lead time 2 days`);
    expect(result.stdout).toMatch(/^::debug::OpsTrails event id [0-9a-f-]{36} \(deployment, at 2025-01-10T12:00:00Z\)\.$/m);
    const html = rendered(result);
    expect(html).toContain('<h3>✅ Recorded deployment of api-service 1.4.2 to PRODUCTION</h3>');
    expect(html).toContain(`<a href="https://github.com/${REPOSITORY}/pull/23">#23</a></td>\n<td>Alert on failed refunds</td>`);
    expect(html).toContain(`<a href="https://github.com/${REPOSITORY}/commit/${sha(5)}"><code>${short(5)}</code></a></td>\n<td>Fix the CSV export (OPS-5)</td>\n<td>Dana Doe</td>`);
    expect(html).toContain(`Previous deploy: ${short(3)} (deployment, 2 days ago) · <a href="https://github.com/${REPOSITORY}/compare/${sha(3)}...${sha(6)}">compare</a>`);
    expect(html).toMatch(/<strong>Tickets:<\/strong> [^<]*OPS-6, [^<]*OPS-5/);
  });

  it('a tag: since the previous tag', async () => {
    github.tags = [
      { name: 'v1.9.0', sha: sha(3) },
      { name: 'v1.10.0', sha: sha(6) },
    ];
    github.releases = [{ tag_name: 'v1.9.0', published_at: '2025-01-03T12:00:00Z' }];
    const push = { ...payload('push'), ref: 'refs/tags/v1.10.0', created: true, before: '0000000000000000000000000000000000000000', after: sha(6) };
    const result = await run('push', push, 6, { subject: 'PRODUCTION' }, { GITHUB_REF: 'refs/tags/v1.10.0', GITHUB_REF_NAME: 'v1.10.0', GITHUB_REF_TYPE: 'tag' });
    expect(result.exitCode).toBe(0);
    expect(story(result)).toBe('Recorded deployment of api-service v1.10.0 to PRODUCTION: 3 commits, 2 pull requests since v1.9.0 (tag, 7 days ago), lead time 2 days');
  });

  it('a dispatch with a description: its ticket is found', async () => {
    const result = await run('workflow_dispatch', payload('workflow_dispatch'), 6, { subject: 'STAGING', description: 'Deploy for PAY-42', 'github-token': '' });
    expect(result.exitCode).toBe(0);
    expect(story(result)).toBe(`Recorded deployment of api-service ${sha(6).slice(0, 7)} to STAGING`);
    expect(opstrails.stored[0]).toMatchObject({ data: { ticket: 'PAY-42' } });
    expect(rendered(result)).toContain('<strong>Tickets:</strong> PAY-42');
  });

  it('a rollback: what it rolls back and what it takes out', async () => {
    github.deployments = [deployment(40, 6, '2025-01-09T15:00:00Z')];
    const result = await run('workflow_dispatch', payload('workflow_dispatch'), 4, { subject: 'PRODUCTION' });
    expect(result.exitCode).toBe(0);
    expect(story(result)).toBe(`Recorded rollback of api-service ${short(4)} on PRODUCTION: rolls back ${short(6)}, takes out 2 commits, 1 pull request`);
    const html = rendered(result);
    expect(html).toContain('<h4>What this takes out</h4>');
    expect(html).toContain(`↩️ <strong>Rollback</strong> of ${short(6)}.`);
  });

  it('an observer pair: the start in its own words, then the end with its outcome', async () => {
    const head = { head_sha: sha(6), head_branch: 'main', event: 'push' };
    const start = await run('workflow_run', workflowRun('requested', head), 6, { subject: 'PRODUCTION', 'github-token': '', time: '' });
    const end = await run('workflow_run', workflowRun('completed', { ...head, conclusion: 'failure' }), 6, { subject: 'PRODUCTION', 'github-token': '', time: '' });
    expect(story(start)).toBe(`Recorded the start of a deployment of api-service ${short(6)} to PRODUCTION. The end event, with the outcome and duration, follows when the job ends`);
    expect(story(end)).toMatch(new RegExp(`^Recorded deployment of api-service ${short(6)} to PRODUCTION: failure after \\d+ (s|min)`));
    expect(rendered(end)).toContain(`<h3>✅ Recorded deployment of api-service ${short(6)} to PRODUCTION</h3>\n<p>failure after`);
  });

  it('a deployment_status pair: the subject upper-cased, as sent', async () => {
    for (const state of ['in_progress', 'success']) {
      const body = deploymentStatus(state);
      body.deployment = { ...(body.deployment as object), environment: 'Production' };
      const result = await run('deployment_status', body, 6, { 'github-token': '', time: '' });
      expect(result.exitCode).toBe(0);
      expect(story(result)).toContain('to PRODUCTION');
      if (state === 'success') expect(rendered(result)).toContain('<td>subject</td>\n<td>PRODUCTION</td>');
    }
    expect(opstrails.stored.map((e) => e.subject)).toEqual(['PRODUCTION', 'PRODUCTION']);
  });
});
