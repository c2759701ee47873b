// Deliver one built event (or skip it in a dry run) and report it: the step shared by main and post.
import { deliverEvent } from '../delivery/deliver.js';
import { DeliveryError } from '../common/errors.js';
import type { CloudEvent } from '../event/cloud-event.js';
import { quote } from '../common/log-text.js';
import { appendSummary, log, logJson } from '../runner/output.js';
import { verdictFor, type Moment } from './verdict.js';
import { summaryMarkdown, type EventReport, type StartReport } from './report.js';
import { deferFailure } from './problems.js';
import { storyLines } from './story.js';
import type { Settings } from '../inputs/settings.js';
import { USER_AGENT } from '../http/user-agent.js';

export interface SendRequest {
  event: CloudEvent;
  /** `Event` for a single event, `Start event` / `End event` for a paired one: how the log names it. */
  title: string;
  settings: Settings;
  /** The run to link from the summary. */
  runUrl: string | undefined;
  /** Where the step stands relative to the deploy (verdict.ts); `alone` unless a tracked job's. */
  moment?: Moment | undefined;
  /** For the end event of a tracked job: its start, reported with it in one summary section. */
  start?: StartReport | undefined;
}

/**
 * The summary section of an event. A tracked job's start and end share one section, written by the post
 * step; the main step writes its own only for a start that was not delivered, so the event to replay is
 * in the summary even if the post step never runs.
 */
async function summarize(report: EventReport, request: SendRequest): Promise<void> {
  if (request.moment === 'job-start' && report.status !== 'failed') return;
  await appendSummary(summaryMarkdown({ ...report, start: request.start }));
}

/**
 * A 409 on the first attempt: OpsTrails held this id before the step ran, so the event is recorded and
 * the step goes on. With an id the action derived (workflow_run, deployment_status), that is a webhook
 * delivered again or the observer re-run: expected, one info line. With the user's `id`, it is a re-run
 * of the same job, or a mistake: an id shared by the legs of a matrix records the first leg only. The
 * action cannot tell which, so it warns once, with the fix, rather than fail a deploy that has happened.
 */
function reportAlreadyRecorded(event: CloudEvent, what: string, settings: Settings): void {
  if (settings.id === undefined) {
    log.info(`OpsTrails already holds the ${what} ${event.id}: an earlier delivery of this webhook, or an earlier run of this workflow, recorded it. Nothing new was recorded.`);
    return;
  }
  log.warning(
    `OpsTrails already holds an event with id ${quote(event.id, 80)} (409), so the ${what} was not recorded again. That is expected when this job is re-run with the same "id"; if this run should record an event of its own (a matrix leg, another deploy), make "id" unique per job and attempt, e.g. deploy-\${{ github.run_id }}-\${{ github.run_attempt }}-\${{ strategy.job-index }}.`,
  );
}

/** The story line (story.ts), and the event id at debug level. */
function tellStory(event: CloudEvent, delivery: Parameters<typeof storyLines>[1]): void {
  const { info, debug } = storyLines(event, delivery);
  log.info(info);
  log.debug(debug);
}

export async function sendEvent(request: SendRequest): Promise<EventReport> {
  const { event, title, settings, runUrl } = request;
  const { onError } = settings;
  const what = title.toLowerCase();
  if (settings.dryRun) {
    log.info(`Dry run: the ${what} was built and validated, and not sent.`);
    tellStory(event, { status: 'dry-run' });
    logJson(event);
    const report: EventReport = { event, status: 'dry-run', runUrl };
    await summarize(report, request);
    return report;
  }
  let report: EventReport;
  try {
    const delivered = await deliverEvent(event, {
      eventsUrl: settings.eventsUrl,
      apiKey: settings.apiKey ?? '',
      retries: settings.retries,
      timeoutMs: settings.timeoutMs,
      userAgent: USER_AGENT,
      onRetry: ({ attempt, waitMs, reason }) => log.info(`Attempt ${attempt} failed: ${reason}. Retrying in ${(waitMs / 1000).toFixed(1)} s.`),
    });
    for (const warning of delivered.warnings) log.warning(warning);
    if (delivered.alreadyRecorded === 'before-this-step') reportAlreadyRecorded(event, what, settings);
    else {
      tellStory(event, { status: 'sent', storedId: delivered.id });
      if (delivered.alreadyRecorded) log.info('A retry found the event already recorded: it was recorded once.');
    }
    report = { event, status: 'sent', storedId: delivered.id, storedTime: delivered.time, runUrl };
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    const line = `OpsTrails did not record the ${what}: ${error.message}.`;
    const replay = 'The event is in the "event" output and the job summary, ready to replay.';
    const verdict = verdictFor(error, onError, request.moment);
    if (verdict === 'fail') log.fail(`${line} ${replay}`);
    else if (verdict === 'defer') deferFailure(`${line} ${replay}`, `OpsTrails did not record this job's start event: ${error.message}`);
    else log.warning(`${line} ${replay} (on-error: ${onError}, so the step goes on)`);
    report = { event, status: 'failed', failure: error.message, runUrl };
  }
  await summarize(report, request);
  return report;
}
