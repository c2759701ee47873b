// What the event is about: runner environment + webhook payload -> WorkflowContext. Usually the run this
// step belongs to; for a `workflow_run` trigger the watched run, and for a deployment the deployment
// (commit, ref, actor), since that is what the event describes (GITHUB_SHA is not, for `workflow_run`).
// buildWorkflowContext is pure, and the one place the payload is read (into the Trigger); readEventPayload
// is the one side effect (reading GITHUB_EVENT_PATH).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Deployment } from './deployment-status.js';
import { isRecord, parseJson } from '../common/json.js';
import { foreignCode, observedRunUrl, type ObservedRun } from './observed-run.js';
import { readTrigger, type Trigger } from './trigger.js';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Fields describe what the event is about: the commit, ref, actors and workflow of the watched run in
 * observer mode (`workflow_run`), the deployment's commit, ref and creator for `deployment` and
 * `deployment_status`, else this run's. `runId`, `runAttempt`, `job` and `eventName` stay this run's.
 */
export interface WorkflowContext {
  /** `https://github.com`, or the GitHub Enterprise Server URL. */
  serverUrl: string;
  /** REST API base: `https://api.github.com` or `{ghes}/api/v3`. */
  apiUrl: string;
  /** `owner/repo`. */
  repository: string | undefined;
  /** Full SHA of the commit the event is about (`workflow_run.head_sha` in observer mode). */
  sha: string | undefined;
  /** `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/7/merge`. */
  ref: string | undefined;
  refName: string | undefined;
  refType: string | undefined;
  actor: string | undefined;
  triggeringActor: string | undefined;
  workflow: string | undefined;
  job: string | undefined;
  runId: string | undefined;
  runAttempt: string | undefined;
  /** The event that started this run: `push`, `pull_request`, `release`, `workflow_run`… */
  eventName: string | undefined;
  /** The event that started the run the event describes: `eventName`, or the watched run's (`push`). */
  runEvent: string | undefined;
  /** In observer mode, the watched run's attempt page, which `runUrl` gives instead of this run's. */
  observedRunUrl: string | undefined;
  /** What started the run, read from the webhook payload: the one reading of it (trigger.ts). */
  trigger: Trigger;
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value : undefined);

export function buildWorkflowContext(env: Env, payload: Readonly<Record<string, unknown>>): WorkflowContext {
  const serverUrl = (nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, '');
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME);
  const own: WorkflowContext = {
    serverUrl,
    apiUrl: (nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com').replace(/\/+$/, ''),
    repository: nonEmpty(env.GITHUB_REPOSITORY),
    sha: nonEmpty(env.GITHUB_SHA),
    ref: nonEmpty(env.GITHUB_REF),
    refName: nonEmpty(env.GITHUB_REF_NAME),
    refType: nonEmpty(env.GITHUB_REF_TYPE),
    actor: nonEmpty(env.GITHUB_ACTOR),
    triggeringActor: nonEmpty(env.GITHUB_TRIGGERING_ACTOR),
    workflow: nonEmpty(env.GITHUB_WORKFLOW),
    job: nonEmpty(env.GITHUB_JOB),
    runId: nonEmpty(env.GITHUB_RUN_ID),
    runAttempt: nonEmpty(env.GITHUB_RUN_ATTEMPT),
    eventName,
    runEvent: eventName,
    observedRunUrl: undefined,
    trigger: readTrigger(eventName, nonEmpty(env.GITHUB_REF), payload),
  };
  if (own.trigger.kind === 'observed-run') return observedRunContext(own, own.trigger.run);
  if (own.trigger.kind === 'deployment') return deploymentContext(own, own.trigger.deployment);
  return own;
}

/** A name shaped like a version (`v1.4.0`, `2.0.1-rc.1`): a tag pushed, or a branch named so. */
const VERSION_NAME = /^v?\d+(\.\d+)+([-+][0-9A-Za-z.-]+)?$/;

/**
 * What the watched run's `head_branch` names. GitHub puts a branch or a tag there and says not which. A
 * release run's is its tag. Any other run's is taken for a branch, unless it is shaped like a version:
 * then it may be a pushed tag or a branch anyone with push access, or a fork, named so, and it is left
 * untyped rather than claimed as a tag (a tag ref and a version say what was released) until the lookups
 * find that tag on the run's commit (possibleTag). A fork's branch is not a ref of this repository at all.
 */
function observedRef(run: ObservedRun, foreign: boolean): Pick<WorkflowContext, 'ref' | 'refType'> {
  const name = run.headBranch;
  if (name === undefined || foreign) return { ref: undefined, refType: undefined };
  if (run.event === 'release') return { ref: `refs/tags/${name}`, refType: 'tag' };
  if (VERSION_NAME.test(name)) return { ref: undefined, refType: undefined };
  return { ref: `refs/heads/${name}`, refType: 'branch' };
}

/**
 * The watched run's `head_branch` when it may be a tag pushed to this repository: a name shaped like a
 * version, of a run of this repository's own code, other than a release run's (already a tag), on the
 * commit the event describes (not one the `commit` input replaced). observedRef leaves it untyped; the
 * lookups ask GitHub whether this repository has a tag of that name on that commit (withConfirmedTag).
 */
export function possibleTag(context: WorkflowContext): string | undefined {
  const { trigger } = context;
  if (trigger.kind !== 'observed-run' || context.refType !== undefined || context.sha !== trigger.run.headSha) return undefined;
  const name = trigger.run.headBranch;
  if (name === undefined || trigger.run.event === 'release' || foreignCode(trigger.run, context.repository) !== undefined) return undefined;
  return VERSION_NAME.test(name) ? name : undefined;
}

/** The context once GitHub confirmed that `name`, the watched run's head_branch, is a tag on its commit. */
export function withConfirmedTag(context: WorkflowContext, name: string): WorkflowContext {
  return { ...context, ref: `refs/tags/${name}`, refName: name, refType: 'tag' };
}

/** The context of the watched run: everything the event describes is the watched run's, not the observer's. */
export function observedRunContext(base: WorkflowContext, run: ObservedRun): WorkflowContext {
  return {
    ...base,
    sha: run.headSha,
    ...observedRef(run, foreignCode(run, base.repository) !== undefined),
    refName: run.headBranch,
    actor: run.actor,
    triggeringActor: run.triggeringActor,
    workflow: run.name,
    // The observer's own job id would only mislead: the event is not about it.
    job: undefined,
    runEvent: run.event,
    observedRunUrl: observedRunUrl(base.serverUrl, base.repository, run),
  };
}

/**
 * The context of the deployment: its commit and deployer. GitHub sets GITHUB_SHA and GITHUB_REF to the
 * deployment's already; the payload says so explicitly, and names the deployment's creator, who
 * deployed, where GITHUB_ACTOR may be whoever reported the status.
 */
export function deploymentContext(base: WorkflowContext, deployment: Deployment): WorkflowContext {
  const refMatches = deployment.ref !== undefined && (base.ref === deployment.ref || base.ref?.endsWith(`/${deployment.ref}`) === true);
  const statusReporter = deployment.status?.creator;
  return {
    ...base,
    sha: deployment.sha ?? base.sha,
    ref: refMatches || deployment.ref === undefined ? base.ref : deployment.ref,
    refName: deployment.ref ?? base.refName,
    actor: deployment.creator ?? base.actor,
    triggeringActor: statusReporter ?? base.triggeringActor,
  };
}

/**
 * `{server}/{repo}/actions/runs/{id}/attempts/{attempt}`: the attempt, so a re-run links to itself; in
 * observer mode the watched run's.
 */
export function runUrl(context: WorkflowContext): string | undefined {
  if (context.observedRunUrl) return context.observedRunUrl;
  if (!context.repository || !context.runId) return undefined;
  const base = `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
  return context.runAttempt ? `${base}/attempts/${context.runAttempt}` : base;
}

/** `{server}/{repo}/actions/runs/{id}/job/{check_run_id}`: the exact job, where the runner names it. */
export function jobUrl(context: WorkflowContext, checkRunId: string | undefined): string | undefined {
  if (!context.repository || !context.runId || !checkRunId || !/^\d+$/.test(checkRunId)) return undefined;
  return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}/job/${checkRunId}`;
}

/** `//github.com/acme/api`: a CloudEvents URI-reference naming the repository. */
export function defaultSource(context: WorkflowContext): string | undefined {
  if (!context.repository) return undefined;
  let host: string;
  try {
    host = new URL(context.serverUrl).host;
  } catch {
    host = 'github.com';
  }
  return `//${host}/${context.repository}`;
}

/** Beyond this a payload is not read: GitHub delivers no webhook over 25 MB, so none is this large. */
export const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

/**
 * Beyond these a payload is not parsed. Within the byte cap, JSON.parse of millions of `{}` takes
 * seconds and gigabytes (figures in BENCHMARKS.md, "Growth with the payload").
 * The largest real webhook, a push listing 2,048 commits, holds about 12,000 objects and arrays and
 * 50,000 values plus its file lists.
 */
export const MAX_PAYLOAD_CONTAINERS = 100_000;
export const MAX_PAYLOAD_VALUES = 1_000_000;

export type PayloadResult = { payload: Record<string, unknown>; problem?: string };

/**
 * Reads the webhook payload. A missing, empty, unreadable, oversized or non-object payload yields `{}`
 * and a problem to log as a warning: the event is still sent, with less context.
 */
export function readEventPayload(path: string | undefined): PayloadResult {
  if (!path) return { payload: {} };
  let text: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_PAYLOAD_BYTES) {
        return { payload: {}, problem: `the event payload at GITHUB_EVENT_PATH is ${size} bytes, over ${MAX_PAYLOAD_BYTES}; it was not read` };
      }
      const buffer = Buffer.alloc(size);
      let offset = 0;
      while (offset < size) {
        const read = readSync(fd, buffer, offset, size - offset, offset);
        if (read === 0) break;
        offset += read;
      }
      const excess = excessOf(buffer.subarray(0, offset));
      if (excess) return { payload: {}, problem: `the event payload at GITHUB_EVENT_PATH holds ${excess}, far more than any GitHub webhook; it was not parsed` };
      text = buffer.toString('utf8', 0, offset);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { payload: {}, problem: `the event payload at GITHUB_EVENT_PATH could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (text.trim() === '') return { payload: {}, problem: 'the event payload at GITHUB_EVENT_PATH is empty' };
  const value = parseJson(text);
  if (value === undefined) return { payload: {}, problem: 'the event payload at GITHUB_EVENT_PATH is not JSON' };
  if (!isRecord(value)) return { payload: {}, problem: 'the event payload at GITHUB_EVENT_PATH is not a JSON object' };
  return { payload: value };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * What JSON.parse of `bytes` would build past the bounds, or undefined: one pass that skips strings,
 * counting objects and arrays (`{`, `[`) and the values after the first in each (`,`). Byte by byte is
 * right for UTF-8, where no byte of a multi-byte character is ASCII. It costs about what JSON.parse of a
 * real-shaped payload of the same size does (BENCHMARKS.md).
 */
function excessOf(bytes: Uint8Array): string | undefined {
  let containers = 0;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++containers > MAX_PAYLOAD_CONTAINERS) return `more than ${MAX_PAYLOAD_CONTAINERS} objects and arrays`;
    } else if (byte === COMMA && ++commas > MAX_PAYLOAD_VALUES) {
      return `more than ${MAX_PAYLOAD_VALUES} values`;
    }
  }
  return undefined;
}
