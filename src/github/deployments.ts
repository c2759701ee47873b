// The previous deploy of this service to this environment, out of GitHub's deployments. Pure: the
// answers (untrusted JSON of any shape) in, one choice out, with what it rests on.
//
// One GraphQL request returns the 30 newest deployments to the environment, each with its latest
// status: REST would need one statuses request per deployment. Whether GitHub matches environment
// names with or without regard to letter case is not documented (its web UI treats them as one), so
// the request names the environment as given, in lower case, upper case and capitalised, and the answer
// is filtered here without regard to case: both readings give the same deployments.
//
// A service's previous deploy is its own. A deployment belongs to another service when:
// - it was made by a run of another workflow file: its status's log URL names a run that is not among
//   this workflow's runs (`GET /actions/workflows/{file}/runs`, listed beside it), though newer than the
//   oldest of them;
// - or its ref is a version tag of another line than this run's tag (`web-v2.0.0` for `api-v1.4.0`).
// A deployment whose run cannot be placed (no run link, runs not readable, older than the runs listed)
// is taken as this service's, and the step says so in one line.
import { list, record, text } from '../common/json.js';
import { parseVersionTag } from './tag-line.js';

/** Deployments examined, newest first, until one qualifies. */
export const DEPLOYMENTS_EXAMINED = 30;
/** Runs of this workflow listed to place the deployments' runs (GitHub's largest page). */
export const RUNS_LISTED = 100;
/** Longest deployment field read (ref, environment, URL): the cap bounds every regex run on it. */
const MAX_FIELD = 2000;

export const DEPLOYMENTS_QUERY = `query($owner: String!, $name: String!, $environments: [String!], $first: Int!) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, first: $first, orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes { databaseId commitOid createdAt latestEnvironment ref { name } latestStatus { state createdAt logUrl } }
    }
  }
}`;

/** The spellings of one environment name asked for, so a case-sensitive filter misses none of them. */
export function environmentSpellings(environment: string): string[] {
  const lower = environment.toLowerCase();
  return [...new Set([environment, lower, environment.toUpperCase(), lower.charAt(0).toUpperCase() + lower.slice(1)])];
}

/** How a deployment ended, from its latest status: inactive means it succeeded and a newer one replaced it. */
export type Outcome = 'success' | 'failure' | 'unfinished';

export interface Deployment {
  id: number;
  sha: string;
  /** The ref deployed, when GitHub still knows it (a branch or tag name). */
  ref: string | undefined;
  outcome: Outcome;
  /** When it succeeded or failed: its latest status's time, or its creation for one replaced since (inactive). */
  at: string | undefined;
  logUrl: string | undefined;
  /** The Actions run its status links to. */
  runId: string | undefined;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;
const RUN_IN_URL = /\/actions\/runs\/(\d{1,20})(?:\/|$|\?|#)/;

function capped(value: unknown): string | undefined {
  const found = text(value);
  return found && found.length <= MAX_FIELD ? found : undefined;
}

/** The run an Actions deployment status links to (`…/actions/runs/123/job/456`). */
export function runOf(url: string | undefined): string | undefined {
  return url ? RUN_IN_URL.exec(url)?.[1] : undefined;
}

function outcomeOf(state: string | undefined): Outcome {
  switch (state?.toLowerCase()) {
    case 'success':
    case 'inactive':
      return 'success';
    case 'failure':
    case 'error':
      return 'failure';
    default:
      return 'unfinished';
  }
}

/** The deployments to `environment` (any letter case) in a GraphQL answer, newest first, at most DEPLOYMENTS_EXAMINED. */
export function readDeployments(answer: unknown, environment: string): Deployment[] {
  const wanted = environment.toLowerCase();
  const nodes = list(record(record(record(answer)?.repository)?.deployments)?.nodes);
  const deployments: Deployment[] = [];
  for (const item of nodes.slice(0, DEPLOYMENTS_EXAMINED)) {
    const node = record(item);
    const id = node?.databaseId;
    const sha = capped(node?.commitOid);
    if (typeof id !== 'number' || !sha || !FULL_SHA.test(sha)) continue;
    if (capped(node?.latestEnvironment)?.toLowerCase() !== wanted) continue;
    const status = record(node?.latestStatus);
    const logUrl = capped(status?.logUrl);
    const state = capped(status?.state);
    // An inactive status is set when a newer deploy replaced this one: the deploy itself began at creation.
    const at = state?.toLowerCase() === 'inactive' ? capped(node?.createdAt) : (capped(status?.createdAt) ?? capped(node?.createdAt));
    deployments.push({
      id,
      sha: sha.toLowerCase(),
      ref: capped(record(node?.ref)?.name),
      outcome: outcomeOf(state),
      at,
      logUrl,
      runId: runOf(logUrl),
    });
  }
  return deployments;
}

/** This workflow's runs, from `GET /actions/workflows/{file}/runs` (newest first). */
export interface WorkflowRuns {
  ids: ReadonlySet<string>;
  /** When the oldest listed run started: an unlisted run older than that may still be this workflow's. */
  oldest: string | undefined;
  /** Fewer runs than a page: the list is every run this workflow has. */
  complete: boolean;
}

export function readWorkflowRuns(answer: unknown): WorkflowRuns | undefined {
  const runs = record(answer)?.workflow_runs;
  if (!Array.isArray(runs)) return undefined;
  const ids = new Set<string>();
  let oldest: string | undefined;
  for (const item of runs.slice(0, RUNS_LISTED)) {
    const run = record(item);
    if (typeof run?.id === 'number') ids.add(String(run.id));
    const created = capped(run?.created_at);
    if (created && (!oldest || created < oldest)) oldest = created;
  }
  return { ids, oldest, complete: runs.length < RUNS_LISTED };
}

/** Whose a deployment is, as far as the answers tell. */
export type Owner = 'this run' | 'this service' | 'another service' | 'unknown';

export interface Service {
  /** This run's id: its own deployment is never its previous one. */
  runId: string | undefined;
  /** This workflow's runs; undefined when not asked or not readable. */
  runs: WorkflowRuns | undefined;
  /** The tag line of this run's tag (`api-v`), when it deploys a version tag. */
  tagLine: string | undefined;
}

export function ownerOf(deployment: Deployment, service: Service): Owner {
  if (deployment.runId && deployment.runId === service.runId) return 'this run';
  const line = deployment.ref === undefined || service.tagLine === undefined ? undefined : parseVersionTag(deployment.ref)?.prefix;
  if (line !== undefined && line !== service.tagLine) return 'another service';
  const { runs } = service;
  if (!deployment.runId || !runs) return 'unknown';
  if (runs.ids.has(deployment.runId)) return 'this service';
  const newerThanListed = runs.complete || (runs.oldest !== undefined && deployment.at !== undefined && deployment.at > runs.oldest);
  return newerThanListed ? 'another service' : 'unknown';
}

export interface DeploymentChoice {
  /** The newest successful deployment of this service, of another commit than this one. */
  previous: Deployment | undefined;
  /** Its owner could not be told: the step says which deploy it took and why. */
  uncertain: boolean;
  /** Failed deployments of this service since its last success, newest first: this deploy restores them. */
  failedSince: Deployment[];
  /** Deployments passed over as another service's. */
  othersSkipped: number;
  examined: number;
}

/**
 * Newest first: skips this run's own and other services' deployments, gathers this service's failures,
 * and stops at its newest success for another commit. Linear in the deployments read.
 */
export function chooseDeployment(deployments: readonly Deployment[], service: Service, headSha: string): DeploymentChoice {
  const head = headSha.toLowerCase();
  const failedSince: Deployment[] = [];
  let othersSkipped = 0;
  let examined = 0;
  for (const deployment of deployments) {
    examined += 1;
    const owner = ownerOf(deployment, service);
    if (owner === 'this run') continue;
    if (owner === 'another service') {
      othersSkipped += 1;
      continue;
    }
    if (deployment.outcome === 'failure') failedSince.push(deployment);
    if (deployment.outcome !== 'success') continue;
    // A redeploy of this very commit ends a failure streak but ships nothing: count from before it.
    if (deployment.sha === head) {
      failedSince.length = 0;
      continue;
    }
    // A deployment no run made (a platform's, through the API) has nothing to tell apart: not uncertain.
    return { previous: deployment, uncertain: owner === 'unknown' && deployment.runId !== undefined, failedSince, othersSkipped, examined };
  }
  return { previous: undefined, uncertain: false, failedSince, othersSkipped, examined };
}
