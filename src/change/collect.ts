// The change behind the event: pull request, tickets, commits, rollbacks, and what each trigger adds: a
// watched run's head commit and pull request, a deployment and its status, the inputs of a dispatch.
// collectChange is pure: the workflow context (its Trigger, read from the payload in context/) and what
// the GitHub lookups found (lookups.ts: the pull request, what shipped since the previous deploy) in,
// facts for `data` out.
import { runUrl, type WorkflowContext } from '../context/workflow-context.js';
import { deploymentFacts } from '../context/deployment-status.js';
import { compact, text } from '../common/json.js';
import { shorten } from '../common/log-text.js';
import { observedPullRequest } from '../context/observed-run.js';
import type { PushedCommit } from '../context/trigger.js';
import { extractTickets } from './tickets.js';
import { firstLine, MAX_LINE, MAX_LISTED } from '../common/subject-line.js';
import type { FoundChange } from '../github/lookups.js';

export interface ChangeFacts {
  /** Keys for `data`, in the order they should appear. */
  data: Record<string, unknown>;
  /** A description derived from the change, used when the user gave none. */
  description: string | undefined;
  /** A version derived from the run (release tag), used when the user gave none. */
  version: string | undefined;
  /** An environment derived from the run (deployment environment), used when the user gave none. */
  subject: string | undefined;
}

export interface ChangeOptions {
  rollbackOf: string | undefined;
  /**
   * The tickets of ticketTexts(), found by the caller: a user's ticket-pattern must run under a time limit
   * (ticket-pattern.ts), which is asynchronous. Absent: the built-in patterns find them here.
   */
  tickets?: readonly string[] | undefined;
  /** The `description` input: read for tickets first, as every other text of the change. */
  description?: string | undefined;
}

type DescriptionSources = Record<'release' | 'pullRequest' | 'deployment' | 'dispatch' | 'commit', string | undefined>;

/**
 * The `description` default: where a derived description comes from, the first found winning. The one
 * list: the code reads its order, and action.yml, README.md, docs/inputs.md and docs/event-data.md show
 * DESCRIPTION_DEFAULT as written here (test/unit/description-default.test.ts).
 */
export const DESCRIPTION_DEFAULT_ORDER: ReadonlyArray<readonly [keyof DescriptionSources, string]> = [
  ['release', "a release run's release name (else its tag)"],
  ['pullRequest', "the pull request's title"],
  ['deployment', "a deployment's description"],
  ['dispatch', "a dispatch's description, reason or message input"],
  ['commit', "the head commit's first line (for GitHub's merge commits, the pull request title below it)"],
];

/** DESCRIPTION_DEFAULT_ORDER as the docs write it. */
export const DESCRIPTION_DEFAULT = `${DESCRIPTION_DEFAULT_ORDER.slice(0, -1)
  .map(([, words]) => words)
  .join(', ')}, else ${DESCRIPTION_DEFAULT_ORDER.at(-1)![1]}`;

const MERGE_COMMIT_SUBJECT = /^Merge pull request #\d+ from \S+$/;

/**
 * What the head commit says it did: its first line, except for GitHub's merge commits, whose first line
 * (`Merge pull request #57 from acme/branch`) says less than the pull request title GitHub puts below it.
 */
function commitDescription(message: string | undefined): string | undefined {
  const subject = firstLine(message);
  if (message === undefined || subject === undefined || !MERGE_COMMIT_SUBJECT.test(subject)) return subject;
  return firstLine(message.slice(message.search(/[\r\n]/)).trimStart()) ?? subject;
}

const REVERTS = /This reverts commit ([0-9a-f]{7,40})(?![0-9a-f])/;

/** The SHA named by `git revert`'s message in the head commit, else in the newest pushed commit that has one. */
function revertedSha(head: PushedCommit | undefined, commits: readonly PushedCommit[]): string | undefined {
  for (const commit of [head, ...[...commits].reverse()]) {
    const match = commit?.message === undefined ? null : REVERTS.exec(commit.message);
    if (match) return match[1];
  }
  return undefined;
}

/** The parts of the trigger and of what the lookups found that the change is read from. */
function changeSources(context: WorkflowContext, found: FoundChange) {
  const { trigger } = context;
  const push = trigger.kind === 'push' || trigger.kind === 'tag-push' ? trigger : undefined;
  const observed = trigger.kind === 'observed-run' ? trigger : undefined;
  const pullRequest =
    trigger.kind === 'pull-request'
      ? trigger.pullRequest
      : ((observed && observedPullRequest(observed.run, context.serverUrl, context.repository)) ?? found.pullRequest);
  const deployment = trigger.kind === 'deployment' ? trigger.deployment : undefined;
  return {
    isPullRequestRun: trigger.kind === 'pull-request',
    pullRequest,
    release: trigger.kind === 'release' ? trigger : undefined,
    deployment,
    deployed: deployment && deploymentFacts(deployment),
    dispatch: trigger.kind === 'dispatch' ? trigger.inputs : undefined,
    commits: push?.commits ?? [],
    head: observed ? observed.headCommit : push?.headCommit,
    compareUrl: push?.compareUrl,
    pushedBranch: context.runEvent === 'push' && context.ref?.startsWith('refs/heads/') ? context.ref.slice('refs/heads/'.length) : undefined,
  };
}

/**
 * The texts tickets are read from, in the order they are listed: the pull request's title, branch and
 * body, a deployment's or dispatch's own words, the pushed branch, the commit messages, and what shipped;
 * the `description` input before all of them.
 */
export function ticketTexts(context: WorkflowContext, found: FoundChange = {}, description?: string): Array<string | undefined> {
  const { pullRequest, deployed, dispatch, pushedBranch, commits, head } = changeSources(context, found);
  return [
    description,
    pullRequest?.title,
    pullRequest?.head,
    pullRequest?.body,
    ...(deployed?.ticketTexts ?? []),
    ...(dispatch?.ticketTexts ?? []),
    pushedBranch,
    // Scoped to input "paths", what shipped names this service's commits; the push holds every service's.
    ...(found.shipped?.scoped ? [] : (commits.length > 0 ? commits : [head]).map((commit) => commit?.message)),
    ...(found.shipped?.ticketTexts ?? []),
  ];
}

export function collectChange(context: WorkflowContext, options: ChangeOptions, found: FoundChange = {}): ChangeFacts {
  const { isPullRequestRun, pullRequest, release, deployment, deployed, dispatch, commits, head, compareUrl: pushCompareUrl } = changeSources(context, found);
  const shipped = found.shipped?.data ?? {};
  const tickets = options.tickets ?? extractTickets(ticketTexts(context, found, options.description), { repository: context.repository });
  const compareUrl = text(shipped.compare_url) ?? pushCompareUrl;
  const sha = context.sha ?? head?.sha;
  const listed = commits.slice(-MAX_LISTED).reverse();

  const data = compact({
    rollback_of: options.rollbackOf ?? found.shipped?.rollbackOf,
    reverts: revertedSha(head, commits),
    ticket: tickets[0],
    tickets: tickets.length > 0 ? tickets : undefined,
    pull_request: pullRequest
      ? compact({
          number: pullRequest.number,
          title: pullRequest.title,
          url: pullRequest.url,
          author: pullRequest.author,
          base: pullRequest.base && shorten(pullRequest.base, MAX_LINE),
          head: pullRequest.head && shorten(pullRequest.head, MAX_LINE),
          // A pull request run is about the pull request itself: whether it is merged, and what it tested.
          ...(isPullRequestRun ? { merged: pullRequest.merged, state: pullRequest.state, head_sha: pullRequest.headSha } : {}),
        })
      : undefined,
    previous: shipped.previous,
    commits:
      shipped.commits ??
      (commits.length > 0
        ? {
            count: commits.length,
            list: listed.map((commit) => compact({ sha: commit.sha, message: firstLine(commit.message), author: commit.author }) ?? {}),
          }
        : undefined),
    pull_requests: shipped.pull_requests,
    authors: shipped.authors,
    first_commit_at: shipped.first_commit_at,
    lead_time_seconds: shipped.lead_time_seconds,
    removed: shipped.removed,
    reverted: shipped.reverted,
    paths: shipped.paths,
    restores: shipped.restores,
    compare_url: compareUrl,
    inputs: dispatch?.inputs,
    deployment: deployed?.data,
    links: compact({
      run: runUrl(context),
      commit: context.repository && sha ? `${context.serverUrl}/${context.repository}/commit/${sha}` : undefined,
      pull_request: pullRequest?.url,
      compare: compareUrl,
      release: release?.url,
      environment: deployed?.links.environment,
      deployment: deployed?.links.deployment,
    }),
  });

  const describing: DescriptionSources = {
    release: firstLine(release?.name ?? release?.tagName),
    pullRequest: pullRequest?.title,
    deployment: firstLine(deployed?.description),
    dispatch: firstLine(dispatch?.description),
    commit: commitDescription(head?.message),
  };
  return {
    data: data ?? {},
    description: DESCRIPTION_DEFAULT_ORDER.map(([source]) => describing[source]).find((value) => value !== undefined),
    version: release?.tagName,
    // One rule for subjects: derived ones are upper case, as the quick start's PRODUCTION (OpsTrails
    // matches by the exact string); a `subject` the user gives is kept as written (cloud-event.ts).
    subject: deployment?.environment?.toUpperCase(),
  };
}
