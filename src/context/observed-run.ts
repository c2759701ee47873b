// Observer mode: a workflow triggered by `workflow_run` records the run it watched, not itself. Such a
// run's GITHUB_SHA is the default branch's last commit and its own URL says nothing of the deploy; the
// watched run's commit, branch, actors, URL, attempt, conclusion and times are in the payload's
// `workflow_run`. One observer workflow can so record every deploy workflow of a repository. Pure, and
// free of the event modules, so workflow-context.ts can use it; pairing.ts decides the start and end.
import type { PullRequest } from './pull-request.js';
import { list, record, text, type JsonObject } from '../common/json.js';
import { quote } from '../common/log-text.js';
import { userLogin } from './github-user.js';

/** The watched run, as `workflow_run` of the payload describes it. */
export interface ObservedRun {
  /** `requested`, `in_progress` or `completed`. */
  action: string | undefined;
  id: string;
  attempt: string;
  /** The watched workflow's name, e.g. `Deploy API`. */
  name: string | undefined;
  /** The event that started the watched run: `push`, `pull_request`, `release`, `workflow_dispatch`… */
  event: string | undefined;
  headBranch: string | undefined;
  headSha: string | undefined;
  /** `{id, message, author}` of the head commit, read like a push's head_commit. */
  headCommit: unknown;
  conclusion: string | undefined;
  /** The watched run's workflow file (`.github/workflows/deploy.yml`): whose deployments are its service's. */
  workflowPath: string | undefined;
  runStartedAt: string | undefined;
  createdAt: string | undefined;
  updatedAt: string | undefined;
  actor: string | undefined;
  triggeringActor: string | undefined;
  pullRequests: readonly unknown[];
  /** `owner/repo` whose code the watched run ran (`workflow_run.head_repository.full_name`): a fork's for its pull requests. */
  headRepository: string | undefined;
  /** `owner/repo` the webhook is about (`repository.full_name`): the observer's own. */
  repository: string | undefined;
}

/** A run id or attempt: a positive integer, as a number or digits. */
function count(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return typeof value === 'string' && /^\d{1,20}$/.test(value) ? value : undefined;
}

/** The watched run, or undefined when the payload names none (it cannot then be observed). */
export function readObservedRun(payload: JsonObject): ObservedRun | undefined {
  const run = record(payload.workflow_run);
  const id = count(run?.id);
  if (!run || !id) return undefined;
  return {
    action: text(payload.action),
    id,
    attempt: count(run.run_attempt) ?? '1',
    name: text(run.name),
    event: text(run.event),
    headBranch: text(run.head_branch),
    headSha: text(run.head_sha),
    headCommit: run.head_commit,
    conclusion: text(run.conclusion),
    workflowPath: text(run.path),
    runStartedAt: text(run.run_started_at),
    createdAt: text(run.created_at),
    updatedAt: text(run.updated_at),
    actor: userLogin(run.actor),
    triggeringActor: userLogin(run.triggering_actor),
    pullRequests: list(run.pull_requests),
    headRepository: text(record(run.head_repository)?.full_name),
    repository: text(record(payload.repository)?.full_name),
  };
}

/** The events whose runs a fork can start in this repository. */
const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set(['pull_request', 'pull_request_target']);

/**
 * Why the watched run ran code that is not this repository's own, or undefined when it ran its own.
 * `ownRepository` is GITHUB_REPOSITORY, used when the payload names no repository. A workflow on
 * `workflow_run` fires for fork pull requests too, and their branch, title and commit message are written
 * by whoever opened the fork: such a run is foreign when
 * - its head repository differs from this one (GitHub names repositories in any letter case), or is not named;
 * - it is a pull request run that lists no pull request: GitHub leaves `pull_requests` empty for forks,
 *   and a `pull_request_target` run of a fork has this repository as its head.
 * A run that cannot be shown to be this repository's own counts as foreign: the safe side.
 */
export function foreignCode(run: ObservedRun, ownRepository: string | undefined): string | undefined {
  const own = run.repository ?? ownRepository;
  if (!run.headRepository) return 'its payload names no head repository';
  if (!own || run.headRepository.toLowerCase() !== own.toLowerCase()) return `it ran code from ${quote(run.headRepository)}, not ${own ? quote(own) : 'this repository'}`;
  if (run.event && PULL_REQUEST_EVENTS.has(run.event) && run.pullRequests.length === 0) {
    return `it is a ${run.event} run that names no pull request of this repository, as GitHub sends for forks`;
  }
  return undefined;
}

/** `{server}/{repo}/actions/runs/{id}/attempts/{n}`: the watched run's attempt, built from trusted parts. */
export function observedRunUrl(serverUrl: string, repository: string | undefined, run: ObservedRun): string | undefined {
  return repository ? `${serverUrl}/${repository}/actions/runs/${run.id}/attempts/${run.attempt}` : undefined;
}

/**
 * The pull request of a watched pull_request run. `workflow_run.pull_requests` holds number, base and
 * head only (no title), and is empty for forks. For other runs it lists open pull requests whose head is
 * the pushed branch, which were not deployed: a watched push is left to the lookup of the commit.
 */
export function observedPullRequest(run: ObservedRun, serverUrl: string, repository: string | undefined): PullRequest | undefined {
  if (run.event !== 'pull_request' && run.event !== 'pull_request_target') return undefined;
  const pulls = run.pullRequests.flatMap((item): JsonObject[] => {
    const pr = record(item);
    return pr ? [pr] : [];
  });
  const pr = pulls.find((item) => text(record(item.head)?.sha) === run.headSha) ?? pulls[0];
  const number = pr?.number;
  if (!pr || typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) return undefined;
  return {
    number,
    title: undefined,
    url: repository ? `${serverUrl}/${repository}/pull/${number}` : undefined,
    author: undefined,
    base: text(record(pr.base)?.ref),
    head: text(record(pr.head)?.ref),
    body: undefined,
    mergeCommitSha: undefined,
    merged: false,
    state: undefined,
    headSha: text(record(pr.head)?.sha),
  };
}
