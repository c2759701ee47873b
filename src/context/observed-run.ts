// Observer mode: a workflow triggered by `workflow_run` records the run it watched, not itself. Such a
// run's GITHUB_SHA is the default branch's last commit and its own URL says nothing of the deploy; the
// watched run's commit, branch, actors, URL, attempt, conclusion and times are in the payload's
// `workflow_run`. One observer workflow can so record every deploy workflow of a repository. Pure, and
// free of the event modules, so workflow-context.ts can use it; pairing.ts decides the start and end.
import type { PullRequest } from './pull-request.js';
import { list, record, text, type JsonObject } from '../common/json.js';
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
  runStartedAt: string | undefined;
  createdAt: string | undefined;
  updatedAt: string | undefined;
  actor: string | undefined;
  triggeringActor: string | undefined;
  pullRequests: readonly unknown[];
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
    runStartedAt: text(run.run_started_at),
    createdAt: text(run.created_at),
    updatedAt: text(run.updated_at),
    actor: userLogin(run.actor),
    triggeringActor: userLogin(run.triggering_actor),
    pullRequests: list(run.pull_requests),
  };
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
