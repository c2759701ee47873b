// Start and end events that two separate workflow runs send: observer mode (`workflow_run`) and
// `deployment_status`. No state is shared between the runs, so both halves derive the same ids from what
// the trigger names (a run attempt, a deployment) and what the step records it as (type and subject),
// and the trigger says which half this run is, or that nothing is sent. Pure.
import { createHash } from 'node:crypto';
import { runUrl, type WorkflowContext } from '../context/workflow-context.js';
import type { Deployment } from '../context/deployment-status.js';
import type { JobOutcome, JobPhase } from './cloud-event.js';
import { foreignCode, observedRunUrl, type ObservedRun } from '../context/observed-run.js';
import { quote } from '../common/log-text.js';
import type { Settings } from '../inputs/settings.js';
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

/** What the step records the trigger as: the inputs that name and shape a pair. */
export type PairingSettings = Pick<Settings, 'id' | 'type' | 'subject' | 'observeForks'>;

/**
 * The ids of a start/end pair named by `work` (e.g. one attempt of one workflow run on one server) and
 * recorded as `type` for `subject`: two observers of one run that record it for different subjects or
 * as different types make two pairs, where one id would make OpsTrails keep only the first. A
 * re-delivery of the same webhook, or a re-run of the observing workflow, sends the same id again,
 * which OpsTrails answers with 409: already recorded. A user-given `id` is the start's id instead, and
 * must then be derived from the payload too (e.g. `${{ github.event.workflow_run.id }}`) to pair up.
 */
function pairIds(work: readonly string[], settings: PairingSettings): PairIds {
  // JSON of the parts: no part can run into the next, whatever characters a repository or subject holds.
  const name = JSON.stringify([...work, settings.type, settings.subject ?? '']);
  const startId = settings.id ?? nameBasedUuid(`start:${name}`);
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
  ids: PairIds,
  facts: { jobUrl: string | undefined; startedAt: Date | undefined; finishedAt: Date | undefined; outcome: JobOutcome; now: Date },
): TriggerPhase {
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
 * (`run_started_at` to `updated_at`). The ids come from the server, repository, run id and attempt, and
 * the type and subject: the observer runs of one attempt pair up, and a re-run of the watched workflow
 * (a new attempt) is a new pair. A run of code that is not this repository's (a fork's pull request) is
 * sent only when `observe-forks` allows it: anyone can open one, and it deploys nothing of this repository.
 */
function observedRunPhase(run: ObservedRun, where: Where, settings: PairingSettings, now: Date): TriggerPhase {
  const foreign = foreignCode(run, where.repository);
  if (foreign && !settings.observeForks) {
    return {
      kind: 'skip',
      reason: `Run ${run.id} of ${quote(run.name ?? 'the watched workflow')} is not of this repository's own code (${foreign}): observer mode records only those, so no event was sent. Set observe-forks: true to record fork runs too, marked data.fork: true and never as a deploy (deployment and rollback become ${FORK_RUN_TYPE}).`,
    };
  }
  const kind = run.action === 'completed' ? 'end' : run.action === 'requested' || run.action === 'in_progress' ? 'start' : undefined;
  if (!kind) {
    const named = run.action === undefined ? 'no action' : `the action ${quote(run.action)}`;
    return { kind: 'skip', reason: `The workflow_run webhook of run ${run.id} names ${named}, which is neither the start (requested, in_progress) nor the end (completed) of a run. No event was sent.` };
  }
  return half(kind, pairIds(['workflow_run', where.serverUrl, where.repository ?? '', run.id, run.attempt], settings), {
    jobUrl: observedRunUrl(where.serverUrl, where.repository, run),
    startedAt: payloadTime(run.runStartedAt) ?? payloadTime(run.createdAt),
    finishedAt: payloadTime(run.updatedAt),
    outcome: (run.conclusion && CONCLUSIONS.has(run.conclusion) ? run.conclusion : 'unknown') as JobOutcome,
    now,
  });
}

/**
 * What each deployment status state calls for. A final state (`success`, `failure`, `error`) is the end,
 * with that outcome. `pending`, `queued`, `in_progress` and `waiting` (a protected environment awaiting
 * approval) are the start: each one again sends the same id, so OpsTrails keeps the first and the deploy
 * counts once. `inactive` and any state not listed here send nothing: only a final state is a deploy.
 */
const DEPLOYMENT_STATE_PHASES: ReadonlyMap<string, 'start' | 'end' | 'nothing'> = new Map([
  ['pending', 'start'],
  ['queued', 'start'],
  ['in_progress', 'start'],
  ['waiting', 'start'],
  ['success', 'end'],
  ['failure', 'end'],
  ['error', 'end'],
  ['inactive', 'nothing'],
]);

/**
 * The half a deployment status calls for. Start and end pair by the deployment id (and the type and
 * subject), timed from the deployment's creation to the final status.
 *
 * `inactive` sends nothing. GitHub marks a deployment inactive when a newer one to its environment
 * succeeds: it is the newer deploy's consequence, already recorded as that deploy, not a change of its
 * own. An event for it would count as a deploy (with the user's type) or cost quota for a fact the newer
 * deploy's event already states. A state this table does not know (a new one, or none) sends nothing
 * either: sent with the user's type it would count as a deploy that may not have happened.
 */
function deploymentStatusPhase(
  deployment: Deployment,
  where: Where,
  facts: { settings: PairingSettings; runLink: string | undefined; now: Date },
): TriggerPhase {
  const state = deployment.status?.state;
  const phase = state === undefined ? undefined : DEPLOYMENT_STATE_PHASES.get(state);
  if (phase === 'nothing') {
    return {
      kind: 'skip',
      reason: `Deployment ${deployment.id} is now inactive: GitHub marks a deployment so when a newer one to its environment takes its place, which is recorded as that deploy. No event was sent.`,
    };
  }
  if (phase === undefined) {
    const named = state === undefined ? 'no state' : `the state ${quote(state)}`;
    return {
      kind: 'skip',
      reason: `Deployment ${deployment.id} reported ${named}, which is neither the start nor the end of a deploy (pending, queued, in_progress, waiting; success, failure, error). No event was sent.`,
    };
  }
  const reportedAt = payloadTime(deployment.status?.createdAt);
  return half(phase, pairIds(['deployment', where.serverUrl, where.repository ?? '', deployment.id], facts.settings), {
    jobUrl: deployment.status?.targetUrl ?? facts.runLink,
    startedAt: phase === 'start' ? reportedAt : payloadTime(deployment.createdAt),
    finishedAt: reportedAt,
    outcome: state as JobOutcome,
    now: facts.now,
  });
}

/**
 * The half of a start/end pair this run's trigger calls for, a skip, or undefined for a single event:
 * observer mode (`workflow_run`) and `deployment_status`. `now` times what the payload leaves untimed.
 */
export function triggerPhase(context: WorkflowContext, settings: PairingSettings, now: Date): TriggerPhase | undefined {
  const { trigger } = context;
  if (trigger.kind === 'observed-run') return observedRunPhase(trigger.run, context, settings, now);
  // A `deployment` run is a deployment too, but only its statuses say where it stands.
  if (trigger.kind === 'deployment' && context.eventName === 'deployment_status') {
    return deploymentStatusPhase(trigger.deployment, context, { settings, runLink: runUrl(context), now });
  }
  return undefined;
}

/**
 * The type of an event about a fork's run, recorded under `observe-forks`, when the user's type is one
 * OpsTrails counts as a deploy or an incident: a stranger's run must not count in deployment policies,
 * rollback rate, DORA metrics or incident counts.
 */
export const FORK_RUN_TYPE = 'fork-run';

/** The types OpsTrails' guardrails and DORA metrics count (opstrails-api.md), which a fork's run never takes. */
const COUNTED_TYPES: ReadonlySet<string> = new Set(['deployment', 'rollback', 'deployment-status', 'incident', 'data-load']);

/** The type of an event about a fork's run: the user's, unless OpsTrails would count it. */
export function forkRunType(type: string): string {
  return COUNTED_TYPES.has(type.toLowerCase()) ? FORK_RUN_TYPE : type;
}

/** Whether the event is about a run of code that is not this repository's (recorded under observe-forks). */
export function isForkRun(context: WorkflowContext): boolean {
  return context.trigger.kind === 'observed-run' && foreignCode(context.trigger.run, context.repository) !== undefined;
}
