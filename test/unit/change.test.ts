// The change behind the event, from GitHub's example webhook payloads: pure, no runner, no server.
// The budget tests build whole events, because trimming is decided there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectChange, ticketTexts, type ChangeOptions } from '../../src/change/collect.js';
import { MAX_LISTED } from '../../src/common/subject-line.js';
import { choosePullRequest, readPullRequest } from '../../src/context/pull-request.js';
import { pullRequestLookup } from '../../src/github/lookups.js';
import { buildWorkflowContext, type Env } from '../../src/context/workflow-context.js';
import { ConfigError } from '../../src/common/errors.js';
import { buildEvent, payloadBytes, TRIM_ORDER } from '../../src/event/cloud-event.js';
import { LIMITS } from '../../src/common/contract.js';
import { parseSettings, type Settings } from '../../src/inputs/settings.js';
import { INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs/names.js';
import { extractTicketsGuarded } from '../../src/change/ticket-pattern.js';
import { MAX_TICKETS } from '../../src/change/tickets.js';
import { ROOT } from '../support/run-action.js';
import { MERGE_SHA, mergedPullRequest, payload, pullRequestWithBody, pushOfCommits } from '../fixtures/generated.js';

function env(eventName: string, overrides: Env = {}): Env {
  return {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: 'refs/heads/master',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'Codertocat',
    GITHUB_EVENT_NAME: eventName,
    ...overrides,
  };
}

const none: ChangeOptions = { rollbackOf: undefined };

describe('push: a deploy on merge', () => {
  const context = buildWorkflowContext(env('push'), payload('push-merge'));

  it('names the pull request found by the lookup, its tickets, author and commits', () => {
    const change = collectChange(context, none, { pullRequest: readPullRequest(mergedPullRequest()) });
    expect(change.description).toBe('Fix login timeout (JIRA-1234)');
    expect(change.data).toEqual({
      ticket: 'JIRA-1234',
      tickets: ['JIRA-1234', 'Codertocat/Hello-World#41', 'MON-9', 'Codertocat/Hello-World#12', 'Codertocat/Hello-World#57'],
      pull_request: {
        number: 57,
        title: 'Fix login timeout (JIRA-1234)',
        url: 'https://github.com/Codertocat/Hello-World/pull/57',
        author: 'Codertocat',
        base: 'master',
        head: 'JIRA-1234-login-timeout',
      },
      commits: {
        count: 3,
        list: [
          { sha: MERGE_SHA, message: 'Merge pull request #57 from Codertocat/JIRA-1234-login-timeout', author: 'Codertocat' },
          { sha: 'b3f2d1e0c9a8b7f6e5d4c3b2a1f0e9d8c7b6a5f4', message: 'Cover the timeout in tests (refs #12)', author: 'hubot' },
          { sha: 'a10867b14bb761a232cd80139fbd4c0d33264240', message: 'Raise the login timeout to 30 s', author: 'Codertocat' },
        ],
      },
      compare_url: 'https://github.com/Codertocat/Hello-World/compare/6113728f27ae...d4e5f6a7b8c9',
      links: {
        run: 'https://github.com/Codertocat/Hello-World/actions/runs/1658821493/attempts/1',
        commit: `https://github.com/Codertocat/Hello-World/commit/${MERGE_SHA}`,
        pull_request: 'https://github.com/Codertocat/Hello-World/pull/57',
        compare: 'https://github.com/Codertocat/Hello-World/compare/6113728f27ae...d4e5f6a7b8c9',
      },
    });
  });

  it('without a pull request, describes the change by the merge commit and finds tickets in the commits', () => {
    const change = collectChange(context, none);
    expect(change.description).toBe('Fix login timeout (JIRA-1234)');
    expect(change.data.pull_request).toBeUndefined();
    expect(change.data.tickets).toEqual(['JIRA-1234', 'Codertocat/Hello-World#12', 'Codertocat/Hello-World#57']);
  });

  it('describes a plain push by its head commit, and finds tickets in the pushed branch name', () => {
    const change = collectChange(buildWorkflowContext(env('push', { GITHUB_REF: 'refs/heads/OPS-7-init' }), payload('push')), none);
    expect(change.description).toBe('Initial commit');
    expect(change.data.ticket).toBe('OPS-7');
    expect(change.data.commits).toEqual({ count: 1, list: [{ sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', message: 'Initial commit', author: 'Codertocat' }] });
  });

  it('lists the newest 20 commits, newest first, and counts them all; never an e-mail address', () => {
    const change = collectChange(context, none, undefined);
    const big = collectChange(buildWorkflowContext(env('push'), pushOfCommits(1000)), none);
    const commits = big.data.commits as { count: number; list: Array<{ sha: string; message: string }> };
    expect(commits.count).toBe(1000);
    expect(commits.list).toHaveLength(MAX_LISTED);
    expect(commits.list[0]!.message).toMatch(/^Step 1000 of the migration/);
    expect(commits.list[19]!.message).toMatch(/^Step 981 of the migration/);
    expect(JSON.stringify([change.data, big.data])).not.toContain('@');
  });

  it('records the commit a revert undoes', () => {
    const change = collectChange(buildWorkflowContext(env('push'), payload('push-revert')), { ...none, rollbackOf: 'evt-123' });
    expect(change.data.rollback_of).toBe('evt-123');
    expect(change.data.reverts).toBe(MERGE_SHA);
    expect(change.description).toBe('Revert "Fix login timeout (JIRA-1234)"');
  });

  it('records a revert that is not the head commit (a merged revert pull request)', () => {
    const revert = payload('push-revert');
    const merge = { ...(revert.head_commit as object), id: 'f'.repeat(40), message: 'Merge pull request #58 from Codertocat/revert-57\n\nRevert "Fix login timeout"' };
    const change = collectChange(buildWorkflowContext(env('push'), { ...revert, commits: [...(revert.commits as object[]), merge], head_commit: merge }), none);
    expect(change.data.reverts).toBe(MERGE_SHA);
    expect(change.description).toBe('Revert "Fix login timeout"');
  });

  it('uses ticket-pattern in place of the key pattern, through the guard, over ticketTexts', async () => {
    const found = { pullRequest: readPullRequest(mergedPullRequest()) };
    const { tickets, warning } = await extractTicketsGuarded(ticketTexts(context, found), { pattern: /\bMON-\d+/g, repository: context.repository, budgetMs: 5000 });
    expect(warning).toBeUndefined();
    const change = collectChange(context, { ...none, tickets }, found);
    expect(change.data.tickets).toEqual(['Codertocat/Hello-World#41', 'MON-9', 'Codertocat/Hello-World#12', 'Codertocat/Hello-World#57']);
  });
});

describe('other runs', () => {
  it('pull_request: the pull request from the payload, its title as description, no API needed', () => {
    const context = buildWorkflowContext(env('pull_request', { GITHUB_REF: 'refs/pull/2/merge' }), payload('pull_request'));
    const change = collectChange(context, none);
    expect(change.description).toBe('Update the README with new information.');
    expect(change.data.pull_request).toEqual({
      number: 2,
      title: 'Update the README with new information.',
      url: 'https://github.com/Codertocat/Hello-World/pull/2',
      author: 'Codertocat',
      base: 'master',
      head: 'changes',
      merged: false,
      state: 'closed',
      head_sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    });
    expect((change.data.links as Record<string, string>).pull_request).toBe('https://github.com/Codertocat/Hello-World/pull/2');
    expect(change.data.commits).toBeUndefined();
    expect(pullRequestLookup(context)).toBeUndefined();
  });

  it('pull_request_target: the same pull request, even when a lookup found another', () => {
    const context = buildWorkflowContext(env('pull_request_target'), payload('pull_request'));
    const change = collectChange(context, none, { pullRequest: readPullRequest(mergedPullRequest()) });
    expect((change.data.pull_request as { number: number }).number).toBe(2);
  });

  it('release: the tag is the version, the name (else the tag) the description', () => {
    const release = payload('release');
    const context = buildWorkflowContext(env('release', { GITHUB_REF: 'refs/tags/0.0.1' }), release);
    const change = collectChange(context, none);
    expect(change.version).toBe('0.0.1');
    expect(change.description).toBe('0.0.1');
    expect((change.data.links as Record<string, string>).release).toBe('https://github.com/Codertocat/Hello-World/releases/tag/0.0.1');
    const named = { ...release, release: { ...(release.release as object), name: 'Winter release' } };
    expect(collectChange(buildWorkflowContext(env('release'), named), none).description).toBe('Winter release');
  });

  it('deployment: the environment, upper-cased as every derived subject, is the subject', () => {
    const change = collectChange(buildWorkflowContext(env('deployment'), payload('deployment')), none);
    expect(change.subject).toBe('PRODUCTION');
    expect(change.description).toBeUndefined();
  });

  it('description: tickets are read from it first, as from every other text', () => {
    const change = collectChange(buildWorkflowContext(env('deployment'), payload('deployment')), { ...none, description: 'Deploy for PAY-42' });
    expect(change.data.ticket).toBe('PAY-42');
  });

  it('workflow_dispatch: its inputs, links to the run and commit, nothing invented', () => {
    const change = collectChange(buildWorkflowContext(env('workflow_dispatch'), payload('workflow_dispatch')), none);
    expect(change).toEqual({
      data: {
        inputs: { name: 'Mona the Octocat' },
        links: {
          run: 'https://github.com/Codertocat/Hello-World/actions/runs/1658821493/attempts/1',
          commit: `https://github.com/Codertocat/Hello-World/commit/${MERGE_SHA}`,
        },
      },
      description: undefined,
      version: undefined,
      subject: undefined,
    });
  });

  it('survives payloads of the wrong shape', () => {
    const odd = { commits: 'many', head_commit: 7, pull_request: { number: '2', title: ['x'] }, release: null, compare: 42 };
    for (const eventName of ['push', 'pull_request', 'release', 'deployment']) {
      const change = collectChange(buildWorkflowContext(env(eventName), odd), none);
      expect(change.data.commits).toBeUndefined();
      expect(change.data.pull_request).toBeUndefined();
      expect(change.description).toBeUndefined();
    }
  });
});

describe('the pull request lookup', () => {
  it('asks only for branch pushes', () => {
    expect(pullRequestLookup(buildWorkflowContext(env('push'), payload('push-merge')))).toEqual({
      apiUrl: 'https://api.github.com',
      repository: 'Codertocat/Hello-World',
      sha: MERGE_SHA,
    });
    expect(pullRequestLookup(buildWorkflowContext(env('push', { GITHUB_REF: 'refs/tags/v1' }), payload('push')))).toBeUndefined();
    expect(pullRequestLookup(buildWorkflowContext(env('push'), { ...payload('push'), deleted: true }))).toBeUndefined();
    expect(pullRequestLookup(buildWorkflowContext(env('release'), payload('release')))).toBeUndefined();
    expect(pullRequestLookup(buildWorkflowContext(env('push', { GITHUB_SHA: '' }), payload('push')))).toBeUndefined();
  });

  it('chooses the pull request whose merge made the commit, else a merged one, never an open or unmerged one', () => {
    const open = mergedPullRequest({ number: 60, state: 'open', merged: false, merged_at: null, merge_commit_sha: 'a'.repeat(40) });
    // An open pull request's merge_commit_sha is GitHub's test merge: it can even be this very commit.
    const openTestMerge = mergedPullRequest({ number: 61, state: 'open', merged: false, merged_at: null, merge_commit_sha: MERGE_SHA });
    const closedUnmerged = mergedPullRequest({ number: 62, state: 'closed', merged: false, merged_at: null });
    const mergedElsewhere = mergedPullRequest({ number: 59, merge_commit_sha: 'b'.repeat(40) });
    const theOne = mergedPullRequest();
    expect(choosePullRequest([open, mergedElsewhere, theOne], MERGE_SHA)?.number).toBe(57);
    expect(choosePullRequest([open, mergedElsewhere], MERGE_SHA)?.number).toBe(59);
    expect(choosePullRequest([open], MERGE_SHA)).toBeUndefined();
    expect(choosePullRequest([openTestMerge, closedUnmerged], MERGE_SHA)).toBeUndefined();
    expect(choosePullRequest([], MERGE_SHA)).toBeUndefined();
    expect(choosePullRequest({ message: 'Not Found' }, MERGE_SHA)).toBeUndefined();
    expect(choosePullRequest([null, 'x', { number: 'y' }], MERGE_SHA)).toBeUndefined();
  });
});

function rawInputs(given: Partial<Record<InputName, string>>): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, given[name] ?? ''])) as RawInputs;
}

function settingsWith(given: Partial<Record<InputName, string>> = {}): Promise<Settings> {
  return parseSettings(rawInputs({ 'api-key': 'ot_unit_key', ...given }), {});
}

describe('the 10 KB budget', () => {
  const bigPush = buildWorkflowContext(env('push'), pushOfCommits(1000));
  const hugeBody = readPullRequest(mergedPullRequest({ body: (pullRequestWithBody(1024 * 1024).pull_request as { body: string }).body }));

  it('a 1,000-commit push with a 1 MB pull request body fits, with the commits kept', async () => {
    const change = collectChange(bigPush, none, { pullRequest: hugeBody });
    expect((change.data.tickets as string[]).length).toBe(MAX_TICKETS);
    const { event, warnings } = buildEvent({ settings: await settingsWith(), context: bigPush, change, id: 'e-1', now: new Date() });
    expect(payloadBytes(event)).toBeLessThanOrEqual(LIMITS.payloadBytes);
    expect(warnings).toEqual([]);
    expect(event.data.commits).toMatchObject({ count: 1000 });
    expect(event.data.ticket).toBe('JIRA-1234');
  });

  /** Bytes of the event built from `given` inputs with the 1,000-commit push and the 1 MB body. */
  async function eventBytes(given: Partial<Record<InputName, string>>, rollbackOf?: string): Promise<number> {
    const settings = await settingsWith({ ...given, 'include-context': 'false' });
    const { event } = buildEvent({ settings, context: bigPush, change: collectChange(bigPush, { ...none, rollbackOf }), id: 'e-1', now: new Date() });
    return payloadBytes(event);
  }

  it('drops automatic context in TRIM_ORDER, says which, and keeps every user key', async () => {
    const change = collectChange(bigPush, none, { pullRequest: hugeBody });
    const full = buildEvent({ settings: await settingsWith(), context: bigPush, change, id: 'e-1', now: new Date() }).event;
    // User data sized so that dropping the commit list is not enough but dropping the tickets too is.
    const notes = 'n'.repeat(LIMITS.payloadBytes - payloadBytes(full) + JSON.stringify(full.data.commits).length + 100);
    const settings = await settingsWith({ data: JSON.stringify({ notes, ticket: 'USER-1' }), description: 'Hand-written description' });
    const { event, warnings } = buildEvent({ settings, context: bigPush, change, id: 'e-1', now: new Date() });
    expect(payloadBytes(event)).toBeLessThanOrEqual(LIMITS.payloadBytes);
    expect(event.data).toMatchObject({ notes, ticket: 'USER-1', description: 'Hand-written description' });
    expect(warnings).toEqual([`The event was over the ${LIMITS.payloadBytes}-byte limit, so this context was left out: commits, tickets.`]);
    expect(event.data.pull_request).toBeDefined();
  });

  it('drops even the workflow facts before failing, but never what the user gave', async () => {
    const change = collectChange(bigPush, { ...none, rollbackOf: 'evt-9' }, { pullRequest: hugeBody });
    // Exactly the room left beside what the user gave and the commit and deployer: every other automatic key has to go.
    const given = { version: '1.4.2', 'rollback-of': 'evt-9' };
    const kept = JSON.stringify({ commit: bigPush.sha, deployer: bigPush.actor }).length - 1;
    const notes = 'n'.repeat(LIMITS.payloadBytes - (await eventBytes({ ...given, data: '{"notes": ""}' }, 'evt-9')) - kept);
    const settings = await settingsWith({ ...given, data: JSON.stringify({ notes }) });
    const { event, warnings } = buildEvent({ settings, context: bigPush, change, id: 'e-1', now: new Date() });
    expect(payloadBytes(event)).toBe(LIMITS.payloadBytes);
    // What was deployed and by whom stays with the user's keys.
    expect(Object.keys(event.data).sort()).toEqual(['commit', 'deployer', 'notes', 'rollback_of']);
    const full = buildEvent({ settings: await settingsWith(), context: bigPush, change, id: 'e-1', now: new Date() }).event;
    const automatic = TRIM_ORDER.filter((key) => key in full.data);
    expect(automatic).toEqual(expect.arrayContaining(['commits', 'description', 'repository', 'run_url', 'ticket']));
    expect(warnings[0]).toContain(`left out: ${automatic.join(', ')}.`);
  });

  it('context the action keeps, too large by itself, is named instead of the user\'s "data"', async () => {
    const settings = await settingsWith({ data: '{}' });
    const change = { data: { rollback_of: `v${'1'.repeat(12_000)}` }, description: undefined, version: undefined, subject: undefined };
    expect(() => buildEvent({ settings, context: bigPush, change, id: 'e-1', now: new Date() })).toThrow(
      /because of context the action never leaves out: rollback_of is 12003 bytes, taken from the run or the GitHub API\. Set include-context: false/,
    );
  });

  it('user input alone over the limit is a configuration error that says so', async () => {
    const change = collectChange(bigPush, none, { pullRequest: hugeBody });
    const data = JSON.stringify({ notes: 'n'.repeat(10_300) });
    const settings = await settingsWith({ data, description: 'Mine' });
    const build = () => buildEvent({ settings, context: bigPush, change, id: 'e-1', now: new Date() });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(
      `even with the automatic context left out: what you gave is too large ("data" is ${Buffer.byteLength(data)} bytes as JSON, "description" is 4 bytes). Shorten "data" or "description" to fit.`,
    );
  });

  it('include-context false sends none of it', async () => {
    const change = collectChange(bigPush, { ...none, rollbackOf: 'evt-9' }, { pullRequest: hugeBody });
    const settings = await settingsWith({ 'include-context': 'false', 'rollback-of': 'evt-9' });
    const { event } = buildEvent({ settings, context: bigPush, change, id: 'e-1', now: new Date() });
    expect(event.data).toEqual({ rollback_of: 'evt-9' });
  });
});

describe('docs/event-data.md', () => {
  it('lists the trim order as the code has it', () => {
    const doc = readFileSync(join(ROOT, 'docs/event-data.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## When the context does not fit'), doc.indexOf('Never left out'));
    // Each numbered line names its keys in backticks; what stands in parentheses is an aside.
    const listed = [...section.matchAll(/^\d+\. (.*)$/gm)].flatMap(([, line]) => [...line!.replace(/\([^)]*\)/g, '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
    expect(listed).toEqual([...TRIM_ORDER]);
  });
});
