// How either step ends: configuration problems, the unexpected, and a prompt exit.
import * as core from '@actions/core';
import type { ConfigError } from './errors.js';
import type { Verdict } from './outcome.js';
import type { Redact } from './report.js';

/** One line per problem, as an error or a warning; no request has been sent. */
export function reportConfigError(error: ConfigError, verdict: Verdict, redact: Redact): void {
  for (const problem of error.problems) {
    const line = redact(problem);
    if (verdict === 'fail') core.error(line);
    else core.warning(`${line} (on-error: warn, so the step goes on; nothing was sent)`);
  }
  if (verdict === 'fail') process.exitCode = 1;
}

/** A bug of ours: one line, no stack trace in the log (it is in the debug log), never the key. */
export function reportUnexpected(error: unknown, redact: Redact): void {
  const message = error instanceof Error ? error.message : String(error);
  core.debug(redact(error instanceof Error && error.stack ? error.stack : message));
  core.setFailed(redact(`Unexpected error in opstrails/event-action: ${message}. Please report it with the debug log.`));
}

/**
 * Exits once the work is done, as actions/setup-node does: a socket left open by an abandoned attempt
 * must not keep the step alive. Runner log and file commands are written synchronously, so nothing is lost.
 */
export function finish(): void {
  process.exit();
}
