// The pure parts of whole ranges: which pages to ask for, how they join, reverts, the paths input, and
// answers far larger than GitHub sends (they must give the right result, in time linear in their size).
import { describe, expect, it } from 'vitest';
import { joinPages, laterPages, MAX_SCANNED } from '../../src/github/range.js';
import { readComparison, revertPairs, shippedData, shippedFrom, MAX_MESSAGE, type RangeCommit } from '../../src/github/shipped.js';
import { apiPaths, pathMatcher, touchingCommits } from '../../src/github/paths.js';
import { parseLog } from '../../src/github/paths-git.js';
import { parseSettings } from '../../src/inputs/settings.js';
import { INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs/names.js';
import { ConfigError } from '../../src/common/errors.js';
import type { PreviousDeploy } from '../../src/github/previous-deploy.js';
import { fakeSha } from '../fixtures/generated.js';

const repo = { serverUrl: 'https://github.com', repository: 'acme/api' };
const previous: PreviousDeploy = { ref: fakeSha(1), commit: fakeSha(1), version: 'v1.0.0', deployedAt: undefined, url: undefined, foundBy: 'tag' };
const commit = (n: number, message: string, date?: string): RangeCommit => ({ sha: fakeSha(n), message, author: `dev-${n % 3}`, authoredAt: date });

describe('the pages of a range', () => {
  it('up to 1,000 commits: every page after the first; beyond, the newest pages that fit beside it', () => {
    expect(laterPages(0)).toEqual([]);
    expect(laterPages(100)).toEqual([]);
    expect(laterPages(101)).toEqual([2]);
    expect(laterPages(1000)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(laterPages(1001)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(laterPages(200_000)).toHaveLength(9);
    expect(laterPages(200_000).at(-1)).toBe(2000);
  });

  it('joins pages by SHA, whatever their size, each commit once, at most 1,000', () => {
    const page = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ sha: fakeSha(from + i) }));
    expect(joinPages([page(1, 3), page(3, 5), undefined, page(6, 6)]).map((c) => c.sha)).toEqual([1, 2, 3, 4, 5, 6].map(fakeSha));
    expect(joinPages([page(1, 700), page(701, 1400)])).toHaveLength(MAX_SCANNED);
  });
});

describe('reverts within the range', () => {
  const revert = (n: number, of: number, subject = `Step ${of}`) => commit(n, `Revert "${subject}"\n\nThis reverts commit ${fakeSha(of)}.`);

  it('pairs a revert with the commit it names, by full or short SHA', () => {
    const distinct = { ...commit(3, 'Step 3'), sha: `abcdef1${'2'.repeat(33)}` };
    const commits = [commit(2, 'Step 2'), distinct, revert(4, 2), commit(5, 'Revert "Step 3"\n\nThis reverts commit abcdef1.')];
    expect(revertPairs(commits).map((pair) => [pair.reverted.sha, pair.by.sha])).toEqual([
      [fakeSha(2), fakeSha(4)],
      [distinct.sha, fakeSha(5)],
    ]);
    // 0000000 starts every SHA of this list below 0x10000000: ambiguous, as git would say, so nothing.
    expect(revertPairs([commit(2, 'Step 2'), commit(3, 'Step 3'), commit(4, 'Revert "Step 2"\n\nThis reverts commit 0000000.')])).toEqual([]);
  });

  it('a revert that is itself reverted undoes nothing: the original ships', () => {
    const commits = [commit(2, 'Step 2'), revert(3, 2), revert(4, 3, 'Revert "Step 2"')];
    expect(revertPairs(commits).map((pair) => pair.reverted.sha)).toEqual([fakeSha(3)]);
  });

  it('a revert of a commit outside the range, or a body without GitHub\'s subject, pairs nothing', () => {
    expect(revertPairs([commit(2, 'Step 2'), revert(3, 99)])).toEqual([]);
    expect(revertPairs([commit(2, 'Step 2'), commit(3, `Undo\n\nThis reverts commit ${fakeSha(2)}.`)])).toEqual([]);
  });
});

describe('answers far larger than GitHub sends: capped, linear, and right', () => {
  const compare = (commits: unknown[], total = commits.length) => ({ status: 'ahead', total_commits: total, base_commit: { sha: fakeSha(1) }, html_url: 'https://x', commits });
  const raw = (n: number, message: string) => ({ sha: fakeSha(n), commit: { message, author: { name: `Dev ${n % 5}`, date: '2025-01-01T00:00:00Z' } }, author: { login: `dev-${n % 5}` } });

  it('200,000 merge commits in one answer: the first 1,000 read, the count exact, pull requests newest first', () => {
    const commits = Array.from({ length: 200_000 }, (_, i) => raw(i + 2, `Merge pull request #${i + 2} from acme/work-${i}\n\nPart ${i}`));
    const forward = readComparison(compare(commits, 200_000))!;
    expect(forward.commits).toHaveLength(MAX_SCANNED);
    const { data } = shippedData(shippedFrom(previous, forward, forward.commits, undefined, []), { ...repo, eventTime: new Date('2025-02-01T00:00:00Z') });
    expect(data.commits).toMatchObject({ count: 200_000, scanned: 1000 });
    expect((data.pull_requests as Array<{ number: number }>).map((pr) => pr.number)).toEqual(Array.from({ length: 20 }, (_, i) => 1001 - i));
  });

  it('160,000 squash commits of the same pull request: one pull request', () => {
    const commits = Array.from({ length: 160_000 }, (_, i) => raw(i + 2, `Tweak ${i} (#7)`));
    const forward = readComparison(compare(commits))!;
    const { data } = shippedData(shippedFrom(previous, forward, joinPages([forward.commits]), undefined, []), { ...repo, eventTime: new Date() });
    expect(data.pull_requests).toEqual([{ number: 7, title: 'Tweak 999', url: 'https://github.com/acme/api/pull/7' }]);
  });

  it('a message of megabytes is read up to its cap before any pattern runs', () => {
    const forward = readComparison(compare([raw(2, `${'x'.repeat(5_000_000)} (#9)`)]))!;
    expect(forward.commits[0]!.message).toHaveLength(MAX_MESSAGE);
    const { data } = shippedData(shippedFrom(previous, forward, forward.commits, undefined, []), { ...repo, eventTime: new Date() });
    expect(data.pull_requests).toBeUndefined();
    expect((data.commits as { list: Array<{ message: string }> }).list[0]!.message.length).toBeLessThanOrEqual(200);
  });
});

describe('paths', () => {
  it('matches includes and ! exclusions, ** across folders, dot files too', async () => {
    const matches = await pathMatcher(['services/api/**', 'libs/shared/**', '!**/*.md']);
    expect(['services/api/main.go', 'services/api/.env.example', 'libs/shared/x/y.ts'].every(matches)).toBe(true);
    expect(['services/api/README.md', 'services/web/app.ts', 'services/apis/x.go'].some(matches)).toBe(false);
    const onlyExclusions = await pathMatcher(['!docs/**']);
    expect(onlyExclusions('src/a.ts')).toBe(true);
    expect(onlyExclusions('docs/a.md')).toBe(false);
  });

  it('what the commits list can be asked: the folder before the first wildcard, and what that leaves out', async () => {
    expect(await apiPaths(['services/api/**', 'libs/shared/**'])).toEqual({ prefixes: ['services/api', 'libs/shared'], approximate: undefined, impossible: undefined });
    expect((await apiPaths(['services/api/**/*.go'])).approximate).toBe('"services/api/**/*.go" is read as all of services/api/');
    expect((await apiPaths(['services/api/**', '!**/*.md'])).approximate).toMatch(/exclusion "!\*\*\/\*\.md"/);
    expect((await apiPaths(['**/*.go'])).impossible).toMatch(/wildcard at the repository's root/);
    expect((await apiPaths(['a/**', 'b/**', 'c/**', 'd/**', 'e/**', 'f/**'])).impossible).toMatch(/more than 5 folders/);
  });

  it('reads git log -z output: both sides, file names with spaces and line breaks', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const changed = parseLog(`\x1e>${a}\0\nservices/api/x y.go\0libs/odd\nname\0\x1e<${b}\0\nservices/web/z.ts\0\x1e>${'c'.repeat(40)}\0`);
    expect(changed.added).toEqual(new Map([[a, ['services/api/x y.go', 'libs/odd\nname']], ['c'.repeat(40), []]]));
    expect(changed.removed).toEqual(new Map([[b, ['services/web/z.ts']]]));
    expect(touchingCommits(changed.added, (file) => file.startsWith('services/api/'))).toEqual(new Set([a]));
  });

  it('scoped, the change counts only commits touching the paths, and keeps the range\'s size', () => {
    const commits = [commit(2, 'API change (#5)', '2025-01-03T00:00:00Z'), commit(3, 'Web change (#6)', '2025-01-01T00:00:00Z'), commit(4, 'API fix', '2025-01-04T00:00:00Z')];
    const forward = readComparison({ status: 'ahead', total_commits: 3, commits: commits.map((c) => ({ sha: c.sha, commit: { message: c.message, author: { name: c.author, date: c.authoredAt } } })) })!;
    const paths = { patterns: ['services/api/**'], touching: new Set([fakeSha(2), fakeSha(4)]), exact: { added: 2, removed: 0 } };
    const { data, scoped } = shippedData(shippedFrom(previous, forward, forward.commits, undefined, []), { ...repo, eventTime: new Date('2025-01-05T00:00:00Z'), paths });
    expect(scoped).toBe(true);
    expect(data).toMatchObject({ commits: { count: 2, range_count: 3 }, pull_requests: [{ number: 5 }], first_commit_at: '2025-01-03T00:00:00Z', lead_time_seconds: 2 * 86_400, paths: ['services/api/**'] });
  });
});

describe('paths on a rollback and a diverged deploy', () => {
  const raw = (n: number, message: string) => ({ sha: fakeSha(n), commit: { message, author: { name: 'dev', date: '2025-01-01T00:00:00Z' } } });
  const answer = (status: string, commits: unknown[], behind = 0) => ({ status, total_commits: commits.length, behind_by: behind, commits });

  it('a rollback counts only the commits it takes out that touch the paths, and keeps the whole side as range_count', () => {
    const behind = readComparison(answer('behind', [], 3))!;
    const takenOut = readComparison(answer('ahead', [raw(5, 'API (#1)'), raw(6, 'Web (#2)'), raw(7, 'API again')]))!;
    const paths = { patterns: ['api/**'], touching: new Set([fakeSha(5), fakeSha(7)]), exact: { added: 0, removed: 2 } };
    const { data } = shippedData(shippedFrom(previous, behind, [], takenOut, takenOut.commits), { ...repo, eventTime: new Date(), paths });
    expect(data).toMatchObject({ commits: { count: 2, range_count: 3, list: [{ sha: fakeSha(7) }, { sha: fakeSha(5) }] }, pull_requests: [{ number: 1 }] });
    expect(data.first_commit_at).toBeUndefined();
  });

  it('a diverged deploy scopes both what it adds and what it takes out', () => {
    const forward = readComparison(answer('diverged', [raw(8, 'API fix'), raw(9, 'Web fix')], 2))!;
    const reverse = readComparison(answer('diverged', [raw(5, 'API (#1)'), raw(6, 'Web (#2)')], 2))!;
    const paths = { patterns: ['api/**'], touching: new Set([fakeSha(5), fakeSha(8)]), exact: { added: 1, removed: 1 } };
    const { data } = shippedData(shippedFrom(previous, forward, forward.commits, reverse, reverse.commits), { ...repo, eventTime: new Date(), paths });
    expect(data).toMatchObject({ commits: { count: 1, range_count: 2, list: [{ sha: fakeSha(8) }] }, removed: { count: 1, list: [{ sha: fakeSha(5) }] } });
  });
});

describe('the paths input', () => {
  const raw = (inputs: Partial<Record<InputName, string>>) => Object.fromEntries(INPUT_NAMES.map((name) => [name, inputs[name] ?? ''])) as RawInputs;
  const settingsWith = (paths: string) => parseSettings(raw({ 'api-key': 'ot_unit_key_123456', paths }), {});

  it('one per line or comma-separated, blanks dropped', async () => {
    expect((await settingsWith(' services/api/**,libs/shared/**\n\n  !**/*.md \r\n')).paths).toEqual(['services/api/**', 'libs/shared/**', '!**/*.md']);
    expect((await settingsWith('')).paths).toBeUndefined();
  });

  it('without a token or with include-context false, one warning says it has no effect', async () => {
    const noToken = await parseSettings(raw({ 'api-key': 'ot_unit_key_123456', paths: 'services/api/**', 'github-token': '' }), {});
    expect(noToken.warnings).toEqual([expect.stringMatching(/^Input "paths" has no effect without a github-token: .* give github-token/)]);
    const noContext = await parseSettings(raw({ 'api-key': 'ot_unit_key_123456', paths: 'services/api/**', 'github-token': 'ghs_x1234', 'include-context': 'false' }), {});
    expect(noContext.warnings).toEqual([expect.stringMatching(/^Input "paths" has no effect with include-context: false: .* set include-context: true\.$/)]);
    expect((await parseSettings(raw({ 'api-key': 'ot_unit_key_123456', paths: 'services/api/**', 'github-token': 'ghs_x1234' }), {})).warnings).toEqual([]);
  });

  it.each([
    [',', 'holds no pattern'],
    ['!', 'excludes nothing'],
    ['/etc/**', 'is absolute'],
    ['C:/src/**', 'is absolute'],
    ['services\\api\\**', 'paths in git use /'],
    ['../other/**', 'climbs out of the repository'],
    ['x'.repeat(256), 'longer than 255 characters'],
    [Array.from({ length: 51 }, (_, i) => `p${i}/**`).join(','), 'holds 51 patterns'],
  ])('refuses %j in one line naming the input and the fix', async (paths, problem) => {
    const error = await settingsWith(paths).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const [line, ...more] = (error as ConfigError).problems;
    expect(more).toEqual([]);
    expect(line).toMatch(/^Input "paths" /);
    expect(line).toContain(problem);
    expect(line).not.toMatch(/\n/);
  });
});
