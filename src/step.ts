// How either step ends: configuration problems, the unexpected, and a prompt exit.
import * as core from '@actions/core';
import type { ConfigError } from './errors.js';
import type { Verdict } from './outcome.js';
import type { Redact } from './report.js';
import type { OnError } from './settings.js';

/**
 * One line per problem, as an error or a warning; no request has been sent. `status` says `failed`, so a
 * later step can tell that nothing was recorded even when on-error: warn kept this step green.
 */
export function reportConfigError(error: ConfigError, verdict: Verdict, redact: Redact): void {
  for (const problem of error.problems) {
    const line = redact(problem);
    if (verdict === 'fail') core.error(line);
    else core.warning(`${line} (on-error: warn, so the step goes on; nothing was sent)`);
  }
  core.setOutput('status', 'failed');
  if (verdict === 'fail') process.exitCode = 1;
}

/**
 * A bug of ours: one line, no stack trace in the log (it is in the debug log), never the key. Under
 * on-error: warn even this only warns, because that setting promises the step never fails.
 */
export function reportUnexpected(error: unknown, redact: Redact, onError: OnError): void {
  const message = error instanceof Error ? error.message : String(error);
  core.debug(redact(error instanceof Error && error.stack ? error.stack : message));
  const line = redact(`Unexpected error in opstrails/event-action: ${message}. Please report it with the debug log.`);
  if (onError === 'warn') core.warning(line);
  else core.setFailed(line);
  try {
    core.setOutput('status', 'failed');
  } catch {
    // The unexpected error may be the output file itself; the line above already told the user.
  }
}

/**
 * Exits once the work is done, as actions/setup-node does: a socket left open by an abandoned attempt
 * must not keep the step alive. Runner log and file commands are written synchronously, so nothing is lost.
 */
export function finish(): void {
  process.exit();
}
