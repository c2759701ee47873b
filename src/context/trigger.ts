// What started this run, read from the webhook payload once: every later stage takes the Trigger and
// none reads the payload again. The payload is untrusted JSON of any shape, so every field is read
// through json.ts, never assumed; a part that is missing or of the wrong shape reads as undefined.
// Pure.
import { list, record, text, type JsonObject } from '../common/json.js';
import { readDeployment, type Deployment } from './deployment-status.js';
import { readDispatchInputs, type DispatchInputs } from './dispatch-inputs.js';
import { readObservedRun, type ObservedRun } from './observed-run.js';
import { readPullRequest, type PullRequest } from './pull-request.js';

/** A commit as a push payload lists it (`commits`, `head_commit`, and a watched run's `head_commit`). */
export interface PushedCommit {
  sha: string | undefined;
  message: string | undefined;
  /** The login, else the git name; never the e-mail address, which is personal data. */
  author: string | undefined;
}

/** A push of a branch (`push`) or of a tag (`tag-push`): GITHUB_REF says which. */
export interface PushTrigger {
  kind: 'push' | 'tag-push';
  headCommit: PushedCommit | undefined;
  /** The pushed commits, oldest first, as the payload lists them (at most 2,048). */
  commits: PushedCommit[];
  /** GitHub's compare page of the push (`compare`). */
  compareUrl: string | undefined;
  /** The commit the ref pointed at before the push. */
  before: string | undefined;
  /** The push deleted the ref. */
  deleted: boolean;
}

export interface ReleaseTrigger {
  kind: 'release';
  name: string | undefined;
  tagName: string | undefined;
  url: string | undefined;
}

/** A run started by hand (`workflow_dispatch`), with what the person typed. */
export interface DispatchTrigger {
  kind: 'dispatch';
  inputs: DispatchInputs;
}

/** A `pull_request` or `pull_request_target` run; `pullRequest` is undefined when the payload names none readable. */
export interface PullRequestTrigger {
  kind: 'pull-request';
  pullRequest: PullRequest | undefined;
}

/** Observer mode: a `workflow_run` run, about the run it watched. */
export interface ObservedRunTrigger {
  kind: 'observed-run';
  run: ObservedRun;
  /** The watched run's head commit, read like a push's. */
  headCommit: PushedCommit | undefined;
}

/** A `deployment` run, or a `deployment_status` run (then `deployment.status` is set). */
export interface DeploymentTrigger {
  kind: 'deployment';
  deployment: Deployment;
}

/** Any other event, or one whose payload lacks the part that makes it one of the above (a workflow_run naming no run). */
export interface OtherTrigger {
  kind: 'other';
}

export type Trigger = PushTrigger | ReleaseTrigger | DispatchTrigger | PullRequestTrigger | ObservedRunTrigger | DeploymentTrigger | OtherTrigger;

export function readPushedCommit(value: unknown): PushedCommit | undefined {
  const commit = record(value);
  if (!commit) return undefined;
  const author = record(commit.author);
  return { sha: text(commit.id), message: text(commit.message), author: text(author?.username) ?? text(author?.name) };
}

/**
 * The trigger of a run of `eventName` with this payload. `ref` is GITHUB_REF, which tells a tag push
 * from a branch push (the payload's `ref` says the same, when there is one).
 */
export function readTrigger(eventName: string | undefined, ref: string | undefined, payload: JsonObject): Trigger {
  switch (eventName) {
    case 'push':
      return {
        kind: (ref ?? text(payload.ref))?.startsWith('refs/tags/') ? 'tag-push' : 'push',
        headCommit: readPushedCommit(payload.head_commit),
        commits: list(payload.commits).flatMap((item) => readPushedCommit(item) ?? []),
        compareUrl: text(payload.compare),
        before: text(payload.before),
        deleted: payload.deleted === true,
      };
    case 'release': {
      const release = record(payload.release);
      return { kind: 'release', name: text(release?.name), tagName: text(release?.tag_name), url: text(release?.html_url) };
    }
    case 'workflow_dispatch':
      return { kind: 'dispatch', inputs: readDispatchInputs(payload) };
    case 'pull_request':
    case 'pull_request_target':
      return { kind: 'pull-request', pullRequest: readPullRequest(payload.pull_request) };
    case 'workflow_run': {
      const run = readObservedRun(payload);
      return run ? { kind: 'observed-run', run, headCommit: readPushedCommit(run.headCommit) } : { kind: 'other' };
    }
    case 'deployment':
    case 'deployment_status': {
      const deployment = readDeployment(payload);
      return deployment ? { kind: 'deployment', deployment } : { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}
