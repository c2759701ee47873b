// The change behind the event, end to end: the main step (the bundle for the first case, in-process for
// the rest), against the loopback OpsTrails and a loopback GitHub REST API (GITHUB_API_URL), with GitHub's payload shapes.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { startFakeGitHub, type FakeGitHub, type GitHubBehaviour } from '../support/fake-github.js';
import { annotations, nodeRuntimes, runnerEnv, runStep, type StepResult } from '../support/run-action.js';
import { runStepInProcess } from '../support/run-in-process.js';
import { MERGE_SHA, mergedPullRequest, payload, pullRequestWithBody, pushOfCommits } from '../fixtures/generated.js';

const REPOSITORY = 'Codertocat/Hello-World';
/** What the runner passes as `github-token` when the workflow does not set it: `${{ github.token }}`. */
const GITHUB_TOKEN = 'ghs_fakeInstallationToken0123456789abcd';

let opstrails: FakeOpsTrails;
let github: FakeGitHub;
beforeEach(async () => {
  [opstrails, github] = await Promise.all([startFakeOpsTrails(), startFakeGitHub()]);
});
afterEach(async () => {
  await Promise.all([opstrails.close(), github.close()]);
});

/**
 * A push run of Codertocat/Hello-World with only the key given: everything else is the runner's. With
 * `node`, the bundle under that Node; else the step in-process.
 */
function pushRun(event: object, options: { sha?: string; inputs?: Record<string, string>; node?: string } = {}): Promise<StepResult> {
  const run: typeof runStep = options.node ? runStep : runStepInProcess;
  return run('main', {
    node: options.node,
    payload: event,
    env: runnerEnv({
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_SHA: options.sha ?? MERGE_SHA,
      GITHUB_REF: 'refs/heads/master',
      GITHUB_REF_NAME: 'master',
      GITHUB_API_URL: github.url,
      OPSTRAILS_API_URL: opstrails.url,
    }),
    inputs: { 'api-key': READ_WRITE_KEY, 'github-token': GITHUB_TOKEN, ...options.inputs },
  });
}

/** Neither secret anywhere the step wrote, except the lines that ask the runner to mask them. */
function expectNoSecrets(result: StepResult): void {
  const everything = [result.stdout, result.stderr, ...Object.values(result.files).map((file) => readFileSync(file, 'utf8'))]
    .join('\n')
    .replace(/^::add-mask::.*$/gm, '');
  expect(everything).not.toContain(READ_WRITE_KEY);
  expect(everything).not.toContain(GITHUB_TOKEN);
}

describe.each(nodeRuntimes())('under $name', ({ path }) => {
  it('a deploy on merge names the pull request, its tickets, author and commits, with no input beyond the key', async () => {
    github.pullsFor(REPOSITORY, MERGE_SHA, [mergedPullRequest({ number: 60, merged: false, merged_at: null, merge_commit_sha: 'a'.repeat(40) }), mergedPullRequest()]);
    const result = await pushRun(payload('push-merge'), { node: path });

    expect(result.exitCode).toBe(0);
    expect(annotations(result.stdout, 'warning')).toEqual([]);
    expect(github.to('pulls')).toHaveLength(1);
    expect(github.to('pulls')[0]).toMatchObject({ method: 'GET', path: `/repos/${REPOSITORY}/commits/${MERGE_SHA}/pulls` });
    expect(github.to('pulls')[0]!.headers.authorization).toBe(`token ${GITHUB_TOKEN}`);
    expect(opstrails.stored).toHaveLength(1);
    expect(opstrails.stored[0]).toMatchObject({
      type: 'deployment',
      source: `//github.com/${REPOSITORY}`,
      version: MERGE_SHA.slice(0, 7),
      data: {
        description: 'Fix login timeout (JIRA-1234)',
        ticket: 'JIRA-1234',
        tickets: ['JIRA-1234', `${REPOSITORY}#41`, 'MON-9', `${REPOSITORY}#12`, `${REPOSITORY}#57`],
        pull_request: { number: 57, title: 'Fix login timeout (JIRA-1234)', author: 'Codertocat', base: 'master', head: 'JIRA-1234-login-timeout' },
        commits: {
          count: 3,
          list: [
            { sha: MERGE_SHA, author: 'Codertocat' },
            { sha: 'b3f2d1e0c9a8b7f6e5d4c3b2a1f0e9d8c7b6a5f4', message: 'Cover the timeout in tests (refs #12)', author: 'hubot' },
            { sha: 'a10867b14bb761a232cd80139fbd4c0d33264240', message: 'Raise the login timeout to 30 s', author: 'Codertocat' },
          ],
        },
        compare_url: `https://github.com/${REPOSITORY}/compare/6113728f27ae...d4e5f6a7b8c9`,
        links: {
          run: `https://github.com/${REPOSITORY}/actions/runs/1658821493/attempts/1`,
          commit: `https://github.com/${REPOSITORY}/commit/${MERGE_SHA}`,
          pull_request: `https://github.com/${REPOSITORY}/pull/57`,
          compare: `https://github.com/${REPOSITORY}/compare/6113728f27ae...d4e5f6a7b8c9`,
        },
        deployer: 'octocat',
        commit: MERGE_SHA,
      },
    });
    expectNoSecrets(result);
  });
});

describe('rollbacks', () => {
  it('a rollback job records the deploy event it undoes (rollback-of from the event-id output) and the reverted commit', async () => {
    const deploy = await pushRun(payload('push-merge'));
    const deployId = deploy.outputs['event-id'];
    expect(deployId).toBe(opstrails.stored[0]?.id);

    const revert = payload('push-revert');
    const rollback = await pushRun(revert, {
      sha: (revert.head_commit as { id: string }).id,
      inputs: { type: 'rollback', 'rollback-of': deployId! },
    });
    expect(rollback.exitCode).toBe(0);
    expect(opstrails.stored[1]).toMatchObject({
      type: 'rollback',
      data: { rollback_of: deployId, reverts: MERGE_SHA, description: 'Revert "Fix login timeout (JIRA-1234)"', ticket: 'JIRA-1234' },
    });
  });
});

describe('the 10 KB budget', () => {
  it('a 1,000-commit push whose pull request has a 1 MB body is recorded within the limit', async () => {
    const push = pushOfCommits(1000);
    const sha = (push.head_commit as { id: string }).id;
    const body = (pullRequestWithBody(1024 * 1024).pull_request as { body: string }).body;
    github.pullsFor(REPOSITORY, sha, [mergedPullRequest({ body, merge_commit_sha: sha })]);
    const result = await pushRun(push, { sha });

    expect(result.exitCode).toBe(0);
    expect(opstrails.stored).toHaveLength(1);
    expect(Buffer.byteLength(opstrails.requests[0]!.raw)).toBeLessThanOrEqual(10_240);
    const data = opstrails.stored[0]!.data as Record<string, unknown>;
    expect(data.commits).toMatchObject({ count: 1000 });
    expect((data.commits as { list: unknown[] }).list).toHaveLength(20);
    expect(data.tickets).toHaveLength(50);
    expect((data.tickets as string[]).slice(0, 4)).toEqual(['JIRA-1234', 'BODY-1', 'BODY-2', 'BODY-3']);
    expect(data.pull_request).toMatchObject({ number: 57 });
  });

  it('user data that leaves no room makes the action drop its context in order and say so', async () => {
    const push = pushOfCommits(1000);
    const result = await pushRun(push, { sha: (push.head_commit as { id: string }).id, inputs: { data: JSON.stringify({ notes: 'n'.repeat(6_500) }) } });

    expect(result.exitCode).toBe(0);
    const data = opstrails.stored[0]!.data as Record<string, unknown>;
    expect(data.notes).toHaveLength(6_500);
    expect(data.commits).toBeUndefined();
    expect(annotations(result.stdout, 'warning')).toEqual([expect.stringMatching(/over the 10240-byte limit, so this context was left out: commits(, tickets)?\.$/)]);
  });
});

describe('a failed pull request lookup is one notice line, never an error', () => {
  const cases: Array<[GitHubBehaviour, RegExp]> = [
    ['forbidden', /the pull request of this commit: HTTP 403: Resource not accessible by integration.*permissions: contents: read, pull-requests: read\.$/],
    ['not-found', /the pull request of this commit: HTTP 404: Not Found/],
    ['malformed', /what shipped since the previous deploy: the answer is not a comparison/],
    ['hang', /the pull request of this commit: no answer within 1 s.*raise lookup-timeout \(now 1 s\)/],
  ];
  it.each(cases)('%s', async (behaviour, reason) => {
    github.behaviour = behaviour;
    github.pullsFor(REPOSITORY, MERGE_SHA, [mergedPullRequest()]);
    // A short deadline only where it is what is tested: it counts loading the API client too.
    const result = await pushRun(payload('push-merge'), { inputs: behaviour === 'hang' ? { 'lookup-timeout': '1' } : {} });

    expect(result.exitCode).toBe(0);
    expect(github.to('pulls')).toHaveLength(1);
    expect(annotations(result.stdout, 'warning')).toEqual([]);
    expect(annotations(result.stdout, 'error')).toEqual([]);
    const notices = annotations(result.stdout, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(reason);
    // The event goes out anyway, described by the merge commit and its tickets.
    expect(opstrails.stored[0]).toMatchObject({ data: { description: 'Fix login timeout (JIRA-1234)', ticket: 'JIRA-1234' } });
    expect((opstrails.stored[0]!.data as Record<string, unknown>).pull_request).toBeUndefined();
    expectNoSecrets(result);
  });

  it('an API that is not there at all', async () => {
    const url = github.url;
    await github.close();
    const result = await runStepInProcess('main', {
      payload: payload('push-merge'),
      env: runnerEnv({ GITHUB_REPOSITORY: REPOSITORY, GITHUB_SHA: MERGE_SHA, GITHUB_REF: 'refs/heads/master', GITHUB_API_URL: url, OPSTRAILS_API_URL: opstrails.url }),
      inputs: { 'api-key': READ_WRITE_KEY, 'github-token': GITHUB_TOKEN },
    });
    expect(result.exitCode).toBe(0);
    expect(annotations(result.stdout, 'notice')).toEqual([expect.stringMatching(/^The event lacks the pull request of this commit; and what shipped since the previous deploy .*: GitHub did not give the pull request of this commit: .*ECONNREFUSED/)]);
    expect(opstrails.stored).toHaveLength(1);
    github = await startFakeGitHub();
  });
});

describe('no lookup when it cannot help or is not wanted', () => {
  it('include-context false: no request to GitHub and no context in the event', async () => {
    github.pullsFor(REPOSITORY, MERGE_SHA, [mergedPullRequest()]);
    const result = await pushRun(payload('push-merge'), { inputs: { 'include-context': 'false' } });
    expect(result.exitCode).toBe(0);
    expect(github.requests).toEqual([]);
    expect(opstrails.stored[0]!.data).toEqual({});
  });

  it('no token: no request', async () => {
    const result = await pushRun(payload('push-merge'), { inputs: { 'github-token': '' } });
    expect(result.exitCode).toBe(0);
    expect(github.requests).toEqual([]);
    expect(opstrails.stored[0]).toMatchObject({ data: { ticket: 'JIRA-1234' } });
  });

  it('a pull_request run: the payload names the pull request', async () => {
    const result = await runStepInProcess('main', {
      payload: payload('pull_request'),
      env: runnerEnv({ GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/2/merge', GITHUB_API_URL: github.url, OPSTRAILS_API_URL: opstrails.url }),
      inputs: { 'api-key': READ_WRITE_KEY, 'github-token': GITHUB_TOKEN },
    });
    expect(result.exitCode).toBe(0);
    expect(github.requests).toEqual([]);
    expect(opstrails.stored[0]).toMatchObject({ data: { description: 'Update the README with new information.', pull_request: { number: 2, author: 'Codertocat' } } });
  });

  it('a deployment run: the environment is the subject (only its deployments are asked about)', async () => {
    const result = await runStepInProcess('main', {
      payload: payload('deployment'),
      env: runnerEnv({ GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'deployment', GITHUB_API_URL: github.url, OPSTRAILS_API_URL: opstrails.url }),
      inputs: { 'api-key': READ_WRITE_KEY, 'github-token': GITHUB_TOKEN },
    });
    expect(result.exitCode).toBe(0);
    // Its previous deploy is looked up among the deployments to that environment; there are none here.
    expect(github.requests.map((request) => request.path)).toEqual(['/graphql']);
    expect(JSON.parse(github.requests[0]!.body!)).toMatchObject({ variables: { owner: 'Codertocat', name: 'Hello-World', environments: ['production', 'PRODUCTION', 'Production'] } });
    expect(opstrails.stored[0]).toMatchObject({ subject: 'PRODUCTION' });
  });

  it('a release run: the tag is the version', async () => {
    const result = await runStepInProcess('main', {
      payload: payload('release'),
      env: runnerEnv({ GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'release', GITHUB_REF: 'refs/tags/0.0.1', GITHUB_REF_TYPE: 'tag', GITHUB_API_URL: github.url, OPSTRAILS_API_URL: opstrails.url }),
      inputs: { 'api-key': READ_WRITE_KEY, type: 'release' },
    });
    expect(result.exitCode).toBe(0);
    expect(opstrails.stored[0]).toMatchObject({ type: 'release', version: '0.0.1', data: { description: '0.0.1' } });
  });
});
