// Entry of the main step: read settings -> gather workflow context -> build event -> validate ->
// deliver -> report. Wires the pieces; the logic lives in them.
import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { collectChange, pullRequestLookup, type PullRequest } from './change.js';
import { buildWorkflowContext, jobUrl, readEventPayload, runUrl, type WorkflowContext } from './context.js';
import { ConfigError } from './errors.js';
import { buildEvent, type JobPhase } from './event.js';
import { maskSecrets, readRawInputs } from './inputs.js';
import { onErrorFromRaw, verdictFor } from './outcome.js';
import { makeRedactor, setEventOutputs, type Redact } from './report.js';
import { sendAndReport } from './send.js';
import { parseSettings, type RawInputs, type Settings } from './settings.js';
import { State } from './state.js';
import { assertEndFits } from './track-job.js';
import { finish, reportConfigError, reportUnexpected } from './step.js';

/** For a push run, the pull request that brought the commit in; the API client loads only when this runs. */
async function lookUpPullRequest(settings: Settings, context: WorkflowContext): Promise<PullRequest | undefined> {
  const target = pullRequestLookup(context);
  if (!settings.includeContext || !settings.githubToken || !target) return undefined;
  const { findPullRequest } = await import('./github-api.js');
  return findPullRequest(target, settings.githubToken);
}

async function runMain(raw: RawInputs, redact: Redact): Promise<void> {
  const now = new Date();
  // Decided from the raw input before parsing, so the post step knows to explain a configuration failure.
  const trackJobRequested = raw['track-job'].trim().toLowerCase() === 'true';
  if (trackJobRequested) core.saveState(State.TrackJob, 'true');
  try {
    const settings = await parseSettings(raw, process.env);
    const { payload, problem } = readEventPayload(process.env.GITHUB_EVENT_PATH);
    if (problem) core.warning(`${problem}; the event is sent with less context.`);
    const context = buildWorkflowContext(process.env, payload);
    const change = collectChange(context, { ticketPattern: settings.ticketPattern, rollbackOf: settings.rollbackOf }, await lookUpPullRequest(settings, context));
    const job: JobPhase | undefined = settings.trackJob
      ? { phase: 'started', contextId: randomUUID(), jobUrl: jobUrl(context, settings.checkRunId) ?? runUrl(context) }
      : undefined;
    const { event, warnings } = buildEvent({ settings, context, change, job, id: settings.id ?? randomUUID(), now });
    for (const warning of warnings) core.warning(redact(warning));
    if (!settings.trackJob && settings.failureSeverity) {
      core.warning('Input "failure-severity" has no effect without track-job: true. Set track-job: true, or remove failure-severity.');
    }
    // Saved before delivery: a job cancelled while the start is still being sent still gets its end event.
    if (settings.trackJob) {
      assertEndFits(event, settings);
      core.saveState(State.StartEvent, JSON.stringify(event));
      core.saveState(State.StartedAt, now.toISOString());
    }

    const title = settings.trackJob ? 'Start event' : 'Event';
    const report = await sendAndReport(event, settings, redact, title, runUrl(context));
    setEventOutputs(report, redact, job ? { 'context-id': job.contextId } : {});
    if (settings.trackJob) {
      core.saveState(State.StartStatus, report.status);
      core.saveState(State.StartId, report.storedId ?? event.id);
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (trackJobRequested) core.saveState(State.ConfigFailed, 'true');
    reportConfigError(error, verdictFor(error, onErrorFromRaw(raw['on-error'])), redact);
  }
}

const raw = readRawInputs();
const redact = makeRedactor(maskSecrets(raw));
runMain(raw, redact).catch((error: unknown) => reportUnexpected(error, redact, onErrorFromRaw(raw['on-error']))).finally(finish);
