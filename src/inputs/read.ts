// The edge where inputs come in: the runner's INPUT_* variables -> RawInputs for parseSettings.
import * as core from '@actions/core';
import { protectSecrets } from '../runner/output.js';
import { INPUT_NAMES, type InputName, type RawInputs } from './names.js';

/**
 * Reads every declared input (`INPUT_API-KEY`: upper case, hyphens kept, as the runner sets them) and
 * protects the secrets among them before anything else can print.
 */
export function readInputs(): RawInputs {
  const raw = {} as Record<InputName, string>;
  for (const name of INPUT_NAMES) raw[name] = core.getInput(name, { trimWhitespace: false });
  protectSecrets([raw['api-key'], process.env.OPSTRAILS_API_KEY, raw['github-token']]);
  return raw;
}
