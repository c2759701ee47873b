// The previous deploy, from GitHub's API answers: pure, no server.
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  deploymentCandidates,
  parseVersionTag,
  previousFromDeployments,
  previousFromInput,
  previousFromPush,
  previousFromTags,
} from '../../src/github/previous-deploy.js';
import { fakeSha } from '../fixtures/generated.js';

const repo = { serverUrl: 'https://github.com', repository: 'acme/api' };
const HEAD = fakeSha(99);
const RUN = '1658821493';

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

describe('deployments', () => {
  const deployment = (id: number, sha: string, environment = 'production', ref = 'main') => ({ id, sha, ref, environment });
  const answer = [
    deployment(9, HEAD), // this run's own, for this commit
    deployment(8, fakeSha(8), 'Production'),
    deployment(7, fakeSha(7), 'staging'),
    deployment(6, fakeSha(6)),
    deployment(5, fakeSha(5), 'production', 'v1.4.0'),
    { id: 'x', sha: fakeSha(4), environment: 'production' },
    deployment(3, fakeSha(3)),
  ];

  it('candidates: newest first, same environment in any letter case, another commit, at most max', () => {
    expect(deploymentCandidates(answer, 'PRODUCTION', HEAD, 3).map((c) => c.id)).toEqual([8, 6, 5]);
    expect(deploymentCandidates('not a list', 'production', HEAD, 3)).toEqual([]);
  });

  it('the newest that reached success and was not made by this run; inactive after success counts', () => {
    const candidates = deploymentCandidates(answer, 'production', HEAD, 3);
    const statuses = new Map<number, unknown>([
      [8, [{ state: 'failure', created_at: '2025-01-15T12:00:00Z' }]],
      [6, [{ state: 'inactive' }, { state: 'success', created_at: '2025-01-14T09:30:00Z', log_url: 'https://github.com/acme/api/actions/runs/111/job/222' }]],
      [5, [{ state: 'success' }]],
    ]);
    expect(previousFromDeployments(candidates, statuses, RUN, repo)).toEqual({
      ref: fakeSha(6),
      commit: fakeSha(6),
      version: fakeSha(6).slice(0, 7),
      deployedAt: '2025-01-14T09:30:00Z',
      url: 'https://github.com/acme/api/actions/runs/111/job/222',
      foundBy: 'deployment',
    });
  });

  it('passes over deployments made by this run (a re-run) and those whose statuses are unknown; a tag ref is the version', () => {
    const candidates = deploymentCandidates(answer, 'production', HEAD, 3);
    const statuses = new Map<number, unknown>([
      [8, [{ state: 'success', log_url: `https://github.com/acme/api/actions/runs/${RUN}/job/5` }]],
      [5, [{ state: 'success', target_url: 'https://example.com/deploys/5' }]],
    ]);
    expect(previousFromDeployments(candidates, statuses, RUN, repo)).toMatchObject({ ref: fakeSha(5), version: 'v1.4.0', url: 'https://example.com/deploys/5' });
    expect(previousFromDeployments(candidates, new Map(), RUN, repo)).toBeUndefined();
  });
});

describe('semantic versions', () => {
  it('reads prefixes, two or three numbers, prereleases and build metadata', () => {
    expect(parseVersionTag('v1.10.0')).toEqual({ prefix: 'v', numbers: [1, 10, 0], prerelease: [] });
    expect(parseVersionTag('api-v2.0.0-rc.1+build.5')).toEqual({ prefix: 'api-v', numbers: [2, 0, 0], prerelease: ['rc', '1'] });
    expect(parseVersionTag('app2-v1.4')).toEqual({ prefix: 'app2-v', numbers: [1, 4, 0], prerelease: [] });
    expect(parseVersionTag('latest')).toBeUndefined();
  });

  it('orders as semver.org says, not as text sorts', () => {
    const sorted = ['v1.10.0', 'v1.9.0', 'v1.10.0-rc.1', 'v1.10.0-beta.11', 'v1.10.0-beta.2', 'v1.10.0-alpha', 'v1.10.0-alpha.1', 'v2.0.0', 'v1.9.10']
      .map((name) => ({ name, version: parseVersionTag(name)! }))
      .sort((a, b) => compareVersions(a.version, b.version))
      .map((tag) => tag.name);
    expect(sorted).toEqual(['v1.9.0', 'v1.9.10', 'v1.10.0-alpha', 'v1.10.0-alpha.1', 'v1.10.0-beta.2', 'v1.10.0-beta.11', 'v1.10.0-rc.1', 'v1.10.0', 'v2.0.0']);
  });
});

describe('tags and releases', () => {
  const tags = ['v1.8.2', 'v1.10.0', 'v1.10.0-rc.1', 'v1.9.0', 'v1.11.0', 'api-v1.9.5', 'nightly'].map((name, i) => ({ name, commit: { sha: fakeSha(i + 1) } }));

  it('a final release follows the previous final release of its line: v1.9.0 before v1.10.0, not v1.10.0-rc.1, api-v1.9.5 or v1.11.0', () => {
    const releases = [{ tag_name: 'v1.9.0', published_at: '2025-01-02T10:00:00Z', html_url: 'https://github.com/acme/api/releases/tag/v1.9.0' }];
    expect(previousFromTags('v1.10.0', tags, releases, repo)).toEqual({
      ref: fakeSha(4),
      commit: fakeSha(4),
      version: 'v1.9.0',
      deployedAt: '2025-01-02T10:00:00Z',
      url: 'https://github.com/acme/api/releases/tag/v1.9.0',
      foundBy: 'tag',
    });
  });

  it('a prerelease follows prereleases too; a release flagged prerelease or draft is skipped by a final one', () => {
    expect(previousFromTags('v1.10.0-rc.2', tags, [], repo)).toMatchObject({ version: 'v1.10.0-rc.1' });
    expect(previousFromTags('v1.10.0', tags, [{ tag_name: 'v1.9.0', prerelease: true }], repo)).toMatchObject({ version: 'v1.8.2' });
    expect(previousFromTags('v1.10.0', tags, [{ tag_name: 'v1.9.0', draft: true }], repo)).toMatchObject({ version: 'v1.8.2', url: 'https://github.com/acme/api/tree/v1.8.2' });
  });

  it('no previous deploy for the first tag of a line, a tag that is not a version, or answers of another shape', () => {
    expect(previousFromTags('v1.8.2', tags, [], repo)).toBeUndefined();
    expect(previousFromTags('nightly', tags, [], repo)).toBeUndefined();
    expect(previousFromTags('v2.0.0', { message: 'Not Found' }, 'oops', repo)).toBeUndefined();
  });
});
