// Start and end events that two separate workflow runs send: observer mode (`workflow_run`) and
// `deployment_status`. No state is shared between the runs, so both halves derive the same ids from what
// the trigger names (a run attempt, a deployment), and the trigger says which half this run is. Pure.
import { createHash } from 'node:crypto';
import { runUrl, type WorkflowContext } from '../context/workflow-context.js';
import type { Deployment } from '../context/deployment-status.js';
import type { JobOutcome, JobPhase } from './cloud-event.js';
import { observedRunUrl, type ObservedRun } from '../context/observed-run.js';
import { durationSeconds, endEventId } from './track-job.js';

/** What the trigger calls for: the start or the end of the work it reports, or nothing. */
export type TriggerPhase =
  | {
      kind: 'start' | 'end';
      job: JobPhase;
      /** The event's id: derived, or the user's `id` (the end's is `<id>-finished`, as with track-job). */
      id: string;
      /** When it happened by GitHub's account, the event's time unless `time` is given. */
      at: Date | undefined;
    }
  /** Nothing is sent, and the reason is logged in one line. */
  | { kind: 'skip'; reason: string };

interface PairIds {
  startId: string;
  endId: string;
  contextId: string;
}

/**
 * A UUID (RFC 9562 version 5: SHA-1 of a name) so the same name gives the same id in any run, and the
 * id keeps the shape and length of the UUIDs the action sends otherwise, however long the repository name.
 */
function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The ids of a start/end pair named by `name` (e.g. one attempt of one workflow run on one server).
 * A re-delivery of the same webhook, or a re-run of the observing workflow, sends the same id again,
 * which OpsTrails answers with 409: already recorded. A user-given `id` is the start's id instead, and
 * must then be derived from the payload too (e.g. `${{ github.event.workflow_run.id }}`) to pair up.
 */
function pairIds(name: string, userId: string | undefined): PairIds {
  const startId = userId ?? nameBasedUuid(`start:${name}`);
  return { startId, endId: endEventId(startId), contextId: nameBasedUuid(`context:${name}`) };
}

/** An ISO 8601 time from the payload, or undefined when it is missing or not a time. */
function payloadTime(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** Where the work happened: the server and repository, part of every derived name. */
interface Where {
  serverUrl: string;
  repository: string | undefined;
}

/** The start or end half named by `name`, timed by the payload (`now` only when it gives no time). */
function half(
  kind: 'start' | 'end',
  name: string,
  userId: string | undefined,
  facts: { jobUrl: string | undefined; startedAt: Date | undefined; finishedAt: Date | undefined; outcome: JobOutcome; now: Date },
): TriggerPhase {
  const ids = pairIds(name, userId);
  if (kind === 'start') {
    return { kind, id: ids.startId, at: facts.startedAt, job: { phase: 'started', contextId: ids.contextId, jobUrl: facts.jobUrl } };
  }
  const finishedAt = facts.finishedAt ?? facts.now;
  const startedAt = (facts.startedAt ?? finishedAt).toISOString();
  return {
    kind,
    id: ids.endId,
    at: finishedAt,
    job: {
      phase: 'finished',
      contextId: ids.contextId,
      jobUrl: facts.jobUrl,
      parentId: ids.startId,
      startedAt,
      finishedAt: finishedAt.toISOString(),
      durationSeconds: durationSeconds(startedAt, finishedAt),
      outcome: facts.outcome,
    },
  };
}

/** GitHub's conclusions of a workflow run, kept as they are. */
const CONCLUSIONS: ReadonlySet<string> = new Set([
  'success',
  'failure',
  'cancelled',
  'timed_out',
  'action_required',
  'startup_failure',
  'stale',
  'neutral',
  'skipped',
]);

/**
 * `requested` or `in_progress` is the start of the watched run, `completed` its end, timed by the run
 * (`run_started_at` to `updated_at`). The ids come from the server, repository, run id and attempt: the
 * observer runs of one attempt pair up, and a re-run of the watched workflow (a new attempt) is a new pair.
 */
function observedRunPhase(run: ObservedRun, where: Where, userId: string | undefined, now: Date): TriggerPhase | undefined {
  const kind = run.action === 'completed' ? 'end' : run.action === 'requested' || run.action === 'in_progress' ? 'start' : undefined;
  if (!kind) return undefined;
  return half(kind, `workflow_run:${where.serverUrl}/${where.repository ?? ''}/${run.id}/${run.attempt}`, userId, {
    jobUrl: observedRunUrl(where.serverUrl, where.repository, run),
    startedAt: payloadTime(run.runStartedAt) ?? payloadTime(run.createdAt),
    finishedAt: payloadTime(run.updatedAt),
    outcome: (run.conclusion && CONCLUSIONS.has(run.conclusion) ? run.conclusion : 'unknown') as JobOutcome,
    now,
  });
}

const DEPLOYMENT_STARTS: ReadonlySet<string> = new Set(['pending', 'queued', 'in_progress']);
const DEPLOYMENT_ENDS: ReadonlySet<string> = new Set(['success', 'failure', 'error']);

/**
 * A final state (`success`, `failure`, `error`) is the end, with that outcome; `pending`, `queued` and
 * `in_progress` are the start (each one again: the same id, so OpsTrails keeps the first). Start and end
 * pair by the deployment id, timed from the deployment's creation to the final status.
 *
 * `inactive` sends nothing. GitHub marks a deployment inactive when a newer one to its environment
 * succeeds: it is the newer deploy's consequence, already recorded as that deploy, not a change of its
 * own. An event for it would count as a deploy (with the user's type) or cost quota for a fact the newer
 * deploy's event already states.
 */
function deploymentStatusPhase(
  deployment: Deployment,
  where: Where,
  facts: { userId: string | undefined; runLink: string | undefined; now: Date },
): TriggerPhase | undefined {
  const state = deployment.status?.state;
  if (state === 'inactive') {
    return {
      kind: 'skip',
      reason: `Deployment ${deployment.id} is now inactive: GitHub marks a deployment so when a newer one to its environment takes its place, which is recorded as that deploy. No event was sent.`,
    };
  }
  const kind = state && DEPLOYMENT_ENDS.has(state) ? 'end' : state && DEPLOYMENT_STARTS.has(state) ? 'start' : undefined;
  if (!kind) return undefined;
  const reportedAt = payloadTime(deployment.status?.createdAt);
  return half(kind, `deployment:${where.serverUrl}/${where.repository ?? ''}/${deployment.id}`, facts.userId, {
    jobUrl: deployment.status?.targetUrl ?? facts.runLink,
    startedAt: kind === 'start' ? reportedAt : payloadTime(deployment.createdAt),
    finishedAt: reportedAt,
    outcome: state as JobOutcome,
    now: facts.now,
  });
}

/**
 * The half of a start/end pair this run's trigger calls for, or undefined for a single event: observer
 * mode (`workflow_run`) and `deployment_status`. `userId` is the `id` input; `now` times what the payload
 * leaves untimed.
 */
export function triggerPhase(context: WorkflowContext, userId: string | undefined, now: Date): TriggerPhase | undefined {
  const { trigger } = context;
  if (trigger.kind === 'observed-run') return observedRunPhase(trigger.run, context, userId, now);
  // A `deployment` run is a deployment too, but only its statuses say where it stands.
  if (trigger.kind === 'deployment' && context.eventName === 'deployment_status') {
    return deploymentStatusPhase(trigger.deployment, context, { userId, runLink: runUrl(context), now });
  }
  return undefined;
}
