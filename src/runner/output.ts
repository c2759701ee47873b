// The only way out of the action: log lines, annotations, outputs, saved state and the job summary are
// written here and nowhere else, and every one of them is redacted first. The runner masks secrets in
// the log, but not in the files the action writes (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY), and
// it cannot mask a secret it was never told about, so redaction happens here for all of them.
//
// Every line is also defused (log-text.ts): text that came from a payload, a user or a server can never
// become a workflow command.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import * as core from '@actions/core';
import { defuseCommands } from '../common/log-text.js';

/** Shorter values could not be told apart from ordinary text; settings.ts refuses such keys anyway. */
const MIN_SECRET_LENGTH = 4;

let secrets: readonly string[] = [];

/**
 * Masks the API key and the GitHub token before anything else runs, so no later line can show them,
 * whatever goes wrong, and remembers them for redaction. Every place a key may come from is protected,
 * even when only one is used.
 */
export function protectSecrets(values: ReadonlyArray<string | undefined>): void {
  const kept = values.map((value) => value?.trim()).filter((value): value is string => value !== undefined && value.length >= MIN_SECRET_LENGTH);
  for (const secret of kept) core.setSecret(secret);
  secrets = kept;
}

/** Text with every protected secret replaced by `***`. */
export function redact(textValue: string): string {
  return secrets.reduce((out, secret) => out.split(secret).join('***'), textValue);
}

/** One log line or annotation: redacted, defused, and on one line (@actions/core escapes annotations itself). */
function line(textValue: string): string {
  return redact(textValue)
    .split(/\r?\n/)
    .map(defuseCommands)
    .join('\n');
}

export const log = {
  info: (textValue: string): void => core.info(line(textValue)),
  debug: (textValue: string): void => core.debug(line(textValue)),
  /** A notice annotation: something the user can act on that is not a problem of the run. */
  notice: (textValue: string): void => core.notice(line(textValue)),
  warning: (textValue: string): void => core.warning(line(textValue)),
  error: (textValue: string): void => core.error(line(textValue)),
  /** An error annotation, and the step fails (exit code 1). */
  fail: (textValue: string): void => core.setFailed(line(textValue)),
};

/**
 * Prints a JSON value in the log as it is, one property a line. JSON keeps `##[` in a string as
 * `##\u005b` to the same effect, and no line of indented JSON starts with `::`, so nothing in it can be
 * taken for a command; stop-commands guards the block as well, should a line ever escape that reasoning.
 */
export function logJson(value: unknown): void {
  const json = redact(JSON.stringify(value, null, 2)).replace(/##\[/g, '##\\u005b');
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(json);
  core.info(`::${token}::`);
}

export function setOutput(name: string, value: string): void {
  core.setOutput(name, redact(value));
}

/** State for this action's post step; redacted like every other file the action writes. */
export function saveState(name: string, value: string): void {
  core.saveState(name, redact(value));
}

/**
 * Appends to the job summary; a summary that cannot be written is a warning, never a failure. Written
 * here, as core.summary.addRaw(text, true).write() would, because @actions/core's summary module is left
 * out of the bundles (scripts/build.mjs: it loads node:fs/promises at every start).
 */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    appendFileSync(file, `${redact(markdown)}${EOL}`);
  } catch (error) {
    log.warning(`The job summary could not be written: ${(error as Error).message}`);
  }
}
