// How either step ends on a problem that is not a delivery's: configuration problems and the unexpected.
import type { ConfigError } from '../common/errors.js';
import { log, saveState, setOutput } from '../runner/output.js';
import { State } from '../runner/state.js';
import type { Verdict } from './verdict.js';
import type { OnError } from '../inputs/settings.js';

/** What a `defer` verdict adds to its error line: the deploy is not held back, and the job still ends red. */
const DEFERRED_NOTE = 'on-error: auto lets the deploy go on; the post step fails the job once it is done';

/**
 * A configuration problem at the start of a tracked job under on-error: auto: an error annotation now,
 * and the reason saved for the post step, which fails the job after the deploy (end-job.ts).
 */
export function deferFailure(line: string, reason: string): void {
  log.error(`${line} (${DEFERRED_NOTE}.)`);
  saveState(State.DeferredFailure, reason);
}

/**
 * One line per problem, as an error or a warning; no request has been sent. `status` says `failed`, so a
 * later step can tell that nothing was recorded even when the step stayed green.
 */
export function reportConfigError(error: ConfigError, verdict: Verdict): void {
  for (const problem of error.problems) {
    if (verdict === 'fail') log.error(problem);
    else if (verdict === 'warn') log.warning(`${problem} (on-error: warn, so the step goes on; nothing was sent)`);
    else log.error(`${problem} (Nothing was sent; ${DEFERRED_NOTE}.)`);
  }
  if (verdict === 'defer') saveState(State.DeferredFailure, `the main step stopped on its configuration: ${error.problems.join(' ')}`);
  setOutput('status', 'failed');
  if (verdict === 'fail') process.exitCode = 1;
}

/**
 * A bug of ours: one line, no stack trace in the log (it is in the debug log), never the key. Under
 * on-error: warn even this only warns, because that setting promises the step never fails.
 */
export function reportUnexpected(error: unknown, onError: OnError): void {
  const message = error instanceof Error ? error.message : String(error);
  log.debug(error instanceof Error && error.stack ? error.stack : message);
  const line = `Unexpected error in opstrails/event-action: ${message}. Please report it with the debug log.`;
  if (onError === 'warn') log.warning(line);
  else log.fail(line);
  try {
    setOutput('status', 'failed');
  } catch {
    // The unexpected error may be the output file itself; the line above already told the user.
  }
}
