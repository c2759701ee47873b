// What the main step would ask GitHub, decided from the settings and the workflow context alone: the
// plan, or nothing to ask (no token, include-context: false, nothing a lookup could add). Kept apart from
// lookups.ts, which asks: the step imports that module, the API client and the lookup rules only when
// there is a plan, so a run without lookups never evaluates them (BENCHMARKS.md, start-up).
import type { PullRequest } from '../context/pull-request.js';
import type { ShippedFacts } from './shipped.js';
import type { WorkflowContext } from '../context/workflow-context.js';
import type { Settings } from '../inputs/settings.js';

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
    tag: context.refType === 'tag' ? context.refName : trigger.kind === 'release' && !given ? trigger.tagName : undefined,
    pushBefore: !given && (trigger.kind === 'push' || trigger.kind === 'tag-push') && !trigger.deleted ? trigger.before : undefined,
    commitName,
    workflowFile: deployingWorkflow(context, env),
    succeeds: deploySucceeds(context, settings),
    paths: settings.paths,
  };
  const anything = plan.pullRequestSha || plan.since || plan.environment || plan.tag || plan.pushBefore;
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
