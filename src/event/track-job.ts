// Pure rules of track-job: what the main step left for the post step, how the job's status becomes the
// end event's outcome and severity, and how the end event is timed and named.
import { ConfigError } from '../common/errors.js';
import { buildEndEvent, type CloudEvent, type JobOutcome, type JobPhase } from './cloud-event.js';
import { isRecord, parseJson } from '../common/json.js';
import type { Severity } from '../common/contract.js';
import { END_ID_SUFFIX, START_TYPE_SUFFIX, type DeliveryStatus } from '../common/step-contract.js';
import type { Settings } from '../inputs/settings.js';

/** `deployment` -> `deployment-started`: a type OpsTrails' guardrails and deploy counts leave alone. */
export function startEventType(type: string): string {
  return `${type}${START_TYPE_SUFFIX}`;
}

/** The end event's type: the user's, read back from the start's so the post step cannot drift from it. */
export function endEventType(startType: string): string {
  return startType.endsWith(START_TYPE_SUFFIX) ? startType.slice(0, -START_TYPE_SUFFIX.length) : startType;
}

/** No job runs longer (GitHub ends a workflow run after 35 days): an older start time is not this job's. */
const MAX_JOB_MS = 35 * 24 * 3600 * 1000;
/** Clocks of the main and post step are the same machine's; a minute covers any step back. */
const CLOCK_SLACK_MS = 60 * 1000;

/** The start of a tracked job, as the main step saved it. */
export interface SavedStart {
  /** The start event as built: the end event repeats its type, source, subject, version and data. */
  event: CloudEvent;
  /** The id OpsTrails stored for the start event: the id sent, unless the server chose its own. */
  id: string;
  /** When the main step began (ISO 8601), the start of the duration. */
  startedAt: string;
  /**
   * How the start event fared; `unknown` when the main step was stopped (the job was cancelled)
   * while it was still delivering.
   */
  status: DeliveryStatus | 'unknown';
}

/** The saved state values, as strings (empty when the main step never saved one). */
export interface SavedStartState {
  startEvent: string;
  startId: string;
  startedAt: string;
  startStatus: string;
}

/**
 * Saved state -> SavedStart, or why there is nothing to pair with (one clause, for a log line).
 * The runner hands state back untouched, so a problem here means the main step never got this far.
 */
export function readSavedStart(state: SavedStartState, finishedAt: Date): SavedStart | { problem: string } {
  if (state.startEvent === '') return { problem: 'the main step stopped before it built the start event, so there is no start to pair with' };
  const event = parseJson(state.startEvent);
  if (!isStartEvent(event)) return { problem: 'the start event the main step saved is unreadable' };
  const startedAt = Date.parse(state.startedAt);
  if (Number.isNaN(startedAt)) return { problem: 'the main step saved no readable start time' };
  const elapsed = finishedAt.getTime() - startedAt;
  if (elapsed < -CLOCK_SLACK_MS || elapsed > MAX_JOB_MS) {
    return { problem: `the start time the main step saved (${new Date(startedAt).toISOString()}) cannot be this job's, so no duration can be given` };
  }
  const status = state.startStatus;
  return {
    event,
    id: state.startId || event.id,
    startedAt: state.startedAt,
    status: status === 'sent' || status === 'dry-run' || status === 'failed' ? status : 'unknown',
  };
}

function isStartEvent(value: unknown): value is CloudEvent {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    typeof value.source === 'string' &&
    isRecord(value.data) &&
    typeof value.data.context_id === 'string'
  );
}

/** `job.status` -> outcome; cancelled stays cancelled. Anything else (run outside a runner) is `unknown`. */
export function outcomeOf(jobStatus: string | undefined): JobOutcome {
  return jobStatus === 'success' || jobStatus === 'failure' || jobStatus === 'cancelled' ? jobStatus : 'unknown';
}

/**
 * Outcomes that mean the work did not get done, in GitHub's words: a job's status, a workflow run's
 * conclusion, a deployment's final state. Not `neutral` or `skipped`, which GitHub itself counts as
 * passing (a required check that ends so does not block a merge), nor `unknown` (no status given).
 */
const FAILED_OUTCOMES: ReadonlySet<JobOutcome> = new Set<JobOutcome>(['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure', 'stale', 'error']);

/** failure-severity marks work that did not succeed; otherwise the end event keeps the start's severity. */
export function endSeverity(failureSeverity: Severity | undefined, startSeverity: Severity | undefined, outcome: JobOutcome): Severity | undefined {
  if (FAILED_OUTCOMES.has(outcome) && failureSeverity !== undefined) return failureSeverity;
  return startSeverity;
}

/** Whole seconds from start to end, rounded; never negative, should the runner's clock step back. */
export function durationSeconds(startedAt: string, finishedAt: Date): number {
  return Math.max(0, Math.round((finishedAt.getTime() - Date.parse(startedAt)) / 1000));
}

/**
 * The end event's id follows from the start's, so the pair can be found from either side and a given
 * `id` yields a stable pair (`deploy-42`, `deploy-42-finished`) whatever the post step's inputs say.
 */
export function endEventId(startId: string): string {
  return `${startId}${END_ID_SUFFIX}`;
}

/** The end of a tracked job, as the end event's data describes it. */
export function finishedJob(
  start: SavedStart,
  facts: { jobStatus: string | undefined; jobUrl: string | undefined; finishedAt: Date },
): Extract<JobPhase, { phase: 'finished' }> {
  return {
    phase: 'finished',
    contextId: start.event.data.context_id as string,
    jobUrl: facts.jobUrl,
    parentId: start.id,
    startedAt: start.startedAt,
    finishedAt: facts.finishedAt.toISOString(),
    durationSeconds: durationSeconds(start.startedAt, facts.finishedAt),
    outcome: outcomeOf(facts.jobStatus),
  };
}

/**
 * The end event repeats the start's data and adds keys of its own, so a start close to the 10 KB limit
 * could leave an end that cannot be sent once the job is done. The main step checks the end with the
 * longest values it can take, so this shows as a configuration error before the job's work begins.
 */
export function assertEndFits(start: CloudEvent, settings: Settings): void {
  const longest = finishedJob(
    { event: start, id: start.id, startedAt: '2000-01-01T00:00:00.000Z', status: 'sent' },
    {
      jobStatus: 'cancelled',
      jobUrl: typeof start.data.job_url === 'string' ? start.data.job_url : undefined,
      finishedAt: new Date('2099-12-31T23:59:59.999Z'),
    },
  );
  try {
    buildEndEvent({ start, settings, job: longest, id: endEventId(start.id), type: endEventType(start.type), severity: endSeverity(settings.failureSeverity, start.severity, 'cancelled') });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(error.problems.map((problem) => `With track-job, the end event would not fit: ${problem}`));
  }
}
