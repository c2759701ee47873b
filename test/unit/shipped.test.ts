// What shipped, from GitHub's compare answers: pure, no server. And what the lookups plan to ask.
import { describe, expect, it } from 'vitest';
import { collectChange } from '../../src/change/collect.js';
import { buildWorkflowContext } from '../../src/context/workflow-context.js';
import { buildEvent, payloadBytes, TRIM_ORDER } from '../../src/event/cloud-event.js';
import { LIMITS } from '../../src/common/contract.js';
import { LookupError } from '../../src/github/client.js';
import { noticeLine, planLookups } from '../../src/github/lookups.js';
import type { PreviousDeploy } from '../../src/github/previous-deploy.js';
import { parseSettings } from '../../src/inputs/settings.js';
import { INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs/names.js';
import { eventType, pullRequestOf, readComparison, shippedData, shippedFrom } from '../../src/github/shipped.js';
import { joinPages } from '../../src/github/range.js';
import { fakeSha, payload } from '../fixtures/generated.js';

const repo = { serverUrl: 'https://github.com', repository: 'acme/api' };
const previous: PreviousDeploy = { ref: fakeSha(1), commit: fakeSha(1), version: 'v1.9.0', deployedAt: '2025-01-14T09:30:00Z', url: 'https://x', foundBy: 'tag' };

/** A commit as the compare lists it. */
function commit(n: number, message: string, login: string | null, date = `2025-01-1${n % 10}T10:00:00Z`) {
  return { sha: fakeSha(n), commit: { message, author: { name: login ?? 'Dana Doe', email: 'x@example.com', date } }, author: login ? { login } : null };
}

function compare(status: string, commits: unknown[], total = commits.length) {
  return { status, total_commits: total, html_url: `https://github.com/acme/api/compare/a...b`, base_commit: { sha: fakeSha(1) }, commits };
}

describe('the compare', () => {
  const forward = readComparison(
    compare('ahead', [
      commit(2, 'Raise the login timeout (JIRA-7)', 'octocat', '2025-01-12T08:00:00Z'),
      commit(3, 'Merge pull request #12 from acme/OPS-3-cache\n\nCache the session store', 'hubot'),
      commit(4, 'Use the new billing API (#15)\n\n* squashed work', null),
    ]),
  )!;
  const shipped = shippedFrom(previous, forward, forward.commits, readComparison(compare('behind', [])), []);

  it('lists commits newest first, the pull requests of merge and squash subjects, authors, first commit and lead time', () => {
    const facts = shippedData(shipped, { ...repo, eventTime: new Date('2025-01-15T08:00:00Z') });
    expect(facts.data).toEqual({
      previous: { commit: fakeSha(1), version: 'v1.9.0', deployed_at: '2025-01-14T09:30:00Z', url: 'https://x', found_by: 'tag' },
      commits: {
        count: 3,
        list: [
          { sha: fakeSha(4), message: 'Use the new billing API (#15)', author: 'Dana Doe' },
          { sha: fakeSha(3), message: 'Merge pull request #12 from acme/OPS-3-cache', author: 'hubot' },
          { sha: fakeSha(2), message: 'Raise the login timeout (JIRA-7)', author: 'octocat' },
        ],
      },
      pull_requests: [
        { number: 15, title: 'Use the new billing API', url: 'https://github.com/acme/api/pull/15' },
        { number: 12, title: 'Cache the session store', url: 'https://github.com/acme/api/pull/12' },
      ],
      authors: ['Dana Doe', 'hubot', 'octocat'],
      first_commit_at: '2025-01-12T08:00:00Z',
      lead_time_seconds: 3 * 86_400,
      compare_url: 'https://github.com/acme/api/compare/a...b',
    });
    expect(facts.ticketTexts).toEqual(expect.arrayContaining(['Cache the session store', 'OPS-3-cache', 'Raise the login timeout (JIRA-7)']));
    expect(shipped.rollback).toBe(false);
  });

  it('a commit behind the previous deploy is a rollback: the commits listed are the ones taken out, no lead time', () => {
    const behind = readComparison(compare('behind', []))!;
    const takenOut = readComparison(compare('ahead', [commit(5, 'Add the export button', 'octocat')]))!;
    const rollback = shippedFrom(previous, behind, [], takenOut, takenOut.commits);
    expect(rollback).toMatchObject({ rollback: true, count: 1 });
    const { data } = shippedData(rollback, { ...repo, eventTime: new Date() });
    expect(data.commits).toEqual({ count: 1, list: [{ sha: fakeSha(5), message: 'Add the export button', author: 'octocat' }] });
    expect(data.first_commit_at).toBeUndefined();
    expect(data.lead_time_seconds).toBeUndefined();
  });

  it('a range longer than a page lists the newest commits of its last page; the count is the total, nothing says scanned', () => {
    const pages = [0, 1, 2, 3].map((p) => readComparison(compare('ahead', Array.from({ length: p < 3 ? 100 : 40 }, (_, i) => commit(p * 100 + i + 10, `Step ${p * 100 + i}`, `dev-${p}`)), 340))!);
    const all = joinPages(pages.map((page) => page.commits));
    const { data } = shippedData(shippedFrom(previous, pages[0]!, all, undefined, []), { ...repo, eventTime: new Date() });
    expect((data.commits as { list: unknown[] }).list[0]).toEqual({ sha: fakeSha(349), message: 'Step 339', author: 'dev-3' });
    expect(data.commits).toMatchObject({ count: 340, list: expect.any(Array) });
    expect(data.commits).not.toHaveProperty('scanned');
    expect(data.authors).toEqual(['dev-3', 'dev-2', 'dev-1', 'dev-0']);
  });

  it('a future first commit (a clock off) gives no lead time rather than a negative one', () => {
    const { data } = shippedData(shipped, { ...repo, eventTime: new Date('2020-01-01T00:00:00Z') });
    expect(data.lead_time_seconds).toBeUndefined();
    expect(data.first_commit_at).toBe('2025-01-12T08:00:00Z');
  });

  it('answers of another shape are no comparison', () => {
    expect(readComparison({ message: 'Not Found' })).toBeUndefined();
    expect(readComparison({ status: 'sideways', commits: [] })).toBeUndefined();
    expect(readComparison('[')).toBeUndefined();
  });

  it('pull request subjects: merge and squash only, not a reference in the middle of a line', () => {
    const at = (message: string) => pullRequestOf({ sha: 'x', message, author: undefined, authoredAt: undefined }, repo);
    expect(at('Merge pull request #7 from fork/feature/PAY-9-refunds')).toMatchObject({ number: 7, title: undefined, branch: 'feature/PAY-9-refunds' });
    expect(at('Fix #7 and move on')).toBeUndefined();
    expect(at('Revert "Add export (#8)" (#9)')).toMatchObject({ number: 9, title: 'Revert "Add export (#8)"' });
  });
});

describe('the event type', () => {
  const rollback = shippedFrom(previous, readComparison(compare('behind', []))!, [], readComparison(compare('ahead', []))!, []);
  it('rollback only for a rollback found, with type left at its default and detection on', () => {
    expect(eventType('deployment', 'deployment', true, rollback)).toBe('rollback');
    expect(eventType('deployment', 'deployment', false, rollback)).toBe('deployment');
    expect(eventType('db-migration', 'deployment', true, rollback)).toBe('db-migration');
    expect(eventType('deployment', 'deployment', true, undefined)).toBe('deployment');
  });
});

describe('the plan and the notice', () => {
  const raw = (inputs: Partial<Record<InputName, string>>) => Object.fromEntries(INPUT_NAMES.map((name) => [name, inputs[name] ?? ''])) as RawInputs;
  const settingsWith = (inputs: Partial<Record<InputName, string>>) => parseSettings(raw({ 'api-key': 'ot_unit_key_123456', 'github-token': 'ghs_x1234', ...inputs }), {});
  const env = { GITHUB_REPOSITORY: 'acme/api', GITHUB_SHA: fakeSha(9), GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push', GITHUB_RUN_ID: '42' };

  it('asks nothing without a token, with include-context false, or with nothing to ask', async () => {
    const push = buildWorkflowContext(env, payload('push-merge'));
    expect(planLookups(push, await settingsWith({ 'github-token': '' }))).toBeUndefined();
    expect(planLookups(push, await settingsWith({ 'include-context': 'false' }))).toBeUndefined();
    expect(planLookups(buildWorkflowContext({ ...env, GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main' }, {}), await settingsWith({}))).toBeUndefined();
  });

  it('the environment is the input, else the subject, else a deployment run\'s', async () => {
    const dispatch = buildWorkflowContext({ ...env, GITHUB_EVENT_NAME: 'workflow_dispatch' }, {});
    expect(planLookups(dispatch, await settingsWith({ environment: 'prod-eu', subject: 'PRODUCTION' }))?.environment).toBe('prod-eu');
    expect(planLookups(dispatch, await settingsWith({ subject: 'PRODUCTION' }))?.environment).toBe('PRODUCTION');
    const deployment = buildWorkflowContext({ ...env, GITHUB_EVENT_NAME: 'deployment' }, payload('deployment'));
    expect(planLookups(deployment, await settingsWith({}))?.environment).toBe('production');
  });

  it('one line: what the event lacks, why, and the permissions to grant in one list', () => {
    const failures = new Map([
      ['deployments', new LookupError('forbidden', 'HTTP 403: Resource not accessible by integration')],
      ['compare', new LookupError('timeout', 'no answer within 5 s')],
      ['pull-request', new LookupError('forbidden', 'HTTP 403: Resource not accessible by integration')],
    ] as const);
    const nothingFound = { previousFoundBy: undefined, pullRequest: false };
    const { notice, grant } = noticeLine(new Map(failures), { environment: 'production' }, 5, nothingFound);
    expect(notice).toBe(
      'The event lacks the previous deploy, and what shipped since it (commits, pull requests, tickets, lead time); and the pull request of this commit: GitHub did not give the deployments to production: HTTP 403: Resource not accessible by integration, what shipped since the previous deploy: no answer within 5 s, the pull request of this commit: HTTP 403: Resource not accessible by integration. To add it: grant the job permissions: deployments: read, pull-requests: read; raise lookup-timeout (now 5 s) if GitHub is slow from this runner.',
    );
    expect(grant).toEqual(['deployments: read', 'pull-requests: read']);
    expect(notice).not.toMatch(/\n/);
    const typo = noticeLine(new Map([['compare', new LookupError('not-found', 'HTTP 404: Not Found')]]), { since: 'v1.9' }, 5, { previousFoundBy: 'input', pullRequest: false });
    expect(typo.notice).toMatch(/^The event lacks what shipped since the previous deploy .*To add it: check that input "since" "v1\.9" names a commit, tag or branch of this repository\.$/);
    expect(noticeLine(new Map(), {}, 5, nothingFound)).toEqual({ notice: undefined, debug: undefined, grant: undefined });
  });

  it('no notice when the event lost nothing: deployments refused, the previous deploy found by its tag', () => {
    const refused = new Map([['deployments', new LookupError('forbidden', 'HTTP 403: Resource not accessible by integration')]] as const);
    const { notice, debug } = noticeLine(new Map(refused), { environment: 'PRODUCTION' }, 5, { previousFoundBy: 'tag', pullRequest: false });
    expect(notice).toBeUndefined();
    expect(debug).toBe('GitHub lookups: the previous deployment (HTTP 403: Resource not accessible by integration) could not be read; the event lacks nothing for it.');
  });
});

describe('the 10 KB budget with what shipped', () => {
  const raw = (inputs: Partial<Record<InputName, string>>) => Object.fromEntries(INPUT_NAMES.map((name) => [name, inputs[name] ?? ''])) as RawInputs;
  // The largest a range can make each key: 100 commits with 200-character subjects, 100 pull requests,
  // 100 authors with long names, all naming tickets.
  const long = (n: number, what: string) => `${what} ${n} (OPS-${n}) ${'x'.repeat(200)}`;
  const commits = Array.from({ length: 100 }, (_, i) =>
    commit(i + 10, i % 2 ? `Merge pull request #${i} from acme/OPS-${i}-work\n\n${long(i, 'Title')}` : `${long(i, 'Squash')} (#${i + 500})`, `author-${i}-${'n'.repeat(30)}`),
  );
  const forward = readComparison(compare('ahead', commits, 640))!;
  const shipped = shippedFrom(previous, forward, forward.commits, undefined, []);
  const context = buildWorkflowContext({ GITHUB_REPOSITORY: 'acme/api', GITHUB_SHA: fakeSha(9), GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_RUN_ID: '1' }, {});
  const facts = shippedData(shipped, { ...repo, eventTime: new Date('2025-02-01T00:00:00Z') });
  const change = collectChange(context, { rollbackOf: undefined }, { shipped: facts });

  it('a range at its largest loses only the commit list (the compare view lists it), and says so', async () => {
    const settings = await parseSettings(raw({ 'api-key': 'ot_unit_key_123456' }), {});
    const { event, warnings } = buildEvent({ settings, context, change, id: 'e-1', now: new Date() });
    expect(payloadBytes(event)).toBeLessThanOrEqual(LIMITS.payloadBytes);
    expect(warnings).toEqual([expect.stringMatching(/left out: commits\.$/)]);
    expect(event.data).toMatchObject({ previous: { found_by: 'tag' }, lead_time_seconds: expect.any(Number), compare_url: expect.any(String) });
    expect(event.data.pull_requests).toHaveLength(20);
  });

  it('with user data that leaves little room, the new keys go in TRIM_ORDER and user keys stay', async () => {
    const settings = await parseSettings(raw({ 'api-key': 'ot_unit_key_123456', data: JSON.stringify({ notes: 'n'.repeat(8_000) }) }), {});
    const { event, warnings } = buildEvent({ settings, context, change, id: 'e-1', now: new Date() });
    expect(payloadBytes(event)).toBeLessThanOrEqual(LIMITS.payloadBytes);
    expect(event.data.notes).toHaveLength(8_000);
    const dropped = /left out: (.*)\.$/.exec(warnings[0] ?? '')?.[1]?.split(', ') ?? [];
    expect(dropped.slice(0, 4)).toEqual(['commits', 'pull_requests', 'tickets', 'authors']);
    expect(dropped).toEqual(TRIM_ORDER.filter((key) => dropped.includes(key)));
    expect(event.data.lead_time_seconds).toBeDefined();
  });
});
