// The post step's work for a tracked job: saved start + job status -> end event -> validate ->
// deliver -> report. Loaded by post.ts only when the main step tracked the job.
import { buildWorkflowContext, jobUrl, runUrl } from '../context/workflow-context.js';
import { ConfigError } from '../common/errors.js';
import { buildEndEvent } from '../event/cloud-event.js';
import { readInputs } from '../inputs/read.js';
import { log } from '../runner/output.js';
import { span } from '../common/log-text.js';
import { verdictFor } from './verdict.js';
import { sendEvent } from './send.js';
import { parseSettings, readStepPolicy } from '../inputs/settings.js';
import { type RawInputs } from '../inputs/names.js';
import { State, type ReadState } from '../runner/state.js';
import { reportConfigError, reportUnexpected } from './problems.js';
import { endEventId, endEventType, endSeverity, finishedJob, readSavedStart, type SavedStart } from '../event/track-job.js';

/** The post step of a tracked job; `finishedAt` is when the job's other steps were done. Never throws. */
export async function runEndJob(finishedAt: Date, readState: ReadState): Promise<void> {
  try {
    await endTrackedJob(finishedAt, readState);
  } catch (error) {
    reportUnexpected(error, 'warn');
  }
}

/** Explains in one line why there is no end event, or sends it. */
async function endTrackedJob(finishedAt: Date, readState: ReadState): Promise<void> {
  const deferred = readState(State.DeferredFailure);
  if (deferred) {
    // The main step let the deploy go on (on-error: auto); now that it has run, the job ends red.
    log.fail(`No end event: ${deferred}. The deploy was not held back (on-error: auto); the job fails here so this stays visible. Fix it and re-run.`);
    return;
  }
  if (readState(State.ConfigFailed) === 'true') {
    log.info('No end event: the main step stopped on its configuration, so no start event was sent. Fix the input its error names and re-run.');
    return;
  }
  const start = readSavedStart(
    {
      startEvent: readState(State.StartEvent),
      startId: readState(State.StartId),
      startedAt: readState(State.StartedAt),
      startStatus: readState(State.StartStatus),
    },
    finishedAt,
  );
  if ('problem' in start) {
    log.info(`No end event: ${start.problem}.`);
    return;
  }

  const raw = readInputs();
  const { onError } = readStepPolicy(raw);
  try {
    await sendEndEvent(start, finishedAt, raw);
  } catch (error) {
    if (error instanceof ConfigError) reportConfigError(error, verdictFor(error, onError, 'job-end'));
    // A bug of ours after the deploy is done fails the job only when the user asked for that.
    else reportUnexpected(error, onError === 'fail' ? 'fail' : 'warn');
  }
}

async function sendEndEvent(start: SavedStart, finishedAt: Date, raw: RawInputs): Promise<void> {
  const settings = await parseSettings(raw, process.env);
  const context = buildWorkflowContext(process.env, {});
  const job = finishedJob(start, {
    jobStatus: settings.jobStatus,
    jobUrl: jobUrl(context, settings.checkRunId) ?? runUrl(context),
    finishedAt,
  });
  const { event, warnings } = buildEndEvent({
    start: start.event,
    settings,
    job,
    id: endEventId(start.event.id),
    type: endEventType(start.event.type),
    severity: endSeverity(settings.failureSeverity, start.event.severity, job.outcome),
  });
  for (const warning of warnings) log.warning(warning);
  log.info(`The job ended: ${job.outcome}, ${span(job.durationSeconds)} after the start event.`);
  if (start.status === 'failed' || start.status === 'unknown') {
    const fate = start.status === 'failed' ? 'was not recorded' : 'may not have been recorded (the main step was stopped while sending it)';
    log.info(`The start event ${fate}; the end event still carries started_at and context_id, so the job can be timed and paired.`);
  }
  // A delivery problem at the end of a job must not turn a finished deploy red unless asked (on-error: fail).
  await sendEvent({ event, title: 'End event', settings, runUrl: runUrl(context), moment: 'job-end', start: { event: start.event, status: start.status, id: start.id } });
}
