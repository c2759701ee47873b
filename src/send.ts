// Deliver one built event (or skip it in a dry run) and report it: the step shared by main and post.
import { deliverEvent } from './deliver.js';
import { DeliveryError } from './errors.js';
import type { CloudEvent } from './event.js';
import { appendSummary, log, logJson } from './output.js';
import { verdictFor } from './outcome.js';
import { summaryMarkdown, type EventReport } from './report.js';
import type { OnError, Settings } from './settings.js';
import { USER_AGENT } from './user-agent.js';

export interface SendRequest {
  event: CloudEvent;
  /** `Event` for a single event, `Start event` / `End event` for a paired one. */
  title: string;
  settings: Settings;
  /** The run to link from the summary. */
  runUrl: string | undefined;
  /** `on-error` as it applies to delivery here; the post step never lets `auto` fail the job. */
  onError?: OnError | undefined;
}

export async function sendEvent(request: SendRequest): Promise<EventReport> {
  const { event, title, settings, runUrl } = request;
  const onError = request.onError ?? settings.onError;
  const what = title.toLowerCase();
  if (settings.dryRun) {
    log.info(`Dry run: the ${what} was built and validated, and not sent.`);
    logJson(event);
    const report: EventReport = { title, event, status: 'dry-run', runUrl };
    await appendSummary(summaryMarkdown(report));
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
    const note = delivered.alreadyRecorded ? ' (a retry found it already recorded)' : '';
    log.info(`OpsTrails recorded the ${what} ${delivered.id} at ${delivered.time}${note}.`);
    report = { title, event, status: 'sent', storedId: delivered.id, storedTime: delivered.time, runUrl };
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    const line = `OpsTrails did not record the ${what}: ${error.message}.`;
    const replay = 'The event is in the "event" output and the job summary, ready to replay.';
    if (verdictFor(error, onError) === 'fail') log.fail(`${line} ${replay}`);
    else log.warning(`${line} ${replay} (on-error: ${onError}, so the step goes on)`);
    report = { title, event, status: 'failed', failure: error.message, runUrl };
  }
  await appendSummary(summaryMarkdown(report));
  return report;
}
