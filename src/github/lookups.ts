// The GitHub lookups of the main step: the pull request behind this commit, the previous deploy to the
// same environment, and what shipped between the two. This module decides what to ask, in what order
// and what at the same time; the rules live in previous-deploy.ts and shipped.ts, the HTTP in
// client.ts.
//
// The budget: one deadline (lookup-timeout) and at most MAX_REQUESTS requests for all of them.
// Independent questions go out together, so a step waits at most three round trips: (1) the pull
// request, the deployments, the tags and releases; (2) the statuses of the newest deployments; (3) the
// compare, both ways at once. Only a range longer than one compare page (100 commits) asks a fourth
// time, for its newest commits. A lookup that fails is left out and named in one notice line; it never
// fails the step.
import { choosePullRequest, type PullRequest } from '../context/pull-request.js';
import type { ShippedFacts } from './shipped.js';
import type { WorkflowContext } from '../context/workflow-context.js';
import { createGitHubClient, LookupError, type GitHubClient, type LookupFailure } from './client.js';
import { oneLine, quote } from '../common/log-text.js';
import {
  deploymentCandidates,
  previousFromDeployments,
  previousFromInput,
  previousFromPush,
  previousFromTags,
  type Repository,
} from './previous-deploy.js';
import type { Settings } from '../inputs/settings.js';
import { COMPARE_PAGE, MAX_LISTED, previousData, readCommitList, readComparison, shippedData, shippedFrom, type Shipped } from './shipped.js';

/** What the GitHub lookups found (lookups.ts); each part is absent when not looked up or not found. */
export interface FoundChange {
  /** The pull request that brought this commit in. */
  pullRequest?: PullRequest | undefined;
  /** What shipped since the previous deploy: its `data` keys win over the payload's commits and compare URL. */
  shipped?: ShippedFacts | undefined;
}

/** What the REST API is asked about: which pull request brought `sha` into `repository`. */
export interface LookupTarget {
  /** REST API base: `https://api.github.com` or `{ghes}/api/v3` (GITHUB_API_URL). */
  apiUrl: string;
  /** `owner/repo`. */
  repository: string;
  sha: string;
}

/**
 * What to look up through the API, when a lookup can add anything: only for push runs of a branch (a
 * deploy on merge), also when watched by an observer. Pull request runs carry theirs in the payload; tag
 * pushes and deletions have none.
 */
export function pullRequestLookup(context: WorkflowContext): LookupTarget | undefined {
  const { repository, sha } = context;
  if (context.runEvent !== 'push' || !repository || !sha) return undefined;
  const { trigger } = context;
  if ((trigger.kind === 'push' && trigger.deleted) || !context.ref?.startsWith('refs/heads/')) return undefined;
  return { apiUrl: context.apiUrl, repository, sha };
}

/** Requests all lookups of one step may send together. */
export const MAX_REQUESTS = 8;
/** Deployments whose statuses are asked for at once: this run's own and a failed one or two are usually among the newest. */
export const DEPLOYMENT_CANDIDATES = 3;

/** What there is to ask GitHub about this run. */
export interface LookupPlan {
  apiUrl: string;
  /** The github-token input. */
  token: string;
  /** lookup-timeout: the deadline all requests share. */
  timeoutMs: number;
  serverUrl: string;
  repository: string;
  /** The commit the event is about. */
  head: string;
  runId: string | undefined;
  /** The commit whose pull request to look up (push runs of a branch). */
  pullRequestSha: string | undefined;
  /** The `since` input. */
  since: string | undefined;
  /** The GitHub environment whose deployments to read. */
  environment: string | undefined;
  /** The tag this run is for (tag and release runs). */
  tag: string | undefined;
  /** A push run's `before` commit. */
  pushBefore: string | undefined;
}

/**
 * What to ask, or undefined when nothing is to be asked: no token, include-context: false, a run outside
 * a repository, or nothing a lookup could add. Then the API client is never loaded.
 */
export function planLookups(context: WorkflowContext, settings: Settings): LookupPlan | undefined {
  const { repository, sha: head } = context;
  if (!settings.includeContext || !settings.githubToken || !repository || !head) return undefined;
  const { trigger } = context;
  const plan: LookupPlan = {
    apiUrl: context.apiUrl,
    token: settings.githubToken,
    timeoutMs: settings.lookupTimeoutMs,
    serverUrl: context.serverUrl,
    repository,
    head,
    runId: context.runId,
    pullRequestSha: pullRequestLookup(context)?.sha,
    since: settings.since,
    // The environment input, else the subject, else the environment of a deployment run.
    environment: settings.environment ?? settings.subject ?? (trigger.kind === 'deployment' ? trigger.deployment.environment : undefined),
    tag: context.refType === 'tag' ? context.refName : trigger.kind === 'release' ? trigger.tagName : undefined,
    pushBefore: (trigger.kind === 'push' || trigger.kind === 'tag-push') && !trigger.deleted ? trigger.before : undefined,
  };
  const anything = plan.pullRequestSha || plan.since || plan.environment || plan.tag || plan.pushBefore;
  return anything ? plan : undefined;
}

/** The parts a lookup can leave out, each with the permission that grants it. */
const PARTS = {
  'pull-request': { what: 'the pull request of this commit', permission: 'pull-requests: read' },
  deployments: { what: 'the previous deployment', permission: 'deployments: read' },
  tags: { what: 'the previous tag', permission: 'contents: read' },
  compare: { what: 'what shipped since the previous deploy', permission: 'contents: read' },
  commits: { what: 'the newest commits of the range', permission: 'contents: read' },
} as const;
type Part = keyof typeof PARTS;

export interface LookupOutcome {
  /** For collectChange. */
  found: FoundChange;
  /** What shipped, when the compare answered: says whether this deploy is a rollback. */
  shipped: Shipped | undefined;
  /** One line naming what the event lacks and how to get it; undefined when it lacks nothing. */
  notice: string | undefined;
  /** Lookups refused or failed whose question was answered another way: the event lost nothing. */
  debug?: string | undefined;
  /** The permissions the notice asks for, sorted: what makes two steps' notices the same advice. */
  grant?: readonly string[] | undefined;
  requestCount: number;
}

export interface LookupOptions {
  /** The event's time, for the lead time. */
  eventTime: Date;
}

export async function runLookups(plan: LookupPlan, options: LookupOptions): Promise<LookupOutcome> {
  const failures = new Map<Part, LookupError>();
  const seconds = plan.timeoutMs / 1000;
  let client: GitHubClient;
  try {
    client = await createGitHubClient({
      apiUrl: plan.apiUrl,
      token: plan.token,
      repository: plan.repository,
      signal: AbortSignal.timeout(plan.timeoutMs),
      maxRequests: MAX_REQUESTS,
      deadlineSeconds: seconds,
    });
  } catch (error) {
    const notice = `The GitHub lookups were skipped: the API client could not be loaded (${oneLine((error as Error).message)}). The event lacks the pull request and what shipped since the previous deploy.`;
    return { found: {}, shipped: undefined, notice, requestCount: 0 };
  }
  const ask = async (part: Part, route: string, params: Record<string, string | number> = {}): Promise<unknown> => {
    try {
      return await client.get(route, params);
    } catch (error) {
      if (!failures.has(part)) failures.set(part, error instanceof LookupError ? error : new LookupError('unavailable', oneLine(String(error))));
      return undefined;
    }
  };
  const repo: Repository = { serverUrl: plan.serverUrl, repository: plan.repository };

  // Round 1: everything that depends on nothing else.
  const pulls = plan.pullRequestSha ? ask('pull-request', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', { commit_sha: plan.pullRequestSha }) : undefined;
  let previous = plan.since ? previousFromInput(plan.since, repo) : undefined;
  if (!previous) {
    const deployments = plan.environment ? ask('deployments', '/repos/{owner}/{repo}/deployments', { environment: plan.environment, per_page: 30 }) : undefined;
    const tags = plan.tag
      ? Promise.all([ask('tags', '/repos/{owner}/{repo}/tags', { per_page: 100 }), ask('tags', '/repos/{owner}/{repo}/releases', { per_page: 100 })])
      : undefined;
    if (deployments && plan.environment) {
      // Round 2: the statuses of the newest deployments to the environment, at once.
      const candidates = deploymentCandidates(await deployments, plan.environment, plan.head, DEPLOYMENT_CANDIDATES);
      const statuses = new Map<number, unknown>();
      await Promise.all(
        candidates.map(async (candidate) => {
          const answer = await ask('deployments', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { deployment_id: candidate.id, per_page: 30 });
          if (answer !== undefined) statuses.set(candidate.id, answer);
        }),
      );
      previous = previousFromDeployments(candidates, statuses, plan.runId, repo);
    }
    if (!previous && tags && plan.tag) {
      const [tagList, releases] = await tags;
      previous = previousFromTags(plan.tag, tagList, releases, repo);
    }
    previous ??= previousFromPush(plan.pushBefore, repo);
  }

  // Round 3: the compare, both ways at once (the other way lists what a rollback takes out).
  let shipped: Shipped | undefined;
  if (previous) {
    const compare = (base: string, head: string) => ask('compare', '/repos/{owner}/{repo}/compare/{basehead}', { basehead: `${base}...${head}`, per_page: COMPARE_PAGE });
    const [forwardAnswer, reverseAnswer] = await Promise.all([compare(previous.ref, plan.head), compare(plan.head, previous.ref)]);
    const forward = readComparison(forwardAnswer);
    if (forwardAnswer !== undefined && !forward) failures.set('compare', new LookupError('unavailable', 'the answer is not a comparison'));
    if (forward) {
      const longer = forward.status !== 'behind' && forward.total > forward.commits.length;
      const newest = longer ? readCommitList(await ask('commits', '/repos/{owner}/{repo}/commits', { sha: plan.head, per_page: MAX_LISTED })) : undefined;
      shipped = shippedFrom(previous, forward, readComparison(reverseAnswer), newest?.length ? newest : undefined);
    }
  }

  const pullRequest = plan.pullRequestSha ? choosePullRequest(await pulls, plan.pullRequestSha) : undefined;
  const facts = shipped
    ? { ...shippedData(shipped, { ...repo, eventTime: options.eventTime }), rollbackOf: shipped.rollback ? shipped.previous.version : undefined }
    : previous
      ? { data: previousData(previous), ticketTexts: [], rollbackOf: undefined }
      : undefined;
  return {
    found: { pullRequest, shipped: facts },
    shipped,
    ...noticeLine(failures, plan, seconds, { previousFoundBy: previous?.foundBy, pullRequest: pullRequest !== undefined }),
    requestCount: client.requestCount,
  };
}

/** What the event lacks when a part is refused, and nothing else gave it. */
const LACKS: Record<Part, string> = {
  'pull-request': 'the pull request of this commit',
  deployments: 'the previous deploy, and what shipped since it (commits, pull requests, tickets, lead time)',
  tags: 'the previous deploy, and what shipped since it (commits, pull requests, tickets, lead time)',
  compare: 'what shipped since the previous deploy (commits, pull requests, tickets, lead time)',
  commits: 'the newest commits of a range longer than one page (the count and the lead time are exact)',
};

/**
 * What the failures cost the event. A part whose question another part answered (no deployments read,
 * but the previous deploy found by its tag) cost nothing: a debug line. Otherwise one notice line names
 * exactly what the event lacks, why, and the permission (or other fix) that adds it.
 */
export function noticeLine(
  failures: ReadonlyMap<Part, LookupError>,
  plan: { environment?: string | undefined; since?: string | undefined },
  seconds: number,
  found: { previousFoundBy: string | undefined; pullRequest: boolean },
): { notice: string | undefined; debug: string | undefined; grant: readonly string[] | undefined } {
  // The push's `before` is only the last push, maybe not the last deploy: a weaker answer, so still a notice.
  const answered = found.previousFoundBy !== undefined && found.previousFoundBy !== 'push';
  const costly = [...failures].filter(([part]) => !((part === 'deployments' || part === 'tags') && answered) && !(part === 'pull-request' && found.pullRequest));
  const harmless = [...failures].filter(([part]) => !costly.some(([c]) => c === part));
  const debug = harmless.length
    ? `GitHub lookups: ${harmless.map(([part, error]) => `${PARTS[part].what} (${oneLine(error.message, 120)})`).join(', ')} could not be read; the event lacks nothing for it.`
    : undefined;
  if (costly.length === 0) return { notice: undefined, debug, grant: undefined };
  const lacks = new Set<string>();
  const reasons: string[] = [];
  const permissions = new Set<string>();
  const fixes = new Set<string>();
  for (const [part, error] of costly) {
    const fromPush = (part === 'deployments' || part === 'tags') && found.previousFoundBy === 'push';
    lacks.add(fromPush ? `the previous ${part === 'tags' ? 'tag' : 'deployment'} (what shipped is counted from the push's previous commit instead)` : LACKS[part]);
    const what = part === 'deployments' && plan.environment ? `the deployments to ${oneLine(plan.environment, 60)}` : PARTS[part].what;
    reasons.push(`${what}: ${oneLine(error.message, 120)}`);
    if (error.failure === 'forbidden') permissions.add(PARTS[part].permission);
    // A compare from a `since` GitHub does not know is most often a typo in the input.
    else if (part === 'compare' && plan.since && error.failure === 'not-found') fixes.add(`check that input "since" ${quote(plan.since)} names a commit, tag or branch of this repository`);
    else fixes.add(fix(error.failure, PARTS[part].permission, seconds));
  }
  // Without the previous deploy there is nothing to compare: one clause says both.
  if (lacks.has(LACKS.deployments)) lacks.delete(LACKS.compare);
  // Permissions first, in one list a user can paste under `permissions:`.
  const grant = [...permissions].sort();
  const todo = [...(grant.length > 0 ? [`grant the job permissions: ${grant.join(', ')}`] : []), ...fixes];
  return {
    notice: `The event lacks ${[...lacks].join('; and ')}: GitHub did not give ${reasons.join(', ')}. To add it: ${todo.join('; ')}.`,
    debug,
    grant: grant.length > 0 ? grant : undefined,
  };
}

function fix(failure: Exclude<LookupFailure, 'forbidden'>, permission: string, seconds: number): string {
  switch (failure) {
    case 'not-found':
      return `grant permissions: ${permission} if the repository is private (on GitHub Enterprise Server, an older version may lack the endpoint)`;
    case 'rate-limited':
      return 'the token hit its GitHub API rate limit; runs after the reset get it again';
    case 'timeout':
      return `raise lookup-timeout (now ${seconds} s) if GitHub is slow from this runner`;
    case 'over-budget':
      return `nothing: the ${MAX_REQUESTS}-request budget of a step was used up`;
    case 'unavailable':
      return 'none needed if GitHub was briefly unavailable; check GITHUB_API_URL and the proxy settings otherwise';
  }
}
