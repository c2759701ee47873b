// The main step: read inputs -> settings -> workflow context (and its trigger) -> GitHub lookups ->
// tickets -> the change behind it -> planEvent -> deliver -> report. Wires the pieces; the logic lives
// in them, what to send in plan-event.ts. `run()` never throws and never exits,
// so GitHub's local-action and tests can run the step in-process; src/entry/main.ts is the runner's.
import { randomUUID } from 'node:crypto';
import { collectChange, ticketTexts } from '../change/collect.js';
import { withDeployedCommit } from '../context/deployed-commit.js';
import { buildWorkflowContext, readEventPayload, runUrl, withConfirmedTag, type WorkflowContext } from '../context/workflow-context.js';
import { ConfigError } from '../common/errors.js';
import { INPUT_DEFAULTS } from '../inputs/defaults.js';
import { readInputs } from '../inputs/read.js';
import { planLookups, runLookups, type FoundChange, type LookupOutcome } from '../github/lookups.js';
import { log, saveState, setOutput } from '../runner/output.js';
import { verdictFor } from './verdict.js';
import { pairedHalf, planEvent } from './plan-event.js';
import { isForkRun } from '../event/pairing.js';
import { setEventOutputs, type EventReport } from './report.js';
import { sendEvent } from './send.js';
import { eventType } from '../github/shipped.js';
import { parseSettings, readStepPolicy, type Settings, type StepPolicy } from '../inputs/settings.js';
import { type RawInputs } from '../inputs/names.js';
import { State } from '../runner/state.js';
import { firstTimeInJob } from '../runner/once-per-job.js';
import { reportConfigError, reportUnexpected } from './problems.js';
import { extractTicketsGuarded } from '../change/ticket-pattern.js';

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
  const outcome = await runLookups(plan, { eventTime, workspace: process.env.GITHUB_WORKSPACE });
  log.debug(`GitHub lookups: ${outcome.requestCount} requests.`);
  if (outcome.debug) log.debug(outcome.debug);
  // The same advice (the same permissions to grant) once per job, not once per step.
  if (outcome.notice && firstTimeInJob(`lookup-notice:${outcome.grant?.join(',') ?? outcome.notice}`)) log.notice(outcome.notice);
  else if (outcome.notice) log.debug(`${outcome.notice} (An earlier step of this job gave this notice.)`);
  for (const note of outcome.notes) log.info(note);
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
  const guarded = await extractTicketsGuarded(ticketTexts(context, found, settings.description), {
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
    const runContext = withDeployedCommit(buildWorkflowContext(process.env, payload), settings.commit);
    // Decided before the lookups: a skipped run asks GitHub nothing.
    const pair = pairedHalf(settings, runContext, now);
    if (pair?.kind === 'skip') return skip(pair.reason);
    // The lookups and a user's ticket-pattern share lookup-timeout: together they never hold delivery longer.
    const contextDeadline = Date.now() + settings.lookupTimeoutMs;
    // A fork's run that observe-forks records deployed nothing here: what shipped since the previous
    // deploy, or a rollback, would be false of it, so GitHub is not asked.
    const lookups = pair && isForkRun(runContext) ? undefined : await lookUp(settings, runContext, settings.time && settings.time !== 'NOW' ? new Date(settings.time) : now);
    // The `commit` input's tag or branch, resolved by the lookups: the event records its SHA. A watched
    // run's head_branch the lookups found to be a tag on its commit: the event names the tag.
    const resolved = lookups?.commit ? { ...runContext, sha: lookups.commit } : runContext;
    const context = lookups?.tag ? withConfirmedTag(resolved, lookups.tag) : resolved;
    const found = lookups?.found ?? {};
    const tickets = await findTickets(settings, context, found, contextDeadline - Date.now());
    const change = collectChange(context, { rollbackOf: settings.rollbackOf, tickets, description: settings.description }, found);
    const plan = planEvent({ settings, context, change, shipped: lookups?.shipped, now, fresh: { eventId: randomUUID(), contextId: randomUUID() } });
    if (plan.kind === 'skip') return skip(plan.reason);
    for (const note of plan.notes) log.debug(note);
    for (const warning of plan.warnings) log.warning(warning);
    if (plan.kind === 'refuse') throw plan.error;
    const { event, job, title, trackJobStart } = plan;
    // Saved before delivery: a job cancelled while the start is still being sent still gets its end event.
    if (trackJobStart) {
      saveState(State.StartEvent, JSON.stringify(trackJobStart.event));
      saveState(State.StartedAt, trackJobStart.startedAt);
    }

    const report = await sendEvent({ event, title, settings, runUrl: runUrl(context), moment: trackJobStart ? 'job-start' : 'alone' });
    publishOutputs(report, job ? { 'context-id': job.contextId } : {}, settings);
    if (trackJobStart) {
      saveState(State.StartStatus, report.status);
      saveState(State.StartId, report.storedId ?? event.id);
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (policy.trackJob) saveState(State.ConfigFailed, 'true');
    reportConfigError(error, verdictFor(error, policy.onError, policy.trackJob ? 'job-start' : 'alone'));
  }
}

/** Nothing is sent: the reason in one line, and status `skipped`. */
function skip(reason: string): void {
  log.info(reason);
  setOutput('status', 'skipped');
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
