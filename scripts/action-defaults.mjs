// action.yml's literal input defaults, for the build and the tests to define __ACTION_INPUT_DEFAULTS__
// (see src/inputs/defaults.ts). Defaults the runner evaluates (`${{ github.token }}`) cannot live in code.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export function actionInputDefaults(actionYmlPath) {
  const action = parse(readFileSync(actionYmlPath, 'utf8'));
  return Object.fromEntries(
    Object.entries(action.inputs ?? {})
      .filter(([, input]) => typeof input.default === 'string' && !input.default.includes('${{'))
      .map(([name, input]) => [name, input.default]),
  );
}

/** The `define` entry for esbuild and vitest. */
export function defineActionInputDefaults(actionYmlPath) {
  return { __ACTION_INPUT_DEFAULTS__: JSON.stringify(actionInputDefaults(actionYmlPath)) };
}
