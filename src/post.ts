// Entry of the post step (track-job): read saved state + job status -> build end event -> validate ->
// deliver -> report. Without track-job it does nothing and prints nothing.
import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { buildWorkflowContext, jobUrl, runUrl } from './context.js';
import { ConfigError } from './errors.js';
import { buildEndEvent, type CloudEvent } from './event.js';
import { endSeverity, outcomeOf } from './track-job.js';
import { maskSecrets, readRawInputs } from './inputs.js';
import { onErrorFromRaw, verdictFor } from './outcome.js';
import { makeRedactor, type Redact } from './report.js';
import { sendAndReport } from './send.js';
import { END_ID_SUFFIX, parseSettings, type RawInputs } from './settings.js';
import { readState, State } from './state.js';
import { finish, reportConfigError, reportUnexpected } from './step.js';

async function runPost(raw: RawInputs, redact: Redact): Promise<void> {
  if (readState(State.TrackJob) !== 'true') return;
  if (readState(State.ConfigFailed) === 'true') {
    core.info('No end event: the main step stopped on its configuration (see its error), so there is no start to pair with.');
    return;
  }
  const startJson = readState(State.StartEvent);
  if (!startJson) {
    core.info('No end event: the main step did not get as far as building the start event.');
    return;
  }
  const finishedAt = new Date();
  try {
    const settings = await parseSettings(raw, process.env);
    const start = JSON.parse(startJson) as CloudEvent;
    const startedAt = readState(State.StartedAt) || start.time;
    const outcome = outcomeOf(settings.jobStatus);
    const context = buildWorkflowContext(process.env, {});
    const contextId = typeof start.data.context_id === 'string' ? start.data.context_id : randomUUID();
    const { event, warnings } = buildEndEvent({
      start,
      settings,
      id: settings.id ? `${settings.id}${END_ID_SUFFIX}` : randomUUID(),
      severity: endSeverity(settings, start, outcome),
      job: {
        phase: 'finished',
        contextId,
        parentId: start.id,
        jobUrl: jobUrl(context, settings.checkRunId) ?? runUrl(context),
        startedAt,
        finishedAt: finishedAt.toISOString(),
        durationSeconds: Math.max(0, Math.round((finishedAt.getTime() - Date.parse(startedAt)) / 1000)),
        outcome,
      },
    });
    for (const warning of warnings) core.warning(redact(warning));
    // A delivery problem at the end of a job must not turn a good deploy red unless asked (on-error: fail).
    await sendAndReport(event, settings, redact, 'End event', runUrl(context), settings.onError === 'fail' ? 'fail' : 'warn');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    reportConfigError(error, verdictFor(error, onErrorFromRaw(raw['on-error'])), redact);
  }
}

const raw = readRawInputs();
const redact = makeRedactor(maskSecrets(raw));
runPost(raw, redact).catch((error: unknown) => reportUnexpected(error, redact)).finally(finish);
