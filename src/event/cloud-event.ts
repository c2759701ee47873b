// Settings + WorkflowContext (+ the change behind it, + the job phase) -> one CloudEvent that fits the
// OpsTrails contract. Pure: the clock and the id are passed in.
import * as z from 'zod/mini';
import { defaultSource, runUrl, type WorkflowContext } from '../context/workflow-context.js';
import type { ChangeFacts } from '../change/collect.js';
import { ConfigError } from '../common/errors.js';
import { compact } from '../common/json.js';
import { LIMITS, SEVERITIES, type Severity } from '../common/contract.js';
import { shorten } from '../common/log-text.js';
import type { Settings } from '../inputs/settings.js';

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  subject?: string;
  severity?: Severity;
  version?: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema?: string;
  data: Record<string, unknown>;
}

/** Where in a tracked job this event stands (track-job); absent for a single event. */
export type JobPhase =
  | { phase: 'started'; contextId: string; jobUrl: string | undefined }
  | {
      phase: 'finished';
      contextId: string;
      jobUrl: string | undefined;
      parentId: string;
      startedAt: string;
      finishedAt: string;
      durationSeconds: number;
      outcome: JobOutcome;
    };

/**
 * How the tracked work ended, in GitHub's own words, never folded together: a job's status
 * (`success`, `failure`, `cancelled`), a watched workflow run's conclusion (also `timed_out`,
 * `action_required`, `startup_failure`, `stale`, `neutral`, `skipped`), or a deployment's final state
 * (also `error`). `unknown` only when GitHub gave none (the action run outside GitHub Actions).
 */
export type JobOutcome =
  | 'success'
  | 'failure'
  | 'cancelled'
  | 'timed_out'
  | 'action_required'
  | 'startup_failure'
  | 'stale'
  | 'neutral'
  | 'skipped'
  | 'error'
  | 'unknown';

export interface EventInput {
  settings: Settings;
  context: WorkflowContext;
  change: ChangeFacts;
  job?: JobPhase | undefined;
  /** The event id to use (the user's, a new UUID, or one derived from the payload). */
  id: string;
  /** The event's type when it is not the `type` input: the start event's `<type>-started`. */
  type?: string | undefined;
  /** The moment the step ran, used when the user gave no `time`. */
  now: Date;
  /** Overrides the severity (failure-severity on a failed job's end event). */
  severity?: Severity | undefined;
}

export interface BuiltEvent {
  event: CloudEvent;
  /** Things the user should know: values cut to fit, context dropped to fit. One line each. */
  warnings: string[];
}

/**
 * Keys of `data` that the action may drop, first to last, when the event would exceed the payload
 * limit. User-given keys are never in this list. The biggest and most easily found elsewhere go first:
 * the commit list and the pull requests of the range (the compare view lists them too), the ticket list
 * (`ticket` keeps the first), the authors, the links (they repeat URLs found in other keys), then the
 * pull request and compare URL, a dispatch's inputs, a derived description, the workflow facts, and last
 * the small keys that say what the change was: the deployment, the previous deploy, the reverted commit,
 * the lead time and the ticket.
 * Never dropped: `rollback_of` (an input, or the version a found rollback undoes) and the track-job keys
 * that pair start and end events.
 */
export const TRIM_ORDER: readonly string[] = [
  'commits',
  'removed',
  'reverted',
  'pull_requests',
  'tickets',
  'authors',
  'links',
  'pull_request',
  'compare_url',
  'paths',
  'inputs',
  'description',
  'workflow',
  'job',
  'event_name',
  'triggered_by',
  'ref',
  'run_url',
  'repository',
  'deployer',
  'commit',
  'deployment',
  'previous',
  'first_commit_at',
  'reverts',
  'lead_time_seconds',
  'restores',
  'ticket',
];

/** The contract, as a schema: the last check before anything is sent. */
const cloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().check(z.minLength(1), z.maxLength(LIMITS.id)),
  type: z.string().check(z.minLength(1), z.maxLength(LIMITS.type)),
  source: z.string().check(z.minLength(1), z.maxLength(LIMITS.source)),
  subject: z.optional(z.string().check(z.minLength(1), z.maxLength(LIMITS.subject))),
  severity: z.optional(z.enum(SEVERITIES)),
  version: z.optional(z.string().check(z.minLength(1), z.maxLength(LIMITS.version))),
  time: z.string().check(z.minLength(1)),
  datacontenttype: z.literal('application/json'),
  dataschema: z.optional(z.string()),
  data: z.record(z.string(), z.unknown()),
});

export function payloadBytes(event: CloudEvent): number {
  return Buffer.byteLength(JSON.stringify(event), 'utf8');
}

/** The field order readers of the JSON (the `event` output, the summary, replays) expect; data last. */
const FIELD_ORDER = ['specversion', 'id', 'type', 'source', 'subject', 'severity', 'version', 'time', 'datacontenttype', 'dataschema', 'data'] as const;

function inContractOrder(event: CloudEvent): CloudEvent {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (event[key] !== undefined) ordered[key] = event[key];
  return ordered as unknown as CloudEvent;
}

/** The run facts every event carries unless include-context is false. */
function workflowData(context: WorkflowContext): Record<string, unknown> | undefined {
  return compact({
    deployer: context.actor,
    triggered_by: context.triggeringActor && context.triggeringActor !== context.actor ? context.triggeringActor : undefined,
    repository: context.repository,
    commit: context.sha,
    ref: context.ref,
    run_url: runUrl(context),
    workflow: context.workflow,
    job: context.job,
    event_name: context.runEvent,
  });
}

function jobData(job: JobPhase): Record<string, unknown> | undefined {
  if (job.phase === 'started') {
    return compact({ context_id: job.contextId, phase: 'started', job_url: job.jobUrl });
  }
  return compact({
    context_id: job.contextId,
    phase: 'finished',
    parent_id: job.parentId,
    outcome: job.outcome,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
    duration_seconds: job.durationSeconds,
    job_url: job.jobUrl,
  });
}

/** The `data` keys track-job fills in, on the start event or the end event. */
const JOB_KEYS = ['context_id', 'phase', 'parent_id', 'outcome', 'started_at', 'finished_at', 'duration_seconds', 'job_url'] as const;

/**
 * Writes the track-job keys over `data`. They are the action's, unlike other keys where the user's
 * win: a `data` key named `phase` or `context_id` would unpair the start and end events.
 */
function claimJobKeys(data: Record<string, unknown>, job: JobPhase | undefined, userData: Record<string, unknown>, warnings: string[]): void {
  if (!job) return;
  const keys = jobData(job);
  const clashes = JOB_KEYS.filter((key) => Object.hasOwn(userData, key));
  if (clashes.length > 0) {
    warnings.push(`Input "data" sets ${clashes.join(', ')}, names the action keeps for pairing start and end events, so your values were left out. Rename those keys in "data".`);
  }
  for (const key of clashes) delete data[key];
  Object.assign(data, keys);
}

/** The last check before anything is sent. */
function assertContract(event: CloudEvent): void {
  const checked = cloudEventSchema.safeParse(event);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ConfigError(`The event breaks the OpsTrails contract at "${issue?.path.join('.')}": ${issue?.message}.`);
  }
}

/** Version when the user gave none: the release or tag name, else the short commit SHA. */
function derivedVersion(context: WorkflowContext, change: ChangeFacts): string | undefined {
  if (change.version) return change.version;
  if (context.refType === 'tag' && context.refName) return context.refName;
  return context.sha ? context.sha.slice(0, 7) : undefined;
}

export function buildEvent(input: EventInput): BuiltEvent {
  const { settings, context, change, job } = input;
  const warnings: string[] = [];
  const derive = (field: 'subject' | 'version', value: string | undefined, max: number): string | undefined => {
    if (value === undefined || value.length <= max) return value;
    warnings.push(`The ${field} derived from the run is longer than ${max} characters and was cut. Set "${field}" to choose it.`);
    return shorten(value, max);
  };

  const source = settings.source ?? defaultSource(context);
  if (!source) {
    throw new ConfigError('Input "source" has no default outside a GitHub repository run (GITHUB_REPOSITORY is unset). Set "source", e.g. BE or //github.com/acme/api.');
  }

  const description = settings.description ?? (settings.includeContext ? change.description : undefined);
  const data: Record<string, unknown> = {
    ...(description === undefined ? {} : { description }),
    ...(settings.includeContext ? workflowData(context) : {}),
    ...(settings.includeContext ? change.data : {}),
  };
  if (!settings.includeContext && settings.rollbackOf) data.rollback_of = settings.rollbackOf;
  // User keys win. Defined, not assigned, so a user key named __proto__ stays a plain data key.
  for (const [key, value] of Object.entries(settings.data)) {
    Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
  }
  claimJobKeys(data, job, settings.data, warnings);
  if (typeof data.description === 'string' && data.description.length > LIMITS.description) {
    warnings.push(`The description is ${data.description.length} characters; OpsTrails keeps ${LIMITS.description}, so it was cut to ${LIMITS.description}.`);
    data.description = shorten(data.description, LIMITS.description);
  }

  const event: CloudEvent = {
    specversion: '1.0',
    id: input.id,
    type: input.type ?? settings.type,
    source,
    time: settings.time ?? input.now.toISOString(),
    datacontenttype: 'application/json',
    data,
  };
  const subject = settings.subject ?? derive('subject', settings.includeContext ? change.subject : undefined, LIMITS.subject);
  const version = settings.version ?? derive('version', settings.includeContext ? derivedVersion(context, change) : undefined, LIMITS.version);
  const severity = input.severity ?? settings.severity;
  if (subject !== undefined) event.subject = subject;
  if (severity !== undefined) event.severity = severity;
  if (version !== undefined) event.version = version;
  if (settings.dataschema !== undefined) event.dataschema = settings.dataschema;

  fitToBudget(event, settings, warnings);
  assertContract(event);
  return { event: inContractOrder(event), warnings };
}

/**
 * Keeps the event within the 10 KB payload limit by dropping automatic context in TRIM_ORDER. What the
 * user gave is never dropped: if it alone is too large, that is a configuration error.
 */
function fitToBudget(event: CloudEvent, settings: Settings, warnings: string[]): void {
  if (payloadBytes(event) <= LIMITS.payloadBytes) return;
  const dropped: string[] = [];
  for (const key of TRIM_ORDER) {
    if (payloadBytes(event) <= LIMITS.payloadBytes) break;
    if (key in event.data && !givenByUser(key, settings)) {
      delete event.data[key];
      dropped.push(key);
    }
  }
  if (payloadBytes(event) <= LIMITS.payloadBytes) {
    warnings.push(`The event was over the ${LIMITS.payloadBytes}-byte limit, so this context was left out: ${dropped.join(', ')}.`);
    return;
  }
  const given = [`"data" is ${Buffer.byteLength(JSON.stringify(settings.data))} bytes as JSON`];
  if (settings.description !== undefined) given.push(`"description" is ${Buffer.byteLength(settings.description)} bytes`);
  throw new ConfigError(
    `The event is ${payloadBytes(event)} bytes, over OpsTrails' ${LIMITS.payloadBytes}-byte limit, even with the automatic context left out: what you gave is too large (${given.join(', ')}). Shorten "data"${settings.description !== undefined ? ' or "description"' : ''} to fit.`,
  );
}

/** Whether the user set this `data` key: through `data`, or `description` through its own input. */
function givenByUser(key: string, settings: Settings): boolean {
  return Object.hasOwn(settings.data, key) || (key === 'description' && settings.description !== undefined);
}

export interface EndEventInput {
  /** The start event as the main step built it. */
  start: CloudEvent;
  /** The post step's settings: they tell which `data` keys the user gave, so trimming keeps them. */
  settings: Settings;
  job: Extract<JobPhase, { phase: 'finished' }>;
  id: string;
  /** The user's type, which the start event (`<type>-started`) does not carry as it is. */
  type: string;
  severity: Severity | undefined;
}

/**
 * The end event of a tracked job, built from its start event so the two always pair up: same source,
 * subject, version and data, with the track-job keys of the end written over the start's. Its type is
 * the user's, where the start's is `<type>-started`.
 */
export function buildEndEvent(input: EndEventInput): BuiltEvent {
  const { start, job } = input;
  const warnings: string[] = [];
  // Spread copies data properties as they are, so a saved key named __proto__ stays a plain key.
  const data: Record<string, unknown> = { ...start.data };
  claimJobKeys(data, job, {}, warnings);
  const event: CloudEvent = { ...start, id: input.id, type: input.type, time: job.finishedAt, data };
  if (input.severity !== undefined) event.severity = input.severity;
  else delete event.severity;
  fitToBudget(event, input.settings, warnings);
  assertContract(event);
  return { event: inContractOrder(event), warnings };
}
