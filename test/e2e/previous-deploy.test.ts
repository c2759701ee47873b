// Finding the previous deploy, end to end: the main step in-process against a loopback GitHub API holding
// thousands of tags on several lines, two services deploying to one environment from two workflows,
// failure streaks, and hostile answers. What the event says is asserted, and how many requests and
// round trips it took.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { startFakeGitHub, type FakeCommit, type FakeDeployment, type FakeGitHub } from '../support/fake-github.js';
import { annotations, runnerEnv, type StepResult } from '../support/run-action.js';
import { runStepInProcess } from '../support/run-in-process.js';
import { fakeSha, payload } from '../fixtures/generated.js';

const REPOSITORY = 'acme/monorepo';
const TOKEN = 'ghs_fakeInstallationToken0123456789abcd';
const RUN_ID = '7000';
const TIME = '2025-01-10T12:00:00Z';
const sha = (n: number) => fakeSha(n);
const HISTORY: FakeCommit[] = Array.from({ length: 8 }, (_, i) => ({ sha: sha(i + 1), message: `Change ${i + 1} (#${100 + i})`, login: 'octocat', date: `2025-01-0${i + 1}T10:00:00Z` }));

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
  event?: string;
  body?: object;
  head?: number;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

function run({ event = 'workflow_dispatch', body = payload('workflow_dispatch'), head = 8, inputs = {}, env = {} }: Run): Promise<StepResult> {
  return runStepInProcess('main', {
    payload: body,
    env: runnerEnv({
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_EVENT_NAME: event,
      GITHUB_SHA: sha(head),
      GITHUB_RUN_ID: RUN_ID,
      GITHUB_WORKFLOW_REF: `${REPOSITORY}/.github/workflows/deploy-api.yml@refs/heads/main`,
      GITHUB_API_URL: github.url,
      OPSTRAILS_API_URL: opstrails.url,
      ...env,
    }),
    inputs: { 'api-key': READ_WRITE_KEY, 'github-token': TOKEN, time: TIME, ...inputs },
  });
}

const data = () => {
  expect(opstrails.stored).toHaveLength(1);
  return opstrails.stored[0]!.data as Record<string, unknown>;
};
const info = (result: StepResult, start: string) => result.stdout.split('\n').filter((line) => line.startsWith(start));

/** 800 tags on each of four lines, in the shapes monorepos use; the commits they point to cycle over the history. */
function thousandsOfTags(): FakeGitHub['tags'] {
  const tags: FakeGitHub['tags'] = [];
  for (const line of ['v', 'api-v', 'web/v', '@acme/ui@']) {
    for (let major = 0; major < 4; major++) for (let minor = 0; minor < 20; minor++) for (let patch = 0; patch < 10; patch++) tags.push({ name: `${line}${major}.${minor}.${patch}`, sha: sha(1 + ((major + minor + patch) % 5)) });
  }
  return tags;
}

function tagRun(tag: string) {
  return {
    event: 'push',
    body: { ...payload('push'), ref: `refs/tags/${tag}`, before: '0'.repeat(40), created: true },
    env: { GITHUB_REF: `refs/tags/${tag}`, GITHUB_REF_NAME: tag, GITHUB_REF_TYPE: 'tag' },
  };
}

describe('every tag line, however many tags (3,200 tags on four lines)', () => {
  const cases: Array<[string, string]> = [
    ['api-v3.19.10', 'api-v3.19.9'],
    ['web/v2.0.0', 'web/v1.19.9'],
    ['@acme/ui@2.0.0-rc.1', '@acme/ui@1.19.9'],
    ['v1.5.0', 'v1.4.9'],
  ];
  for (const pageSize of [undefined, 100]) {
    const reading = pageSize === undefined ? 'matching-refs answering every match at once' : 'matching-refs paging its matches by Link';
    for (const [tag, previous] of cases) {
      it(`${reading}: ${tag} follows ${previous}, in at most ${pageSize === undefined ? 'one round trip' : 'two round trips'} before the compare`, async () => {
        github.tags = [...thousandsOfTags(), { name: 'api-v3.19.10', sha: sha(8) }, { name: '@acme/ui@2.0.0-rc.1', sha: sha(6) }];
        github.matchingRefsPageSize = pageSize;
        // Rounds told apart by the step's own pauses, however loaded the machine.
        github.quietMs = 150;
        const result = await run({ ...tagRun(tag), head: 8 });
        expect(result.exitCode).toBe(0);
        expect(data().previous).toMatchObject({ version: previous, found_by: 'tag' });
        // The line's own three prefixes, and at most 9 more pages of each paged one.
        expect(github.to('matching-refs').length).toBeGreaterThanOrEqual(3);
        expect(github.to('matching-refs').length).toBeLessThanOrEqual(3 + 2 * 9);
        expect(github.roundTrips()).toBeLessThanOrEqual(pageSize === undefined ? 2 : 3);
      });
    }
  }

  it('a maintenance release follows its own minor, not the newest tag of the line', async () => {
    github.tags = thousandsOfTags().concat({ name: 'api-v1.4.10', sha: sha(8) });
    github.matchingRefsPageSize = 100;
    const result = await run({ ...tagRun('api-v1.4.10') });
    expect(result.exitCode).toBe(0);
    expect(data().previous).toMatchObject({ version: 'api-v1.4.9', found_by: 'tag' });
    // The same-minor prefix held it: no other page was read.
    expect(github.to('matching-refs').map((request) => decodeURIComponent(request.path.split('?')[0]!.split('/matching-refs/')[1]!))).toEqual(['tags/api-v1.4', 'tags/api-v1', 'tags/api-v']);
  });

  it('the first tag of a line: one line says why there is no previous deploy', async () => {
    github.tags = thousandsOfTags().concat({ name: 'jobs-v0.1.0', sha: sha(8) });
    const result = await run({ ...tagRun('jobs-v0.1.0'), inputs: { subject: 'production' } });
    expect(result.exitCode).toBe(0);
    expect(data().previous).toBeUndefined();
    expect(info(result, 'No previous deploy found')).toEqual([
      'No previous deploy found: no deployment to production; 1 tag on line "jobs-v", none before jobs-v0.1.0. The event carries no previous deploy and no change set from GitHub.',
    ]);
  });
});

/** A deployment to production by a run of `workflow`, with its statuses newest first. */
function deployment(id: number, head: number, state: string, run: number, environment = 'production'): FakeDeployment {
  return { id, sha: sha(head), environment, created_at: `2025-01-0${Math.min(9, id % 10)}T08:00:00Z`, statuses: [{ state, created_at: `2025-01-0${Math.min(9, id % 10)}T09:00:00Z`, log_url: `https://github.com/${REPOSITORY}/actions/runs/${run}/job/1` }] };
}

describe('nothing silent', () => {
  it('a push whose environment has no deploy of this service: counts from before, and one line says why', async () => {
    github.workflowRuns = { 'deploy-api.yml': [{ id: 7000, created_at: '2025-01-09T10:00:00Z' }] };
    github.deployments = [deployment(7, 7, 'success', 207)];
    const push = { ...payload('push'), ref: 'refs/heads/main', before: sha(6), after: sha(8), commits: [] };
    const result = await run({ event: 'push', body: push, inputs: { subject: 'production' }, env: { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch' } });
    expect(result.exitCode).toBe(0);
    expect(data()).toMatchObject({ previous: { commit: sha(6), found_by: 'push' }, commits: { count: 2 } });
    expect(info(result, 'The previous deploy is')).toEqual([
      `The previous deploy is the push's before commit ${sha(6).slice(0, 7)}: no successful deployment of this service to production for another commit (1 examined, 1 of them another service's).`,
    ]);
  });
});

describe('two services, one environment, two workflows', () => {
  beforeEach(() => {
    // api's runs are 1xx, web's 2xx; web deployed last.
    github.workflowRuns = {
      'deploy-api.yml': [{ id: 7000, created_at: '2025-01-09T10:00:00Z' }, { id: 105, created_at: '2025-01-05T00:00:00Z' }, { id: 103, created_at: '2025-01-03T00:00:00Z' }],
      'deploy-web.yml': [{ id: 207, created_at: '2025-01-07T00:00:00Z' }, { id: 206, created_at: '2025-01-06T00:00:00Z' }],
    };
    github.deployments = [deployment(9, 8, 'in_progress', 7000), deployment(7, 7, 'success', 207), deployment(6, 6, 'inactive', 206), deployment(5, 5, 'success', 105), deployment(3, 3, 'inactive', 103)];
  });

  it('api\'s deploy counts from api\'s previous deploy, never web\'s newer one', async () => {
    github.quietMs = 150;
    const result = await run({ inputs: { subject: 'production' } });
    expect(result.exitCode).toBe(0);
    expect(data()).toMatchObject({ previous: { commit: sha(5), found_by: 'deployment' }, commits: { count: 3 } });
    expect(github.to('runs')[0]!.path).toBe(`/repos/${REPOSITORY}/actions/workflows/deploy-api.yml/runs?per_page=100`);
    // Deployments and runs go out together, then the compare.
    expect(github.roundTrips()).toBe(2);
    expect(info(result, 'The previous deploy is')).toEqual([]);
  });

  it('web\'s workflow takes web\'s', async () => {
    const result = await run({ inputs: { subject: 'production' }, env: { GITHUB_WORKFLOW_REF: `${REPOSITORY}/.github/workflows/deploy-web.yml@refs/heads/main`, GITHUB_RUN_ID: '7001' } });
    expect(result.exitCode).toBe(0);
    expect(data()).toMatchObject({ previous: { commit: sha(7), found_by: 'deployment' } });
  });

  it('without actions: read the runs cannot be placed: the newest success is taken, and one line says which and why', async () => {
    github.fail.runs = 'forbidden';
    const result = await run({ inputs: { subject: 'production' } });
    expect(result.exitCode).toBe(0);
    expect(data()).toMatchObject({ previous: { commit: sha(7), found_by: 'deployment' } });
    expect(annotations(result.stdout, 'notice')).toEqual([]);
    expect(info(result, 'The previous deploy is')).toEqual([
      `The previous deploy is deployment 7 to production (${sha(7).slice(0, 7)}), the newest successful one: whether this service's workflow made it is unknown, as the runs of deploy-api.yml could not be read (HTTP 403: Resource not accessible by integration; grant actions: read).`,
    ]);
  });
});

describe('enough deployments, in any letter case', () => {
  it('three failed deploys in a row: counts from the last success, and records the restore from the first failure', async () => {
    github.workflowRuns = { 'deploy-api.yml': [7000, 106, 105, 104, 103].map((id) => ({ id, created_at: '2025-01-01T00:00:00Z' })) };
    github.deployments = [deployment(9, 8, 'in_progress', 7000), deployment(8, 7, 'failure', 106), deployment(7, 6, 'error', 105), deployment(6, 5, 'failure', 104), deployment(3, 3, 'inactive', 103)];
    const result = await run({ inputs: { subject: 'production' } });
    expect(result.exitCode).toBe(0);
    expect(data()).toMatchObject({
      previous: { commit: sha(3), found_by: 'deployment' },
      commits: { count: 5 },
      restores: { commit: sha(5), version: sha(5).slice(0, 7), failed_at: '2025-01-06T09:00:00Z', seconds: 4 * 86_400 + 3 * 3600 },
    });
  });

  it('observer mode: the watched run\'s workflow tells the service, its own deployment is this deploy, and it restores the failure before', async () => {
    const observed = payload('workflow_run-completed');
    const watched = observed.workflow_run as Record<string, unknown>;
    watched.head_sha = sha(8);
    github.workflowRuns = { 'deploy-api.yml': [30433642, 106, 105].map((id) => ({ id, created_at: '2025-01-01T00:00:00Z' })) };
    github.deployments = [deployment(9, 8, 'success', 30433642), deployment(8, 7, 'failure', 106), deployment(5, 5, 'success', 105)];
    const result = await run({ event: 'workflow_run', body: observed, inputs: { subject: 'production' }, env: { GITHUB_WORKFLOW_REF: `${REPOSITORY}/.github/workflows/observe.yml@refs/heads/main` } });
    expect(result.exitCode).toBe(0);
    expect(github.to('runs')[0]!.path).toContain('/actions/workflows/deploy-api.yml/runs');
    expect(data()).toMatchObject({ previous: { commit: sha(5), found_by: 'deployment' }, restores: { commit: sha(7), failed_at: '2025-01-08T09:00:00Z' } });
  });

  it('GitHub matching environment names exactly or not, "production" finds deployments to "Production"', async () => {
    for (const filter of ['exact', 'any-case'] as const) {
      opstrails.stored.length = 0;
      github.environmentFilter = filter;
      github.deployments = [deployment(5, 5, 'success', 105, 'Production')];
      const result = await run({ inputs: { subject: 'production' } });
      expect(result.exitCode).toBe(0);
      expect(data()).toMatchObject({ previous: { commit: sha(5), found_by: 'deployment' } });
    }
  });

  it('a 30-deployment window: a success 25 deployments back is still found', async () => {
    github.deployments = [...Array.from({ length: 25 }, (_, i) => deployment(40 - i, 7, 'failure', 300 + i)), deployment(5, 4, 'success', 105)];
    const result = await run({ inputs: { subject: 'production' } });
    expect(result.exitCode).toBe(0);
    expect(data()).toMatchObject({ previous: { commit: sha(4), found_by: 'deployment' } });
    expect(github.to('graphql')).toHaveLength(1);
  });
});

describe('observer mode of a pipeline a pushed tag started', () => {
  /** The watched run: a push of `name` (a tag, or a branch named like one) on sha(8). */
  function observedPush(name: string): Promise<StepResult> {
    const observed = payload('workflow_run-completed');
    Object.assign(observed.workflow_run as Record<string, unknown>, { head_sha: sha(8), head_branch: name, event: 'push' });
    return run({ event: 'workflow_run', body: observed, inputs: { subject: 'production' }, env: { GITHUB_WORKFLOW_REF: `${REPOSITORY}/.github/workflows/observe.yml@refs/heads/main` } });
  }
  const asked = () => github.to('commit').map((request) => decodeURIComponent(request.path));

  it('a tag on the watched commit: the event names it (version, data.ref) and its line gives the previous deploy, in the same round trips', async () => {
    github.tags = [{ name: 'v1.4.0', sha: sha(8), annotated: true }, { name: 'v1.3.0', sha: sha(5) }, { name: 'v1.3.1-rc.1', sha: sha(6) }];
    github.quietMs = 150;
    const result = await observedPush('v1.4.0');
    expect(result.exitCode).toBe(0);
    expect(opstrails.stored[0]).toMatchObject({ version: 'v1.4.0' });
    expect(data()).toMatchObject({ ref: 'refs/tags/v1.4.0', previous: { version: 'v1.3.0', found_by: 'tag' }, commits: { count: 3 } });
    expect(asked()).toEqual([`/repos/${REPOSITORY}/commits/tags/v1.4.0`]);
    // The check goes out with the deployments and the tag line: one round, then the compare.
    expect(github.roundTrips()).toBe(2);
    expect(annotations(result.stdout, 'notice')).toEqual([]);
  });

  it('a branch named like a version: no tag claimed and nothing said of it, the short SHA as version', async () => {
    github.tags = [{ name: 'v1.3.0', sha: sha(5) }];
    const result = await observedPush('v9.9.9');
    expect(result.exitCode).toBe(0);
    expect(asked()).toEqual([`/repos/${REPOSITORY}/commits/tags/v9.9.9`]);
    expect(opstrails.stored[0]).toMatchObject({ version: sha(8).slice(0, 7) });
    expect(data().ref).toBeUndefined();
    expect(JSON.stringify(opstrails.stored[0])).not.toContain('v1.3.0');
    expect(result.stdout).not.toContain('v9.9.9');
    expect(annotations(result.stdout, 'notice')).toEqual([]);
  });

  it('a tag of that name on another commit: one line says so, and the version is the short SHA', async () => {
    github.tags = [{ name: 'v1.4.0', sha: sha(6) }];
    const result = await observedPush('v1.4.0');
    expect(result.exitCode).toBe(0);
    expect(opstrails.stored[0]).toMatchObject({ version: sha(8).slice(0, 7) });
    expect(data().ref).toBeUndefined();
    expect(info(result, 'Tag "v1.4.0"')).toEqual([
      `Tag "v1.4.0" is on commit ${sha(6).slice(0, 7)}, not on the watched run's ${sha(8).slice(0, 7)}: the event does not name that tag, and its version is the short SHA.`,
    ]);
  });

  it('the check refused (no contents: read): the notice names what the event lacks, and the version is the short SHA', async () => {
    github.tags = [{ name: 'v1.4.0', sha: sha(8) }];
    github.fail = { commit: 'forbidden' };
    const result = await observedPush('v1.4.0');
    expect(result.exitCode).toBe(0);
    expect(opstrails.stored[0]).toMatchObject({ version: sha(8).slice(0, 7) });
    expect(annotations(result.stdout, 'notice')).toEqual([expect.stringContaining("the watched run's tag (its version is the short SHA)")]);
    expect(annotations(result.stdout, 'notice')[0]).toContain('contents: read');
  });
});

describe('the commit input', () => {
  it('a rollback started from main with an older tag records that tag\'s commit, version and what it takes out', async () => {
    github.tags = [{ name: 'v1.9.0', sha: sha(5) }];
    github.deployments = [deployment(7, 8, 'success', 105)];
    const result = await run({ head: 8, inputs: { subject: 'production', commit: 'v1.9.0' } });
    expect(result.exitCode).toBe(0);
    const event = opstrails.stored[0]!;
    expect(event).toMatchObject({ type: 'rollback', version: 'v1.9.0' });
    expect(data()).toMatchObject({ commit: sha(5), ref: 'refs/tags/v1.9.0', previous: { commit: sha(8) }, commits: { count: 3 } });
  });

  it('a bad value: one line naming the input and the fix, and no request', async () => {
    const result = await run({ inputs: { subject: 'production', commit: 'v1..9' } });
    expect(result.exitCode).toBe(1);
    expect(annotations(result.stdout, 'error')).toEqual([
      'Input "commit" "v1..9" is not a commit SHA, tag or branch name. Use e.g. v1.4.0, main or a full SHA, or leave it empty to deploy the run\'s own commit.',
    ]);
    expect(github.requests).toEqual([]);
    expect(opstrails.stored).toEqual([]);
  });
});

describe('hostile answers', () => {
  it('100 tags of 20,000 characters and a 160,000-character deployment ref: the event goes out, the names are skipped', async () => {
    github.tags = Array.from({ length: 100 }, (_, i) => ({ name: `v${'1.'.repeat(10_000)}${i}`, sha: sha(3) }));
    github.deployments = [{ id: 5, sha: sha(5), environment: 'production', ref: `v${'9.'.repeat(80_000)}1`, statuses: [{ state: 'success', log_url: `https://github.com/${REPOSITORY}/actions/runs/105/job/1` }] }];
    const result = await run({ ...tagRun('v2.0.0'), inputs: { subject: 'production' } });
    expect(result.exitCode).toBe(0);
    expect(data()).toMatchObject({ previous: { commit: sha(5), version: sha(5).slice(0, 7), found_by: 'deployment' } });
  });
});
