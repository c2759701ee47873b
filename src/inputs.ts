// The edge where inputs come in: the runner's INPUT_* variables -> RawInputs for parseSettings.
import * as core from '@actions/core';
import { INPUT_NAMES, type InputName, type RawInputs } from './settings.js';

/** Reads every declared input (`INPUT_API-KEY`: upper case, hyphens kept, as the runner sets them). */
export function readRawInputs(): RawInputs {
  const raw = {} as Record<InputName, string>;
  for (const name of INPUT_NAMES) raw[name] = core.getInput(name, { trimWhitespace: false });
  return raw;
}

/**
 * Masks the key before anything else runs, so no later log line can show it, whatever goes wrong.
 * Both places a key may come from are masked, even when only one is used.
 */
export function maskSecrets(raw: RawInputs): Array<string | undefined> {
  const secrets = [raw['api-key'].trim(), process.env.OPSTRAILS_API_KEY?.trim(), raw['github-token'].trim()];
  for (const secret of secrets) if (secret) core.setSecret(secret);
  return secrets;
}
