// The GitHub lookups of the main step: the pull request behind this commit, the previous deploy to the
// same environment, and what shipped between the two. This module decides what to ask, in what order
// and what at the same time; previous-lookup.ts asks for the previous deploy, the rules live in
// deployments.ts, tag-line.ts, previous-deploy.ts and shipped.ts, the HTTP in client.ts.
//
// The budget: one deadline (lookup-timeout) and at most MAX_REQUESTS requests for all of them.
// Independent questions go out together, so a step waits at most three round trips: (1) the pull
// request, the deployments with their latest statuses, this workflow's runs, the tag line and releases,
// the `commit` input's SHA, whether a watched run's version-shaped head_branch is a tag on its commit;
// (2) only for a tag prefix GitHub pages, its other pages; (3) the compare's first page, both ways at once.
// Only a range longer than one compare page (100 commits) asks a fourth time, for all its other pages at
// once (range-lookups.ts). A lookup that fails is left out and named in one notice line; it never fails
// the step. A partial answer or a fallback is one note line each.
import { choosePullRequest, type PullRequest } from '../context/pull-request.js';
import type { ShippedFacts } from './shipped.js';
import { possibleTag, type WorkflowContext } from '../context/workflow-context.js';
import { record, text } from '../common/json.js';
import { createGitHubClient, LookupError, type GitHubClient, type LookupFailure } from './client.js';
import { oneLine, quote } from '../common/log-text.js';
import { previousFromInput, type Repository } from './previous-deploy.js';
import { findPrevious, type Asker, type Restores } from './previous-lookup.js';
import type { Settings } from '../inputs/settings.js';
import { previousData, shippedData, type Shipped } from './shipped.js';
import { lookUpRange, RANGE_PAGE_REQUESTS } from './range-lookups.js';

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

/**
 * Requests all lookups of one step may send together: the previous deploy's (deployments, runs, up to ten
 * pages of each tag prefix), then the later pages of a long range on top.
 */
export const MAX_REQUESTS = 40 + RANGE_PAGE_REQUESTS;

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
  /** The tag this run is for (tag and release runs), or the name that may be one (`possibleTag`). */
  tag: string | undefined;
  /** A watched run's version-shaped head_branch: whether it is a tag on `head` is asked in round 1. */
  possibleTag: string | undefined;
  /** A push run's `before` commit. */
  pushBefore: string | undefined;
  /** The `paths` input: what shipped counts only commits touching them. */
  paths: readonly string[] | undefined;
  /** The `commit` input when it is a tag or branch name: resolved to its SHA first. */
  commitName: string | undefined;
  /** The workflow file whose runs make this service's deployments; undefined where another system makes them. */
  workflowFile: string | undefined;
  /** This event records a deploy that succeeded: a failed previous deploy is then restored by it. */
  succeeds: boolean;
}

/**
 * What to ask, or undefined when nothing is to be asked: no token, include-context: false, a run outside
 * a repository, or nothing a lookup could add. Then the API client is never loaded.
 */
export function planLookups(context: WorkflowContext, settings: Settings, env: Readonly<Record<string, string | undefined>> = process.env): LookupPlan | undefined {
  const { repository } = context;
  const commitName = context.sha ? undefined : settings.commit;
  const head = context.sha ?? commitName;
  if (!settings.includeContext || !settings.githubToken || !repository || !head) return undefined;
  const { trigger } = context;
  const given = settings.commit !== undefined;
  const maybeTag = possibleTag(context);
  const plan: LookupPlan = {
    apiUrl: context.apiUrl,
    token: settings.githubToken,
    timeoutMs: settings.lookupTimeoutMs,
    serverUrl: context.serverUrl,
    repository,
    head,
    // In observer mode the deploy is the watched run's: its own deployment is not its previous one.
    runId: trigger.kind === 'observed-run' ? trigger.run.id : context.runId,
    pullRequestSha: given ? undefined : pullRequestLookup(context)?.sha,
    since: settings.since,
    // The environment input, else the subject, else the environment of a deployment run.
    environment: settings.environment ?? settings.subject ?? (trigger.kind === 'deployment' ? trigger.deployment.environment : undefined),
    tag: context.refType === 'tag' ? context.refName : trigger.kind === 'release' && !given ? trigger.tagName : maybeTag,
    possibleTag: maybeTag,
    pushBefore: !given && (trigger.kind === 'push' || trigger.kind === 'tag-push') && !trigger.deleted ? trigger.before : undefined,
    commitName,
    workflowFile: deployingWorkflow(context, env),
    succeeds: deploySucceeds(context, settings),
    paths: settings.paths,
  };
  const anything = plan.pullRequestSha || plan.since || plan.environment || plan.tag || plan.pushBefore || plan.possibleTag;
  return anything ? plan : undefined;
}

/**
 * The workflow file whose runs make this service's deployments: this run's own (GITHUB_WORKFLOW_REF), the
 * watched run's in observer mode; none for a deployment_status, whose deployments another system made.
 */
export function deployingWorkflow(context: WorkflowContext, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const { trigger } = context;
  if (trigger.kind === 'deployment') return undefined;
  const path = trigger.kind === 'observed-run' ? trigger.run.workflowPath : env.GITHUB_WORKFLOW_REF?.replace(/@.*$/, '');
  return path?.slice(0, 1000).match(/\.github\/workflows\/([^/@]{1,200}\.ya?ml)/)?.[1];
}

/** Whether the event records a finished, successful deploy (not a start, a failure or a tracked job's start). */
function deploySucceeds(context: WorkflowContext, settings: Settings): boolean {
  const { trigger } = context;
  if (settings.trackJob) return false;
  if (trigger.kind === 'deployment' && trigger.deployment.status) return trigger.deployment.status.state === 'success';
  if (trigger.kind === 'observed-run') return trigger.run.conclusion === 'success';
  return true;
}

/** The parts a lookup can leave out, each with the permission that grants it. */
const PARTS = {
  'pull-request': { what: 'the pull request of this commit', permission: 'pull-requests: read' },
  deployments: { what: 'the previous deployment', permission: 'deployments: read' },
  tags: { what: 'the previous tag', permission: 'contents: read' },
  compare: { what: 'what shipped since the previous deploy', permission: 'contents: read' },
  pages: { what: 'some pages of a long range (the event names what the pages read hold)', permission: 'contents: read' },
  commits: { what: 'the commits touching input "paths"', permission: 'contents: read' },
  commit: { what: 'the commit of input "commit"', permission: 'contents: read' },
  tag: { what: 'whether the watched run\'s head_branch is a tag', permission: 'contents: read' },
} as const;
type Part = keyof typeof PARTS;

export interface LookupOutcome {
  /** For collectChange. */
  found: FoundChange;
  /** The SHA the `commit` input's tag or branch name resolved to. */
  commit: string | undefined;
  /** The plan's `possibleTag`, once GitHub showed it is a tag on the event's commit. */
  tag: string | undefined;
  /** `data.restores`: the failure of this service's previous deploy that this one ends. */
  restores: Restores | undefined;
  /** What shipped, when the compare answered: says whether this deploy is a rollback. */
  shipped: Shipped | undefined;
  /** One line naming what the event lacks and how to get it; undefined when it lacks nothing. */
  notice: string | undefined;
  /** Lookups refused or failed whose question was answered another way: the event lost nothing. */
  debug?: string | undefined;
  /** The permissions the notice asks for, sorted: what makes two steps' notices the same advice. */
  grant?: readonly string[] | undefined;
  /**
   * Info lines, each saying what the event holds and why: which previous deploy was taken and why, each
   * fallback, each partial answer (a range read in part, `paths` applied roughly or not at all).
   */
  notes: string[];
  requestCount: number;
}

export interface LookupOptions {
  /** The event's time, for the lead time. */
  eventTime: Date;
  /** GITHUB_WORKSPACE: its git history, when checked out whole, says which commits touch `paths`. */
  workspace?: string | undefined;
}

export async function runLookups(plan: LookupPlan, options: LookupOptions): Promise<LookupOutcome> {
  const failures = new Map<Part, LookupError>();
  const seconds = plan.timeoutMs / 1000;
  let client: GitHubClient;
  const signal = AbortSignal.timeout(plan.timeoutMs);
  try {
    client = await createGitHubClient({
      apiUrl: plan.apiUrl,
      token: plan.token,
      repository: plan.repository,
      signal,
      maxRequests: MAX_REQUESTS,
      deadlineSeconds: seconds,
    });
  } catch (error) {
    const notice = `The GitHub lookups were skipped: the API client could not be loaded (${oneLine((error as Error).message)}). The event lacks the pull request and what shipped since the previous deploy.`;
    return { found: {}, commit: undefined, tag: undefined, restores: undefined, shipped: undefined, notice, notes: [], requestCount: 0 };
  }
  // A failed question leaves its answer out and names its part in the notice; the first failure of a part is kept.
  const recorded = async <T>(part: Part, question: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await question();
    } catch (error) {
      if (!failures.has(part)) failures.set(part, asLookupError(error));
      return undefined;
    }
  };
  const ask = (part: Part, route: string, params: Record<string, string | number> = {}): Promise<unknown> => recorded(part, () => client.get(route, params));
  const repo: Repository = { serverUrl: plan.serverUrl, repository: plan.repository };

  // Round 1: everything that depends on nothing else.
  const pulls = plan.pullRequestSha ? ask('pull-request', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', { commit_sha: plan.pullRequestSha }) : undefined;
  const resolved = plan.commitName ? resolveCommit(plan.commitName, ask) : undefined;
  const tagCheck = plan.possibleTag ? checkTag(plan.possibleTag, plan.head, client) : undefined;
  const asker: Asker = {
    get: (part, route, params) => ask(part, route, params),
    page: (part, route, params) => recorded(part, () => client.page(route, params)),
    graphql: (part, query, variables) => recorded(part, () => client.graphql(query, variables)),
    quiet: async (route, params) => {
      try {
        return { data: await client.get(route, params) };
      } catch (error) {
        return { failure: asLookupError(error).message };
      }
    },
  };
  let previous = plan.since ? previousFromInput(plan.since, repo) : undefined;
  let restores: Restores | undefined;
  const notes: string[] = [];
  // The commit's name resolves beside the other questions: only the choice among deployments waits for it.
  const headSha = resolved ?? plan.head;
  if (!previous) {
    const answer = await findPrevious(
      {
        head: headSha,
        runId: plan.runId,
        environment: plan.environment,
        workflowFile: plan.workflowFile,
        tag: plan.tag,
        tagConfirmed: tagCheck?.then((check) => check.isTag),
        pushBefore: plan.pushBefore,
        succeeds: plan.succeeds,
        eventTime: options.eventTime,
      },
      asker,
      repo,
    );
    ({ previous, restores } = answer);
    notes.push(...answer.lines);
  }
  const commit = resolved ? await resolved : undefined;
  const head = commit ?? plan.head;
  const tagChecked = tagCheck ? await tagCheck : undefined;
  if (tagChecked?.failure) failures.set('tag', tagChecked.failure);
  if (tagChecked?.note) notes.push(tagChecked.note);
  // The line of a name that is no tag here was read in vain: what it could not read is nothing the event lacks.
  if (tagCheck && !tagChecked?.isTag) failures.delete('tags');

  // Rounds 3 and 4: the compare's first page both ways, then every other page at once (range-lookups.ts).
  const range = previous
    ? await lookUpRange(ask, { previous, head, paths: plan.paths, workspace: options.workspace, signal })
    : undefined;
  if (range?.malformed) failures.set('compare', new LookupError('unavailable', 'the answer is not a comparison'));
  const shipped = range?.shipped;
  notes.push(...(range?.notes ?? []));
  if (plan.paths && !previous) notes.push('Input "paths" was not applied: no previous deploy was found, so the event lists what the payload says.');

  const pullRequest = plan.pullRequestSha ? choosePullRequest(await pulls, plan.pullRequestSha) : undefined;
  const facts = shipped
    ? { ...shippedData(shipped, { ...repo, eventTime: options.eventTime, paths: range?.scope }), rollbackOf: shipped.rollback ? shipped.previous.version : undefined }
    : previous
      ? { data: previousData(previous), ticketTexts: [], rollbackOf: undefined }
      : undefined;
  return {
    found: { pullRequest, shipped: restores ? { ...(facts ?? { ticketTexts: [] }), data: { ...facts?.data, restores } } : facts },
    commit,
    tag: tagChecked?.isTag ? plan.possibleTag : undefined,
    restores,
    shipped,
    ...noticeLine(failures, plan, seconds, { previousFoundBy: previous?.foundBy, pullRequest: pullRequest !== undefined }),
    notes,
    requestCount: client.requestCount,
  };
}

function asLookupError(error: unknown): LookupError {
  return error instanceof LookupError ? error : new LookupError('unavailable', oneLine(String(error)));
}

/**
 * `GET /commits/{ref}` with the SHA media type: the 40 characters of the commit `ref` names (a branch, a
 * tag, peeled when annotated, or `tags/TAG` and `heads/BRANCH` to say which).
 */
const COMMIT_SHA_ROUTE = '/repos/{owner}/{repo}/commits/{ref}';
const commitShaParams = (ref: string) => ({ ref, mediaType: { format: 'sha' } }) as unknown as Record<string, string>;

/** The SHA in that answer, lower case; undefined when it holds none. */
function commitShaOf(answer: unknown): string | undefined {
  const sha = typeof answer === 'string' ? answer.trim() : text(record(answer)?.sha);
  return sha && /^[0-9a-f]{40}$/i.test(sha) ? sha.toLowerCase() : undefined;
}

/** The SHA of the `commit` input's tag or branch. */
async function resolveCommit(name: string, ask: (part: Part, route: string, params?: Record<string, string | number>) => Promise<unknown>): Promise<string | undefined> {
  return commitShaOf(await ask('commit', COMMIT_SHA_ROUTE, commitShaParams(name)));
}

interface TagCheck {
  isTag: boolean;
  /** An info line: a tag of that name exists, on another commit. */
  note?: string | undefined;
  /** Why it could not be told (a refusal, a timeout): the event keeps the short SHA as its version. */
  failure?: LookupError | undefined;
}

/**
 * Whether `name` is a tag of this repository on `head`: `GET /commits/tags/{name}` with the SHA media type
 * answers the commit the tag points to (an annotated tag's too). GitHub answers 422 or 404 for a name that
 * is no tag: then it is a branch named like a version, which is said nowhere, as before.
 */
async function checkTag(name: string, head: string, client: GitHubClient): Promise<TagCheck> {
  try {
    const sha = commitShaOf(await client.get(COMMIT_SHA_ROUTE, commitShaParams(`tags/${name}`)));
    if (sha === head.toLowerCase()) return { isTag: true };
    if (!sha) return { isTag: false };
    return { isTag: false, note: `Tag ${quote(oneLine(name, 80))} is on commit ${sha.slice(0, 7)}, not on the watched run's ${head.slice(0, 7)}: the event does not name that tag, and its version is the short SHA.` };
  } catch (error) {
    const failure = asLookupError(error);
    return failure.failure === 'not-found' || failure.status === 422 ? { isTag: false } : { isTag: false, failure };
  }
}

/** What the event lacks when a part is refused, and nothing else gave it. */
const LACKS: Record<Part, string> = {
  'pull-request': 'the pull request of this commit',
  deployments: 'the previous deploy, and what shipped since it (commits, pull requests, tickets, lead time)',
  tags: 'the previous deploy, and what shipped since it (commits, pull requests, tickets, lead time)',
  compare: 'what shipped since the previous deploy (commits, pull requests, tickets, lead time)',
  pages: 'some pages of a long range (the event names what the pages read hold)',
  commits: 'the commits touching input "paths"',
  commit: 'the commit of input "commit" (the event names the run\'s own commit)',
  tag: 'the watched run\'s tag (its version is the short SHA)',
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
