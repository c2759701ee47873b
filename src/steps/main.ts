// The main step: read settings -> gather workflow context -> the change behind it -> build event ->
// deliver -> report. Wires the pieces; the logic lives in them. `run()` never throws and never exits,
// so GitHub's local-action and tests can run the step in-process; src/entry/main.ts is the runner's.
import { randomUUID } from 'node:crypto';
import { collectChange, ticketTexts } from '../change/collect.js';
import { buildWorkflowContext, jobUrl, readEventPayload, runUrl, type WorkflowContext } from '../context/workflow-context.js';
import { ConfigError } from '../common/errors.js';
import { buildEvent, type JobPhase } from '../event/cloud-event.js';
import { INPUT_DEFAULTS } from '../inputs/defaults.js';
import { readInputs } from '../inputs/read.js';
import { planLookups, runLookups, type FoundChange, type LookupOutcome } from '../github/lookups.js';
import { log, saveState, setOutput } from '../runner/output.js';
import { verdictFor } from './verdict.js';
import { payloadPhase } from '../event/pairing.js';
import { setEventOutputs, type EventReport } from './report.js';
import { sendEvent } from './send.js';
import { eventType } from '../github/shipped.js';
import { parseSettings, readStepPolicy, type Settings, type StepPolicy } from '../inputs/settings.js';
import { type RawInputs } from '../inputs/names.js';
import { State } from '../runner/state.js';
import { firstTimeInJob } from '../runner/once-per-job.js';
import { reportConfigError, reportUnexpected } from './problems.js';
import { extractTicketsGuarded } from '../change/ticket-pattern.js';
import { assertEndFits, endSeverity, startEventType } from '../event/track-job.js';

/** The least time a user's ticket-pattern gets, even when the lookups used up their budget. */
const MIN_PATTERN_BUDGET_MS = 100;

export async function run(): Promise<void> {
  const raw = readInputs();
  const policy = readStepPolicy(raw);
  try {
    await runMain(raw, policy);
  } catch (error) {
    reportUnexpected(error, policy.onError);
  }
}

/**
 * What the GitHub API adds: the pull request, the previous deploy and what shipped since. Nothing is
 * asked (and the API client is not loaded) without a token, with include-context: false, or when there
 * is nothing to ask. What could not be found is one notice line; a rollback found is one info line.
 */
async function lookUp(settings: Settings, context: WorkflowContext, eventTime: Date): Promise<LookupOutcome | undefined> {
  const plan = planLookups(context, settings);
  if (!plan) return undefined;
  const outcome = await runLookups(plan, { eventTime });
  log.debug(`GitHub lookups: ${outcome.requestCount} requests.`);
  if (outcome.debug) log.debug(outcome.debug);
  // The same advice (the same permissions to grant) once per job, not once per step.
  if (outcome.notice && firstTimeInJob(`lookup-notice:${outcome.grant?.join(',') ?? outcome.notice}`)) log.notice(outcome.notice);
  else if (outcome.notice) log.debug(`${outcome.notice} (An earlier step of this job gave this notice.)`);
  const { shipped } = outcome;
  if (shipped?.rollback) {
    const type = eventType(settings.type, INPUT_DEFAULTS.type, settings.detectRollback, shipped);
    const recorded = type === 'rollback' ? 'recorded as type rollback' : `type stays ${JSON.stringify(settings.type)}`;
    log.info(
      `This commit is behind the previous deploy (${shipped.previous.version ?? shipped.previous.ref}, found by ${shipped.previous.foundBy}): it takes out ${shipped.count} commit${shipped.count === 1 ? '' : 's'}, ${recorded}.`,
    );
  }
  return outcome;
}

/**
 * The tickets of the change, with the user's ticket-pattern under what is left of the lookup budget (at
 * least MIN_PATTERN_BUDGET_MS, so a simple pattern runs after slow lookups too), else the built-in one.
 */
async function findTickets(settings: Settings, context: WorkflowContext, found: FoundChange, budgetMs: number): Promise<readonly string[] | undefined> {
  if (!settings.includeContext || !settings.ticketPattern) return undefined;
  const guarded = await extractTicketsGuarded(ticketTexts(context, found), {
    pattern: settings.ticketPattern,
    repository: context.repository,
    budgetMs: Math.max(MIN_PATTERN_BUDGET_MS, budgetMs),
  });
  if (guarded.warning) log.warning(guarded.warning);
  return guarded.tickets;
}

async function runMain(raw: RawInputs, policy: StepPolicy): Promise<void> {
  const now = new Date();
  // Saved before the inputs are parsed, so the post step knows to explain a configuration failure.
  if (policy.trackJob) saveState(State.TrackJob, 'true');
  try {
    const settings = await parseSettings(raw, process.env);
    for (const warning of settings.warnings) log.warning(warning);
    const { payload, problem } = readEventPayload(process.env.GITHUB_EVENT_PATH);
    if (problem) log.warning(`${problem}; the event is sent with less context.`);
    const context = buildWorkflowContext(process.env, payload);
    // track-job times this job itself, so it wins over the pair a workflow_run or deployment_status payload calls for.
    const pair = settings.trackJob ? undefined : payloadPhase(context, settings.id, now);
    if (pair?.kind === 'skip') {
      log.info(pair.reason);
      setOutput('status', 'skipped');
      return;
    }
    // The lookups and a user's ticket-pattern share lookup-timeout: together they never hold delivery longer.
    const contextDeadline = Date.now() + settings.lookupTimeoutMs;
    const lookups = await lookUp(settings, context, settings.time && settings.time !== 'NOW' ? new Date(settings.time) : now);
    const found = lookups?.found ?? {};
    const tickets = await findTickets(settings, context, found, contextDeadline - Date.now());
    const change = collectChange(context, { rollbackOf: settings.rollbackOf, tickets }, found);
    // A rollback found by the lookups changes a type left at its default; a start event adds -started to it.
    const type = eventType(settings.type, INPUT_DEFAULTS.type, settings.detectRollback, lookups?.shipped);
    const job: JobPhase | undefined = settings.trackJob
      ? { phase: 'started', contextId: randomUUID(), jobUrl: jobUrl(context, settings.checkRunId) ?? runUrl(context) }
      : pair?.job;
    const { event, warnings } = buildEvent({
      settings,
      context,
      change,
      job,
      id: pair?.id ?? settings.id ?? randomUUID(),
      type: job?.phase === 'started' ? startEventType(type) : type,
      now: pair?.at ?? now,
      severity: job?.phase === 'finished' ? endSeverity(settings.failureSeverity, settings.severity, job.outcome) : undefined,
    });
    for (const warning of warnings) log.warning(warning);
    if (!job && settings.failureSeverity) {
      log.warning(
        'Input "failure-severity" has no effect on a single event: it marks the end event of track-job, of a watched workflow_run or of a deployment_status. Set track-job: true, or remove failure-severity.',
      );
    }
    // Saved before delivery: a job cancelled while the start is still being sent still gets its end event.
    if (settings.trackJob) {
      assertEndFits(event, settings);
      saveState(State.StartEvent, JSON.stringify(event));
      saveState(State.StartedAt, now.toISOString());
    }

    const title = job === undefined ? 'Event' : job.phase === 'started' ? 'Start event' : 'End event';
    const report = await sendEvent({ event, title, settings, runUrl: runUrl(context), moment: settings.trackJob ? 'job-start' : 'alone' });
    publishOutputs(report, job ? { 'context-id': job.contextId } : {}, settings);
    if (settings.trackJob) {
      saveState(State.StartStatus, report.status);
      saveState(State.StartId, report.storedId ?? event.id);
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (policy.trackJob) saveState(State.ConfigFailed, 'true');
    reportConfigError(error, verdictFor(error, policy.onError, policy.trackJob ? 'job-start' : 'alone'));
  }
}

/**
 * The outputs come after delivery: if the runner's output file cannot be written, the event is already
 * recorded, so that is reported on its own and fails the step only under on-error: fail.
 */
function publishOutputs(report: EventReport, extra: Record<string, string>, settings: Settings): void {
  try {
    setEventOutputs(report, extra);
  } catch (error) {
    const line = `The step's outputs could not be written (${(error as Error).message}); the event's status is ${report.status}.`;
    if (settings.onError === 'fail') log.fail(line);
    else log.warning(line);
  }
}
