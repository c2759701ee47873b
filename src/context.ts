// What the event is about: runner environment + webhook payload -> WorkflowContext. Usually the run this
// step belongs to; for a `workflow_run` trigger the watched run, and for a deployment the deployment
// (commit, ref, actor), since that is what the event describes (GITHUB_SHA is not, for `workflow_run`).
// buildWorkflowContext is pure; readEventPayload is the one side effect (reading GITHUB_EVENT_PATH).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { deploymentContext, readDeployment } from './deployment-status.js';
import { isRecord, parseJson } from './json.js';
import { observedRunContext, readObservedRun } from './observed-run.js';

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
  /** The webhook payload, `{}` when there is none or it could not be read. */
  payload: Readonly<Record<string, unknown>>;
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
    payload,
  };
  const observed = eventName === 'workflow_run' ? readObservedRun(payload) : undefined;
  if (observed) return observedRunContext(own, observed);
  const deployment = eventName === 'deployment' || eventName === 'deployment_status' ? readDeployment(payload) : undefined;
  if (deployment) return deploymentContext(own, deployment);
  return own;
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

/** Beyond this a payload is not read: no webhook is this large, and parsing it would stall the step. */
export const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

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
