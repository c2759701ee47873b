// Whole ranges, true dates and the `paths` input, end to end: the main step in-process (the runner's
// variables and files), against the loopback OpsTrails and a loopback GitHub that pages compare as GitHub documents it,
// and, for `paths`, a real git repository built here as the workspace.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { startFakeGitHub, type FakeCommit, type FakeGitHub } from '../support/fake-github.js';
import { annotations, runnerEnv, runStep, type StepResult } from '../support/run-action.js';
import { runStepInProcess } from '../support/run-in-process.js';
import { fakeSha, payload } from '../fixtures/generated.js';

const REPOSITORY = 'acme/monorepo';
const GITHUB_TOKEN = 'ghs_fakeInstallationToken0123456789abcd';
const TIME = '2025-03-01T12:00:00Z';

let opstrails: FakeOpsTrails;
let github: FakeGitHub;
beforeEach(async () => {
  [opstrails, github] = await Promise.all([startFakeOpsTrails(), startFakeGitHub()]);
});
afterEach(async () => {
  await Promise.all([opstrails.close(), github.close()]);
});

/** The step in-process, or with `runStep` the bundle, as a process of its own. */
function run(head: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}, harness: typeof runStep = runStepInProcess): Promise<StepResult> {
  return harness('main', {
    payload: payload('workflow_dispatch'),
    env: runnerEnv({ GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_SHA: head, GITHUB_API_URL: github.url, OPSTRAILS_API_URL: opstrails.url, ...env }),
    inputs: { 'api-key': READ_WRITE_KEY, 'github-token': GITHUB_TOKEN, time: TIME, subject: 'production', ...inputs },
  });
}

const data = () => {
  expect(opstrails.stored).toHaveLength(1);
  return opstrails.stored[0]!.data as Record<string, unknown>;
};
const infoLines = (result: StepResult) => result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::'));

/** The previous deploy: a successful deployment to production of `sha`. */
const deployedAt = (sha: string) => [{ id: 7, sha, environment: 'production', statuses: [{ state: 'success', created_at: '2025-02-01T10:00:00Z', log_url: `https://github.com/${REPOSITORY}/actions/runs/5/job/1` }] }];

/**
 * A long main line: commit n is a squash merge of pull request #n every 50th commit, else a plain
 * commit; a few name a JIRA key. Author dates run forward, one hour apart.
 */
function longHistory(length: number, tickets: Record<number, string> = {}): FakeCommit[] {
  return Array.from({ length }, (_, i) => {
    const n = i + 1;
    const ticket = tickets[n] ? ` (${tickets[n]})` : '';
    return {
      sha: fakeSha(n),
      message: n % 50 === 0 ? `Change ${n}${ticket} (#${n})` : `Step ${n}${ticket}`,
      login: `dev-${n % 7}`,
      date: new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString().replace('.000', ''),
    };
  });
}

describe('whole ranges', () => {
  it('1,000 commits: every page read in one more round trip, tickets and pull requests from the middle too, newest pull request first', async () => {
    // Each round answered once its requests stop coming: a loaded machine may spread one round's requests out.
    github.quietMs = 250;
    github.history = longHistory(1001, { 500: 'JIRA-500', 2: 'JIRA-2', 999: 'JIRA-999' });
    github.deployments = deployedAt(fakeSha(1));
    const result = await run(fakeSha(1001));

    expect(result.exitCode).toBe(0);
    // (1) the deployments with their latest statuses (one GraphQL request), (2) compare page 1 both ways,
    // (3) pages 2-10 at once.
    expect(github.roundTrips()).toBe(3);
    const pages = github.to('compare').map((request) => new URL(request.path, 'http://x').searchParams);
    expect(pages.every((query) => query.get('per_page') === '100')).toBe(true);
    expect(pages.map((query) => Number(query.get('page'))).sort((a, b) => a - b)).toEqual([1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const commits = data().commits as { count: number; scanned?: number; list: Array<{ sha: string }> };
    expect(commits.count).toBe(1000);
    expect(commits.scanned).toBeUndefined();
    expect(commits.list[0]!.sha).toBe(fakeSha(1001));
    expect(data().tickets).toEqual(expect.arrayContaining(['JIRA-999', 'JIRA-500', 'JIRA-2']));
    const numbers = (data().pull_requests as Array<{ number: number }>).map((pr) => pr.number);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => 1000 - 50 * i));
    expect(data().first_commit_at).toBe('2024-01-01T02:00:00Z');
    expect(infoLines(result).filter((line) => line.includes('scanned'))).toEqual([]);
  });

  it('1,500 commits: the oldest 100 and newest 900 read, data.commits.scanned and one log line say so', async () => {
    github.history = longHistory(1501, { 50: 'JIRA-50', 1400: 'JIRA-1400', 300: 'JIRA-300' });
    github.deployments = deployedAt(fakeSha(1));
    const result = await run(fakeSha(1501));

    expect(result.exitCode).toBe(0);
    const asked = github.to('compare').map((request) => Number(new URL(request.path, 'http://x').searchParams.get('page')));
    expect(asked.sort((a, b) => a - b)).toEqual([1, 1, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(data().commits).toMatchObject({ count: 1500, scanned: 1000 });
    expect(data().tickets).toEqual(expect.arrayContaining(['JIRA-50', 'JIRA-1400']));
    expect(data().tickets).not.toContain('JIRA-300');
    expect(infoLines(result).filter((line) => line.includes('scanned'))).toEqual([
      'This deploy ships 1500 commits since 0000000; the event\'s pull requests, tickets and authors come from the 1000 read (a range over 1000 commits is read in part: its oldest 100 and newest 900 commits), and data.commits.scanned says so.',
    ]);
  });

  it('a rollback over 100 commits lists the pull requests it takes out, from every page', async () => {
    github.history = longHistory(400);
    github.deployments = deployedAt(fakeSha(400));
    const result = await run(fakeSha(150));

    expect(result.exitCode).toBe(0);
    expect(opstrails.stored[0]).toMatchObject({ type: 'rollback' });
    expect(data()).toMatchObject({ commits: { count: 250 }, rollback_of: fakeSha(400).slice(0, 7) });
    const numbers = (data().pull_requests as Array<{ number: number }>).map((pr) => pr.number);
    expect(numbers).toEqual([400, 350, 300, 250, 200]);
    expect(github.to('compare')).toHaveLength(4);
  });
});

describe('true dates and whole facts', () => {
  it('first_commit_at is the oldest author date, wherever the commit stands in the range', async () => {
    github.history = longHistory(6);
    // Rebased onto main later: listed fourth, written first.
    github.history[3]!.date = '2023-12-01T09:00:00Z';
    github.deployments = deployedAt(fakeSha(1));
    await run(fakeSha(6));
    expect(data()).toMatchObject({ first_commit_at: '2023-12-01T09:00:00Z', lead_time_seconds: (Date.parse(TIME) - Date.parse('2023-12-01T09:00:00Z')) / 1000 });
  });

  it('a diverged deploy (a maintenance line after a newer release) lists what it takes out; taking out more than it adds, it is a rollback', async () => {
    // main: 1..8; the maintenance line v1.x leaves main at 3 with two fixes of its own.
    github.history = [
      ...longHistory(8),
      { sha: fakeSha(101), message: 'Backport the CSV fix (OPS-101)', login: 'mona', parent: fakeSha(3), date: '2025-02-10T10:00:00Z' },
      { sha: fakeSha(102), message: 'Release 1.4.1', login: 'mona', date: '2025-02-11T10:00:00Z' },
    ];
    github.deployments = deployedAt(fakeSha(8));
    const result = await run(fakeSha(102));

    expect(result.exitCode).toBe(0);
    expect(opstrails.stored[0]).toMatchObject({ type: 'rollback' });
    expect(data()).toMatchObject({
      commits: { count: 2, list: [{ sha: fakeSha(102) }, { sha: fakeSha(101) }] },
      removed: { count: 5, list: [{ sha: fakeSha(8) }, { sha: fakeSha(7) }, { sha: fakeSha(6) }, { sha: fakeSha(5) }, { sha: fakeSha(4) }] },
      rollback_of: fakeSha(8).slice(0, 7),
      first_commit_at: '2025-02-10T10:00:00Z',
    });
    expect(data().tickets).toContain('OPS-101');
  });

  it('a diverged deploy that adds more than it takes out stays a deployment, and still lists what it takes out', async () => {
    github.history = [
      ...longHistory(4),
      { sha: fakeSha(101), message: 'Hotfix on the old line', login: 'mona', parent: fakeSha(3) },
      ...[102, 103, 104].map((n) => ({ sha: fakeSha(n), message: `Work ${n}`, login: 'hubot' })),
    ];
    github.deployments = deployedAt(fakeSha(4));
    await run(fakeSha(104));
    expect(opstrails.stored[0]).toMatchObject({ type: 'deployment' });
    expect(data()).toMatchObject({ commits: { count: 4 }, removed: { count: 1, list: [{ sha: fakeSha(4) }] } });
    expect(data().rollback_of).toBeUndefined();
  });

  it('a commit reverted in the same range is not shipped: listed under reverted, its pull request and ticket gone', async () => {
    github.history = [
      { sha: fakeSha(1), message: 'Base', login: 'octocat' },
      { sha: fakeSha(2), message: 'Add the export button (OPS-77) (#30)', login: 'mona', date: '2025-01-02T10:00:00Z' },
      { sha: fakeSha(3), message: 'Fix the login timeout (OPS-78) (#31)', login: 'hubot', date: '2025-01-05T10:00:00Z' },
      { sha: fakeSha(4), message: `Revert "Add the export button (OPS-77) (#30)"\n\nThis reverts commit ${fakeSha(2)}.`, login: 'octocat', date: '2025-01-06T10:00:00Z' },
    ];
    github.deployments = deployedAt(fakeSha(1));
    await run(fakeSha(4));
    expect(data()).toMatchObject({
      commits: { count: 1, list: [{ sha: fakeSha(3) }] },
      reverted: { count: 1, list: [{ sha: fakeSha(2), message: 'Add the export button (OPS-77) (#30)', author: 'mona', reverted_by: fakeSha(4) }] },
      pull_requests: [{ number: 31 }],
      authors: ['hubot'],
      first_commit_at: '2025-01-05T10:00:00Z',
      ticket: 'OPS-78',
    });
    expect(data().tickets).not.toContain('OPS-77');
  });
});

// ---- paths: a real git repository as the workspace ---------------------------------------------------

interface Repo {
  dir: string;
  /** SHAs by commit name, and the fake GitHub's history mirroring the repository. */
  sha: Record<string, string>;
  history: FakeCommit[];
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() },
  }).trim();

/** Commits of a monorepo: two services, a shared library, docs. Each entry: name, message, files. */
const MONOREPO: Array<[string, string, string[]]> = [
  ['base', 'Initial import', ['services/api/main.go', 'services/web/app.ts', 'libs/shared/util.go']],
  ['api1', 'API: rate limits (API-1) (#11)', ['services/api/limits.go']],
  ['web1', 'Web: new header (WEB-1) (#12)', ['services/web/header.ts']],
  ['lib1', 'Shared: faster JSON (LIB-1)', ['libs/shared/json.go']],
  ['doc1', 'API: document the limits (DOC-1)', ['services/api/README.md']],
  ['web2', 'Web: dark mode (WEB-2) (#13)', ['services/web/theme.ts']],
  ['api2', 'API: retry budget (API-2) (#14)', ['services/api/retry.go', 'services/web/retry.ts']],
];

function buildMonorepo(): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'monorepo-'));
  git(dir, 'init', '-q', '-b', 'main');
  const sha: Record<string, string> = {};
  const history: FakeCommit[] = [];
  MONOREPO.forEach(([name, message, files], i) => {
    for (const file of files) {
      mkdirSync(join(dir, dirname(file)), { recursive: true });
      writeFileSync(join(dir, file), `${name}\n`);
    }
    git(dir, 'add', '-A');
    const date = `2025-02-0${i + 1}T10:00:00Z`;
    execFileSync('git', ['-C', dir, 'commit', '-q', '-m', message, `--date=${date}`], {
      env: { ...process.env, GIT_AUTHOR_NAME: `dev-${name}`, GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() },
    });
    sha[name] = git(dir, 'rev-parse', 'HEAD');
    history.push({ sha: sha[name]!, message, login: `dev-${name}`, date, files });
  });
  return { dir, sha, history };
}

describe('paths: one service of a monorepo', () => {
  let repo: Repo;
  let shallow: string;
  beforeAll(() => {
    repo = buildMonorepo();
    shallow = mkdtempSync(join(tmpdir(), 'shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow]);
  });
  afterAll(() => {
    rmSync(repo.dir, { recursive: true, force: true });
    rmSync(shallow, { recursive: true, force: true });
  });
  beforeEach(() => {
    github.history = repo.history;
    github.deployments = deployedAt(repo.sha.base!);
  });
  const paths = 'services/api/**\nlibs/shared/**, !**/*.md';

  // On the bundle: its own picomatch.cjs, and git started by a process the runner started.
  it('with the whole history checked out (fetch-depth: 0): only commits touching the paths, from git, no request for them', async () => {
    const result = await run(repo.sha.api2!, { paths }, { GITHUB_WORKSPACE: repo.dir }, runStep);

    expect(result.exitCode).toBe(0);
    expect(github.to('commits')).toEqual([]);
    expect(infoLines(result).filter((line) => line.includes('paths'))).toEqual([]);
    expect(data()).toMatchObject({
      commits: { count: 3, range_count: 6, list: [{ sha: repo.sha.api2 }, { sha: repo.sha.lib1 }, { sha: repo.sha.api1 }] },
      pull_requests: [{ number: 14 }, { number: 11 }],
      authors: ['dev-api2', 'dev-lib1', 'dev-api1'],
      first_commit_at: '2025-02-02T10:00:00Z',
      ticket: 'API-2',
      paths: ['services/api/**', 'libs/shared/**', '!**/*.md'],
    });
    expect(data().tickets).toEqual(expect.arrayContaining(['API-2', 'LIB-1', 'API-1']));
    for (const other of ['WEB-1', 'WEB-2', 'DOC-1']) expect(data().tickets).not.toContain(other);
  });

  it('with a shallow checkout (the default depth): the commits list\'s path filter, one request per folder, and one line on what it could not apply', async () => {
    const result = await run(repo.sha.api2!, { paths }, { GITHUB_WORKSPACE: shallow });

    expect(result.exitCode).toBe(0);
    expect(github.to('commits').map((request) => new URL(request.path, 'http://x').searchParams.get('path')).sort()).toEqual(['libs/shared', 'services/api']);
    // The exclusion needs each commit's files: the README commit counts, and the log says why.
    expect(data()).toMatchObject({ commits: { count: 4, range_count: 6 }, paths: ['services/api/**', 'libs/shared/**', '!**/*.md'] });
    expect(infoLines(result).filter((line) => line.includes('paths'))).toEqual([
      'Input "paths" was applied through the GitHub API (the checkout is shallow (set fetch-depth: 0 on actions/checkout)): the exclusion "!**/*.md" needs each commit\'s files. Check out with fetch-depth: 0 for an exact answer.',
    ]);
  });

  it('a pattern the API cannot filter by, without the history: the whole range, and one line saying so', async () => {
    const result = await run(repo.sha.api2!, { paths: '**/*.go' }, { GITHUB_WORKSPACE: shallow });
    expect(result.exitCode).toBe(0);
    expect(data()).toMatchObject({ commits: { count: 6 } });
    expect(data().paths).toBeUndefined();
    expect(infoLines(result).filter((line) => line.includes('paths'))).toEqual([
      'Input "paths" could not be applied: the checkout is shallow (set fetch-depth: 0 on actions/checkout), and the GitHub API cannot filter by it ("**/*.go" has a wildcard at the repository\'s root); the event counts every commit of the range, not only those touching input "paths".',
    ]);
  });

  it('a bad pattern: one line naming the input and the fix, and no request sent', async () => {
    const result = await run(repo.sha.api2!, { paths: 'services/api/**\n/etc/**' }, { GITHUB_WORKSPACE: repo.dir });
    expect(result.exitCode).toBe(1);
    expect(annotations(result.stdout, 'error')).toEqual([
      'Input "paths" pattern "/etc/**" is absolute. Give patterns relative to the repository root, e.g. "services/api/**, libs/shared/**, !**/*.md".',
    ]);
    expect(github.requests).toEqual([]);
    expect(opstrails.stored).toEqual([]);
  });
});
