// Deliver one built event (or skip it in a dry run) and report it: the step shared by main and post.
import * as core from '@actions/core';
import { deliverEvent } from './deliver.js';
import { DeliveryError } from './errors.js';
import type { CloudEvent } from './event.js';
import { verdictFor } from './outcome.js';
import { summaryMarkdown, writeSummary, type EventReport, type Redact } from './report.js';
import type { OnError, Settings } from './settings.js';
import { USER_AGENT } from './user-agent.js';

export async function sendAndReport(
  event: CloudEvent,
  settings: Settings,
  redact: Redact,
  title: string,
  runUrl: string | undefined,
  /** `on-error` as it applies to delivery here; the post step never lets `auto` fail the job. */
  onError: OnError = settings.onError,
): Promise<EventReport> {
  if (settings.dryRun) {
    core.info(`Dry run: the ${title.toLowerCase()} was built and validated, and not sent.`);
    core.info(redact(JSON.stringify(event, null, 2)));
    const report: EventReport = { title, event, status: 'dry-run', runUrl };
    await writeSummary(summaryMarkdown(report, redact));
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
      onRetry: ({ attempt, waitMs, reason }) =>
        core.info(redact(`Attempt ${attempt} failed: ${reason}. Retrying in ${(waitMs / 1000).toFixed(1)} s.`)),
    });
    const note = delivered.alreadyRecorded ? ' (a retry found it already recorded)' : '';
    core.info(redact(`OpsTrails recorded the ${title.toLowerCase()} ${delivered.id} at ${delivered.time}${note}.`));
    report = { title, event, status: 'sent', storedId: delivered.id, storedTime: delivered.time, runUrl };
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    const line = redact(`OpsTrails did not record the ${title.toLowerCase()}: ${error.message}.`);
    const replay = 'The event is in the "event" output and the job summary, ready to replay.';
    if (verdictFor(error, onError) === 'fail') core.setFailed(`${line} ${replay}`);
    else core.warning(`${line} ${replay} (on-error: ${onError}, so the step goes on)`);
    report = { title, event, status: 'failed', failure: error.message, runUrl };
  }
  await writeSummary(summaryMarkdown(report, redact));
  return report;
}
