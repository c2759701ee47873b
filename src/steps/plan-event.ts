// What the main step sends, decided without side effects: the half of a pair the trigger calls for (or
// nothing), the event's type (`-started` for a start, `rollback` when the lookups found one), its id,
// job phase and severity, and what track-job must save for the post step. main.ts reads, looks up,
// sends and reports around it; unit tests call it to see what a run would send.
import type { ChangeFacts } from '../change/collect.js';
import { ConfigError } from '../common/errors.js';
import { jobUrl, runUrl, type WorkflowContext } from '../context/workflow-context.js';
import { buildEvent, type CloudEvent, type JobPhase } from '../event/cloud-event.js';
import { forkRunType, isForkRun, triggerPhase, type TriggerPhase } from '../event/pairing.js';
import { assertEndFits, endSeverity, startEventType } from '../event/track-job.js';
import { eventType, type Shipped } from '../github/shipped.js';
import { INPUT_DEFAULTS } from '../inputs/defaults.js';
import type { Settings } from '../inputs/settings.js';

/**
 * The half of a start/end pair the trigger calls for, a skip, or undefined for a single event.
 * track-job times this job itself, so it wins over the pair a workflow_run or deployment_status calls for.
 */
export function pairedHalf(settings: Settings, context: WorkflowContext, now: Date): TriggerPhase | undefined {
  return settings.trackJob ? undefined : triggerPhase(context, settings, now);
}

export interface PlanInput {
  settings: Settings;
  context: WorkflowContext;
  change: ChangeFacts;
  /** What the GitHub lookups found shipped; says whether this deploy is a rollback. */
  shipped: Shipped | undefined;
  /** When the step ran. */
  now: Date;
  /** Fresh random ids, used where neither the user nor the trigger names one. */
  fresh: { eventId: string; contextId: string };
}

/** What track-job saves before delivery, so the post step can send the end event. */
export interface TrackJobStart {
  event: CloudEvent;
  startedAt: string;
}

export type EventPlan =
  /** Nothing is sent, and the reason is logged in one line (a deployment gone inactive). */
  | { kind: 'skip'; reason: string }
  /** Under track-job, a start whose end event could not be sent: the error to report, after the warnings. */
  | { kind: 'refuse'; event: CloudEvent; warnings: string[]; error: ConfigError }
  | {
      kind: 'send';
      event: CloudEvent;
      /** One line each, to log as warnings, in order. */
      warnings: string[];
      /** The start or end of a job, or undefined for a single event. */
      job: JobPhase | undefined;
      /** How the job summary names the event: `Event`, `Start event` or `End event`. */
      title: string;
      /** Set under track-job: to save before delivery. */
      trackJobStart: TrackJobStart | undefined;
    };

/**
 * The event to send and how, or the reason to send none. Throws ConfigError on inputs that cannot make
 * an event at all (no source outside a repository).
 */
export function planEvent({ settings, context, change, shipped, now, fresh }: PlanInput): EventPlan {
  const pair = pairedHalf(settings, context, now);
  if (pair?.kind === 'skip') return pair;
  // Past the skip, a fork's run is recorded only because observe-forks asked for it: marked, and never
  // counted as a deploy, a rollback or an incident, however it went.
  const fork = pair !== undefined && isForkRun(context);
  const recorded: Settings = fork ? { ...settings, data: { ...settings.data, fork: true }, failureSeverity: undefined } : settings;
  // A rollback found by the lookups changes a type left at its default; a start event adds -started to it.
  const found = eventType(settings.type, INPUT_DEFAULTS.type, settings.detectRollback, shipped);
  const type = fork ? forkRunType(found) : found;
  const job: JobPhase | undefined = settings.trackJob
    ? { phase: 'started', contextId: fresh.contextId, jobUrl: jobUrl(context, settings.checkRunId) ?? runUrl(context) }
    : pair?.job;
  const { event, warnings } = buildEvent({
    settings: recorded,
    context,
    change,
    job,
    id: pair?.id ?? settings.id ?? fresh.eventId,
    type: job?.phase === 'started' ? startEventType(type) : type,
    now: pair?.at ?? now,
    severity: job?.phase === 'finished' ? endSeverity(recorded.failureSeverity, settings.severity, job.outcome) : undefined,
  });
  if (!job && settings.failureSeverity) {
    warnings.push(
      'Input "failure-severity" has no effect on a single event: it marks the end event of track-job, of a watched workflow_run or of a deployment_status. Set track-job: true, or remove failure-severity.',
    );
  }
  if (settings.trackJob) {
    try {
      assertEndFits(event, settings);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return { kind: 'refuse', event, warnings, error };
    }
  }
  return {
    kind: 'send',
    event,
    warnings,
    job,
    title: job === undefined ? 'Event' : job.phase === 'started' ? 'Start event' : 'End event',
    trackJobStart: settings.trackJob ? { event, startedAt: now.toISOString() } : undefined,
  };
}
