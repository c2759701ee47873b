// What shipped since the previous deploy, end to end: the main step in-process (the runner's variables and
// files), against the loopback OpsTrails and a loopback GitHub REST API holding one repository's history,
// deployments, tags and releases. The bundle is covered by harness-parity.test.ts and `npm run test:bundle`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { startProxy } from '../support/proxy.js';
import { annotations, runnerEnv, type StepResult } from '../support/run-action.js';
import { runStepInProcess } from '../support/run-in-process.js';
import { apiServiceHistory, fakeSha, payload } from '../fixtures/generated.js';

const REPOSITORY = 'acme/api-service';
const GITHUB_TOKEN = 'ghs_fakeInstallationToken0123456789abcd';
const RUN_ID = '1658821493';
/** The event's time, given as an input, so the lead time is exact. */
const TIME = '2025-01-10T12:00:00Z';

const sha = (n: number) => fakeSha(n);
const HISTORY = apiServiceHistory('2025-01-10T09:00:00Z');

let opstrails: FakeOpsTrails;
let github: FakeGitHub;
beforeEach(async () => {
  [opstrails, github] = await Promise.all([startFakeOpsTrails(), startFakeGitHub()]);
  github.history = HISTORY;
});
afterEach(async () => {
  await Promise.all([opstrails.close(), github.close()]);
});

interface Run {
  event: string;
  payload: object;
  head: number;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

function run({ event, payload: body, head, inputs = {}, env = {} }: Run): Promise<StepResult> {
  return runStepInProcess('main', {
    payload: body,
    env: runnerEnv({
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_EVENT_NAME: event,
      GITHUB_SHA: sha(head),
      GITHUB_RUN_ID: RUN_ID,
      GITHUB_API_URL: github.url,
      OPSTRAILS_API_URL: opstrails.url,
      ...env,
    }),
    inputs: { 'api-key': READ_WRITE_KEY, 'github-token': GITHUB_TOKEN, time: TIME, ...inputs },
  });
}

function sent(): Record<string, unknown> {
  expect(opstrails.stored).toHaveLength(1);
  return opstrails.stored[0]!;
}
const data = () => sent().data as Record<string, unknown>;
const listed = () => (data().commits as { list: Array<{ sha: string }> }).list.map((commit) => commit.sha);

/** A deployment to `environment` that GitHub marked with these states, newest first. */
function deployment(id: number, head: number, states: string[], environment = 'production') {
  return {
    id,
    sha: sha(head),
    environment,
    created_at: `2025-01-0${10 - states.length}T15:00:00Z`,
    statuses: states.map((state, i) => ({ state, created_at: `2025-01-0${9 - i}T15:00:00Z`, log_url: `https://github.com/${REPOSITORY}/actions/runs/${900 + id}/job/1` })),
  };
}

describe('the previous deploy, each way it is found', () => {
  it('deployment: a dispatch to Production counts from the newest successful deployment of another commit, in two round trips of a slow API (100 ms each)', async () => {
    github.latencyMs = 100;
    github.deployments = [
      // This run's own deployment, for this commit, made by the job's `environment:`.
      { id: 30, sha: sha(6), environment: 'production', statuses: [{ state: 'in_progress', log_url: `https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}/job/7` }] },
      deployment(29, 5, ['failure']),
      deployment(28, 3, ['inactive', 'success']),
      deployment(27, 2, ['success']),
    ];
    const result = await run({ event: 'workflow_dispatch', payload: payload('workflow_dispatch'), head: 6, inputs: { subject: 'PRODUCTION', environment: 'Production' } });

    expect(result.exitCode).toBe(0);
    expect(annotations(result.stdout, 'notice')).toEqual([]);
    // One GraphQL request reads the deployments with their latest statuses; the compare follows.
    expect(github.to('deployments')).toEqual([]);
    expect(JSON.parse(github.to('graphql')[0]!.body!)).toMatchObject({ variables: { environments: ['Production', 'production', 'PRODUCTION'], first: 30 } });
    expect(github.requests.length).toBeLessThanOrEqual(4);
    expect(github.roundTrips()).toBe(2);
    expect(sent()).toMatchObject({ type: 'deployment', subject: 'PRODUCTION' });
    expect(data()).toMatchObject({
      previous: { commit: sha(3), version: sha(3).slice(0, 7), deployed_at: '2025-01-08T15:00:00Z', url: `https://github.com/${REPOSITORY}/actions/runs/928/job/1`, found_by: 'deployment' },
      commits: {
        count: 3,
        list: [
          { sha: sha(6), message: 'Merge pull request #23 from acme/OPS-6-alerts', author: 'octocat' },
          { sha: sha(5), message: 'Fix the CSV export (OPS-5)', author: 'Dana Doe' },
          { sha: sha(4), message: 'Speed up the monthly report (#22)', author: 'mona' },
        ],
      },
      pull_requests: [
        { number: 23, title: 'Alert on failed refunds', url: `https://github.com/${REPOSITORY}/pull/23` },
        { number: 22, title: 'Speed up the monthly report', url: `https://github.com/${REPOSITORY}/pull/22` },
      ],
      authors: ['octocat', 'Dana Doe', 'mona'],
      first_commit_at: '2025-01-08T12:00:00Z',
      lead_time_seconds: 2 * 86_400,
      compare_url: `https://github.com/${REPOSITORY}/compare/${sha(3)}...${sha(6)}`,
    });
    expect(data().tickets).toEqual(expect.arrayContaining(['OPS-6', 'OPS-5', `${REPOSITORY}#23`, `${REPOSITORY}#22`]));
    expect(github.requests.every((request) => request.headers.authorization === `token ${GITHUB_TOKEN}`)).toBe(true);
  });

  it('tag: a release of v1.10.0 follows v1.9.0, in semantic-version order, skipping the release candidate', async () => {
    // GitHub lists tags in no semantic order; as text, v1.9.0 sorts after v1.10.0.
    github.tags = [
      { name: 'v1.9.0', sha: sha(3) },
      { name: 'v1.10.0', sha: sha(6) },
      { name: 'v1.8.0', sha: sha(2) },
      { name: 'v1.10.0-rc.1', sha: sha(5) },
    ];
    github.releases = [{ tag_name: 'v1.10.0-rc.1', prerelease: true }, { tag_name: 'v1.9.0', published_at: '2025-01-03T12:00:00Z' }];
    const release = payload('release');
    (release.release as Record<string, unknown>).tag_name = 'v1.10.0';
    const result = await run({
      event: 'release',
      payload: release,
      head: 6,
      inputs: { type: 'release' },
      env: { GITHUB_REF: 'refs/tags/v1.10.0', GITHUB_REF_NAME: 'v1.10.0', GITHUB_REF_TYPE: 'tag' },
    });

    expect(result.exitCode).toBe(0);
    expect(sent()).toMatchObject({ type: 'release', version: 'v1.10.0' });
    expect(data().previous).toEqual({
      commit: sha(3),
      version: 'v1.9.0',
      deployed_at: '2025-01-03T12:00:00Z',
      url: `https://github.com/${REPOSITORY}/releases/tag/v1.9.0`,
      found_by: 'tag',
    });
    expect(listed()).toEqual([sha(6), sha(5), sha(4)]);
  });

  it('push: counts from the push\'s before commit, beside the pull request of the commit, in one round trip', async () => {
    github.latencyMs = 100;
    const push = { ...payload('push-merge'), before: sha(4), after: sha(6), commits: [] };
    const result = await run({ event: 'push', payload: push, head: 6 });

    expect(result.exitCode).toBe(0);
    expect(github.roundTrips()).toBe(1);
    expect(data()).toMatchObject({ previous: { commit: sha(4), found_by: 'push' }, commits: { count: 2 } });
    expect(listed()).toEqual([sha(6), sha(5)]);
  });

  it('input: since names a tag, resolved by the compare; it wins over deployments', async () => {
    github.deployments = [deployment(28, 3, ['success'])];
    github.tags = [{ name: 'v1.8.0', sha: sha(2) }];
    const result = await run({ event: 'workflow_dispatch', payload: payload('workflow_dispatch'), head: 6, inputs: { since: 'v1.8.0', subject: 'production' } });

    expect(result.exitCode).toBe(0);
    expect(github.to('graphql')).toEqual([]);
    expect(data()).toMatchObject({ previous: { commit: sha(2), version: 'v1.8.0', found_by: 'input' }, commits: { count: 4 } });
  });
});

describe('rollbacks found', () => {
  it('a deploy of a commit behind the previous deploy is a rollback of it, listing the commits taken out', async () => {
    github.deployments = [deployment(40, 6, ['success'])];
    const result = await run({ event: 'workflow_dispatch', payload: payload('workflow_dispatch'), head: 4, inputs: { subject: 'production' } });

    expect(result.exitCode).toBe(0);
    expect(sent()).toMatchObject({ type: 'rollback' });
    expect(data()).toMatchObject({ rollback_of: sha(6).slice(0, 7), previous: { commit: sha(6), found_by: 'deployment' }, commits: { count: 2 } });
    expect(listed()).toEqual([sha(6), sha(5)]);
    expect(data().lead_time_seconds).toBeUndefined();
    const said = result.stdout.split('\n').filter((line) => line.startsWith('This commit is behind the previous deploy'));
    expect(said).toEqual([`This commit is behind the previous deploy (${sha(6).slice(0, 7)}, found by deployment): it takes out 2 commits, recorded as type rollback.`]);
  });

  it('detect-rollback: false keeps the type as given, and still lists what was taken out', async () => {
    github.deployments = [deployment(40, 6, ['success'])];
    const result = await run({ event: 'workflow_dispatch', payload: payload('workflow_dispatch'), head: 4, inputs: { subject: 'production', 'detect-rollback': 'false', 'rollback-of': 'evt-41' } });

    expect(result.exitCode).toBe(0);
    expect(sent()).toMatchObject({ type: 'deployment', data: { rollback_of: 'evt-41', commits: { count: 2 } } });
    expect(result.stdout).toContain(`This commit is behind the previous deploy (${sha(6).slice(0, 7)}, found by deployment): it takes out 2 commits, type stays "deployment".`);
  });
});

describe('when GitHub refuses or fails, the event still goes out and one notice says what is missing', () => {
  it('no deployments: read: falls back to the push, and names the permission', async () => {
    github.fail.graphql = 'forbidden';
    const push = { ...payload('push-merge'), before: sha(4), after: sha(6) };
    const result = await run({ event: 'push', payload: push, head: 6, inputs: { subject: 'PRODUCTION' } });

    expect(result.exitCode).toBe(0);
    expect(annotations(result.stdout, 'warning')).toEqual([]);
    expect(annotations(result.stdout, 'notice')).toEqual([
      "The event lacks the previous deployment (what shipped is counted from the push's previous commit instead): GitHub did not give the deployments to PRODUCTION: GraphQL: Resource not accessible by integration. To add it: grant the job permissions: deployments: read.",
    ]);
    expect(data()).toMatchObject({ previous: { found_by: 'push' }, commits: { count: 2 } });
  });

  it('a rate limit and a 500: the event keeps the payload\'s commits', async () => {
    github.fail.pulls = 'rate-limited';
    github.fail.compare = 'server-error';
    const result = await run({ event: 'push', payload: { ...payload('push-merge'), before: sha(4), after: sha(6) }, head: 6 });

    expect(result.exitCode).toBe(0);
    const [notice, ...more] = annotations(result.stdout, 'notice');
    expect(more).toEqual([]);
    expect(notice).toMatch(/^The event lacks the pull request of this commit; and what shipped since the previous deploy \(commits, pull requests, tickets, lead time\): GitHub did not give the pull request of this commit: HTTP 403: rate limited, what shipped since the previous deploy: HTTP 500: Server Error\. To add it: /);
    expect(data()).toMatchObject({ previous: { commit: sha(4), found_by: 'push' }, commits: { count: 3 }, compare_url: expect.stringContaining('/compare/6113728f27ae...') });
    expect(data().pull_request).toBeUndefined();
  });
});

describe('behind a proxy', () => {
  it('HTTP_PROXY carries the lookups through a CONNECT tunnel, the token inside it, never in the proxy request', async () => {
    // @actions/http-client never proxies loopback targets: a name only the test proxy can reach.
    const proxy = await startProxy({ routes: { 'api.github.test:80': Number(new URL(github.url).port) } });
    try {
      const result = await run({
        event: 'push',
        payload: { ...payload('push-merge'), before: sha(4), after: sha(6) },
        head: 6,
        env: { GITHUB_API_URL: 'http://api.github.test', HTTP_PROXY: proxy.url },
      });
      expect(result.exitCode).toBe(0);
      expect(annotations(result.stdout, 'notice')).toEqual([]);
      expect(proxy.seen.map((request) => `${request.method} ${request.target}`)).toContain('CONNECT api.github.test:80');
      expect(proxy.seen.every((request) => request.headers.authorization === undefined)).toBe(true);
      expect(github.to('compare')).toHaveLength(2);
      expect(data()).toMatchObject({ previous: { commit: sha(4), found_by: 'push' }, commits: { count: 2 } });
    } finally {
      await proxy.close();
    }
  });
});
