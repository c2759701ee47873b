// The previous deploy, from GitHub's API answers: pure, no server (tag-line.ts, deployments.ts, previous-deploy.ts).
import { describe, expect, it } from 'vitest';
import { previousFromDeployment, previousFromInput, previousFromPush, previousFromTag } from '../../src/github/previous-deploy.js';
import { compareVersions, lastPage, linePrefixes, parseVersionTag, previousOnLine, readLineTags, type ReleaseFacts } from '../../src/github/tag-line.js';
import { chooseDeployment, environmentSpellings, ownerOf, readDeployments, readWorkflowRuns, runOf, type Deployment } from '../../src/github/deployments.js';
import { fakeSha } from '../fixtures/generated.js';

const repo = { serverUrl: 'https://github.com', repository: 'acme/api' };

describe('the since input', () => {
  it('a SHA is its own commit and a short version; a tag or branch is resolved by the compare', () => {
    expect(previousFromInput(fakeSha(1), repo)).toEqual({
      ref: fakeSha(1),
      commit: fakeSha(1),
      version: fakeSha(1).slice(0, 7),
      deployedAt: undefined,
      url: `https://github.com/acme/api/commit/${fakeSha(1)}`,
      foundBy: 'input',
    });
    expect(previousFromInput('v1.4.0', repo)).toMatchObject({ ref: 'v1.4.0', commit: undefined, version: 'v1.4.0', foundBy: 'input' });
  });
});

describe('a push', () => {
  it('counts from before; a new branch (zero SHA) or no before has no previous deploy', () => {
    expect(previousFromPush(fakeSha(1), repo)).toMatchObject({ ref: fakeSha(1), commit: fakeSha(1), foundBy: 'push' });
    expect(previousFromPush('0'.repeat(40), repo)).toBeUndefined();
    expect(previousFromPush(undefined, repo)).toBeUndefined();
    expect(previousFromPush('not a sha', repo)).toBeUndefined();
  });
});

describe('deployments (GraphQL, each with its latest status)', () => {
  const node = (id: number, sha: string, state: string | null, environment = 'production', extra: Record<string, unknown> = {}) => ({
    databaseId: id,
    commitOid: sha,
    createdAt: `2025-01-${String(id).padStart(2, '0')}T10:00:00Z`,
    latestEnvironment: environment,
    ref: { name: 'main' },
    latestStatus: state ? { state, createdAt: `2025-01-${String(id).padStart(2, '0')}T10:05:00Z`, logUrl: `https://github.com/acme/api/actions/runs/${500 + id}/job/1` } : null,
    ...extra,
  });
  const answer = (nodes: unknown[]) => ({ repository: { deployments: { nodes } } });

  it('reads the environment in any letter case, skips nodes of another shape, and maps states: inactive counts as a success', () => {
    const read = readDeployments(answer([node(9, fakeSha(9), 'INACTIVE', 'Production'), node(8, fakeSha(8), 'ERROR'), node(7, fakeSha(7), 'SUCCESS', 'staging'), { databaseId: 'x' }, node(6, fakeSha(6), 'QUEUED')]), 'PRODUCTION');
    expect(read.map((d) => [d.id, d.outcome, d.runId])).toEqual([
      [9, 'success', '509'],
      [8, 'failure', '508'],
      [6, 'unfinished', '506'],
    ]);
    expect(readDeployments('not an answer', 'production')).toEqual([]);
  });

  it('asks for the spellings a case-sensitive filter needs', () => {
    expect(environmentSpellings('production')).toEqual(['production', 'PRODUCTION', 'Production']);
    expect(environmentSpellings('Staging-EU')).toEqual(['Staging-EU', 'staging-eu', 'STAGING-EU', 'Staging-eu']);
  });

  it('reads the run behind a status link', () => {
    expect(runOf('https://github.com/acme/api/actions/runs/123/job/456')).toBe('123');
    expect(runOf('https://vercel.com/acme/api/abc')).toBeUndefined();
  });

  const own = (id: number, sha: string, outcome: Deployment['outcome'], runId?: string, ref?: string): Deployment => ({ id, sha, ref, outcome, at: `2025-01-${String(id).padStart(2, '0')}T10:00:00Z`, logUrl: undefined, runId });
  // A full page: this workflow may have older runs than the ones listed.
  const runs = readWorkflowRuns({ workflow_runs: [{ id: 31, created_at: '2025-01-09T00:00:00Z' }, ...Array.from({ length: 98 }, (_, i) => ({ id: 1000 + i, created_at: '2025-01-05T00:00:00Z' })), { id: 21, created_at: '2025-01-02T00:00:00Z' }] })!;

  it('reads a workflow\'s runs: a short list is all of them', () => {
    expect(runs).toMatchObject({ oldest: '2025-01-02T00:00:00Z', complete: false });
    expect(readWorkflowRuns({ workflow_runs: [{ id: 5, created_at: '2025-01-02T00:00:00Z' }] })).toMatchObject({ complete: true });
    expect(readWorkflowRuns({ message: 'Not Found' })).toBeUndefined();
  });

  it('a service\'s deployments are its workflow\'s runs; another workflow\'s newer run is another service\'s, an older one unknown', () => {
    const service = { runId: '99', runs, tagLine: undefined };
    expect(ownerOf(own(9, fakeSha(9), 'success', '99'), service)).toBe('this run');
    expect(ownerOf(own(8, fakeSha(8), 'success', '31'), service)).toBe('this service');
    expect(ownerOf(own(7, fakeSha(7), 'success', '77'), service)).toBe('another service');
    expect(ownerOf(own(1, fakeSha(1), 'success', '11'), service)).toBe('unknown');
    expect(ownerOf(own(6, fakeSha(6), 'success', '31', 'web-v2.0.0'), { ...service, tagLine: 'api-v' })).toBe('another service');
    expect(ownerOf(own(6, fakeSha(6), 'success', undefined), { ...service, runs: undefined })).toBe('unknown');
  });

  it('chooses the newest success of this service for another commit, gathering the failures since', () => {
    const service = { runId: '99', runs, tagLine: undefined };
    const list = [own(20, fakeSha(20), 'unfinished', '99'), own(19, fakeSha(19), 'success', '77'), own(18, fakeSha(18), 'failure', '31'), own(17, fakeSha(17), 'failure', '31'), own(16, fakeSha(16), 'failure', '31'), own(15, fakeSha(15), 'success', '31')];
    const choice = chooseDeployment(list, service, fakeSha(20));
    expect(choice.previous?.id).toBe(15);
    expect(choice.failedSince.map((d) => d.id)).toEqual([18, 17, 16]);
    expect(choice).toMatchObject({ othersSkipped: 1, examined: 6, uncertain: false });
    expect(chooseDeployment(list.slice(0, 3), service, fakeSha(20))).toMatchObject({ previous: undefined, examined: 3 });
  });

  it('a success of this very commit ends the failure streak and is passed over', () => {
    const list = [own(12, fakeSha(20), 'success', '31'), own(11, fakeSha(11), 'failure', '31'), own(10, fakeSha(10), 'success', '31')];
    const choice = chooseDeployment(list, { runId: '99', runs, tagLine: undefined }, fakeSha(20));
    expect(choice.previous?.id).toBe(10);
    expect(choice.failedSince.map((d) => d.id)).toEqual([11]);
  });

  it('a deployment whose run cannot be placed is taken, marked uncertain', () => {
    const choice = chooseDeployment([own(1, fakeSha(1), 'success', '11')], { runId: '99', runs, tagLine: undefined }, fakeSha(20));
    expect(choice).toMatchObject({ previous: { id: 1 }, uncertain: true });
  });

  it('previous deploy: a tag ref gives the version, else the short SHA', () => {
    expect(previousFromDeployment(own(5, fakeSha(5), 'success', '31', 'v1.4.0'), repo)).toMatchObject({ ref: fakeSha(5), version: 'v1.4.0', foundBy: 'deployment', url: 'https://github.com/acme/api/deployments' });
    expect(previousFromDeployment(own(5, fakeSha(5), 'success', '31', 'main'), repo)).toMatchObject({ version: fakeSha(5).slice(0, 7) });
  });
});

describe('semantic versions', () => {
  it('reads prefixes, two or three numbers, prereleases and build metadata', () => {
    expect(parseVersionTag('v1.10.0')).toEqual({ prefix: 'v', numbers: [1, 10, 0], prerelease: [] });
    expect(parseVersionTag('api-v2.0.0-rc.1+build.5')).toEqual({ prefix: 'api-v', numbers: [2, 0, 0], prerelease: ['rc', '1'] });
    expect(parseVersionTag('app2-v1.4')).toEqual({ prefix: 'app2-v', numbers: [1, 4, 0], prerelease: [] });
    expect(parseVersionTag('api/v1.2.3')).toMatchObject({ prefix: 'api/v' });
    expect(parseVersionTag('@scope/pkg@1.2.3')).toMatchObject({ prefix: '@scope/pkg@', numbers: [1, 2, 3] });
    expect(parseVersionTag('1.2.3')).toMatchObject({ prefix: '', numbers: [1, 2, 3] });
    expect(parseVersionTag('latest')).toBeUndefined();
    expect(parseVersionTag(`${'x'.repeat(300)}1.2.3`)).toBeUndefined();
  });

  it('orders as semver.org says, not as text sorts', () => {
    const sorted = ['v1.10.0', 'v1.9.0', 'v1.10.0-rc.1', 'v1.10.0-beta.11', 'v1.10.0-beta.2', 'v1.10.0-alpha', 'v1.10.0-alpha.1', 'v2.0.0', 'v1.9.10']
      .map((name) => ({ name, version: parseVersionTag(name)! }))
      .sort((a, b) => compareVersions(a.version, b.version))
      .map((tag) => tag.name);
    expect(sorted).toEqual(['v1.9.0', 'v1.9.10', 'v1.10.0-alpha', 'v1.10.0-alpha.1', 'v1.10.0-beta.2', 'v1.10.0-beta.11', 'v1.10.0-rc.1', 'v1.10.0', 'v2.0.0']);
  });
});

describe('a tag line', () => {
  const refs = (names: string[]) => names.map((name, i) => ({ ref: `refs/tags/${name}`, object: { sha: fakeSha(i + 1), type: 'commit' } }));
  const none = new Map<string, ReleaseFacts>();

  it('asks three prefixes, narrowest first', () => {
    expect(linePrefixes(parseVersionTag('api-v1.4.2')!)).toEqual(['api-v1.4', 'api-v1', 'api-v']);
  });

  it('reads only its own line; an annotated tag has no commit SHA of its own', () => {
    const answer = [...refs(['v1.8.2', 'api-v1.9.5', 'nightly']), { ref: 'refs/tags/v1.9.0', object: { sha: fakeSha(40), type: 'tag' } }];
    expect(readLineTags(answer, 'v').map((tag) => [tag.name, tag.sha])).toEqual([
      ['v1.8.2', fakeSha(1)],
      ['v1.9.0', undefined],
    ]);
    expect(readLineTags({ message: 'Not Found' }, 'v')).toEqual([]);
  });

  it('a final release follows the previous final release; a prerelease follows prereleases too; drafts are skipped', () => {
    const tags = readLineTags(refs(['v1.8.2', 'v1.10.0', 'v1.10.0-rc.1', 'v1.9.0', 'v1.11.0']), 'v');
    const previous = (name: string, releases = none) => previousOnLine(parseVersionTag(name)!, [tags], releases)?.name;
    expect(previous('v1.10.0')).toBe('v1.9.0');
    expect(previous('v1.10.0-rc.2')).toBe('v1.10.0-rc.1');
    expect(previous('v1.10.0', new Map([['v1.9.0', { draft: false, prerelease: true }]]))).toBe('v1.8.2');
    expect(previous('v1.10.0', new Map([['v1.9.0', { draft: true, prerelease: false }]]))).toBe('v1.8.2');
    expect(previous('v1.8.2')).toBeUndefined();
  });

  it('the narrowest bucket holding an earlier tag answers: a wider one is never needed then', () => {
    const minor = readLineTags(refs(['v1.4.0', 'v1.4.1']), 'v');
    const whole = readLineTags(refs(['v0.9.0', 'v1.3.9']), 'v');
    expect(previousOnLine(parseVersionTag('v1.4.2')!, [minor, whole], none)?.name).toBe('v1.4.1');
    expect(previousOnLine(parseVersionTag('v1.4.0')!, [minor, whole], none)?.name).toBe('v1.3.9');
  });

  it('a tag\'s release gives its time and page; without one, its tree', () => {
    const [tag] = readLineTags(refs(['v1.9.0']), 'v');
    const releases = new Map([['v1.9.0', { published_at: '2025-01-02T10:00:00Z', html_url: 'https://github.com/acme/api/releases/tag/v1.9.0' }]]);
    expect(previousFromTag(tag!, releases, repo)).toEqual({ ref: fakeSha(1), commit: fakeSha(1), version: 'v1.9.0', deployedAt: '2025-01-02T10:00:00Z', url: 'https://github.com/acme/api/releases/tag/v1.9.0', foundBy: 'tag' });
    expect(previousFromTag(tag!, new Map(), repo)).toMatchObject({ url: 'https://github.com/acme/api/tree/v1.9.0' });
  });

  it('reads the last page from a Link header', () => {
    expect(lastPage('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=7>; rel="last"')).toBe(7);
    expect(lastPage('<https://api.github.com/x?page=2>; rel="next"')).toBeUndefined();
    expect(lastPage(undefined)).toBeUndefined();
  });
});

describe('hostile answers are read in time linear in their size', () => {
  it('100 tags of 20,000 characters and a 160,000-character deployment ref are skipped, not parsed', () => {
    const long = Array.from({ length: 100 }, (_, i) => ({ ref: `refs/tags/${'1.'.repeat(10_000)}${i}`, object: { sha: fakeSha(i + 1), type: 'commit' } }));
    expect(readLineTags(long, '')).toEqual([]);
    const deployments = readDeployments({ repository: { deployments: { nodes: [{ databaseId: 1, commitOid: fakeSha(1), latestEnvironment: 'production', ref: { name: `v${'1.'.repeat(80_000)}` }, latestStatus: { state: 'SUCCESS', logUrl: `https://x/${'/actions/runs/1'.repeat(10_000)}` } }] } } }, 'production');
    expect(deployments).toEqual([expect.objectContaining({ id: 1, ref: undefined, logUrl: undefined, runId: undefined, outcome: 'success' })]);
  });
});
