// Pure rules of track-job: how the job's status becomes the end event's outcome and severity.
import type { CloudEvent, JobOutcome } from './event.js';
import type { Severity } from './limits.js';
import type { Settings } from './settings.js';

/** `job.status` -> outcome; cancelled stays cancelled. Anything else (no runner) is `unknown`. */
export function outcomeOf(jobStatus: string | undefined): JobOutcome {
  return jobStatus === 'success' || jobStatus === 'failure' || jobStatus === 'cancelled' ? jobStatus : 'unknown';
}

export function endSeverity(settings: Pick<Settings, 'failureSeverity'>, start: CloudEvent, outcome: JobOutcome): Severity | undefined {
  if ((outcome === 'failure' || outcome === 'cancelled') && settings.failureSeverity) return settings.failureSeverity;
  return start.severity;
}
