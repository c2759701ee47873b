// The inputs' literal defaults, as action.yml states them: each default is written once, in action.yml,
// where users read it. scripts/action-defaults.mjs reads them when the bundle is built (scripts/build.mjs)
// and when tests run (vitest.config.ts), and both define __ACTION_INPUT_DEFAULTS__ with them.
// The runner passes these itself; the code needs them for an input given as empty text, and for runs
// outside a runner (tests, local-action).
import type { InputName } from './names.js';

declare const __ACTION_INPUT_DEFAULTS__: Readonly<Partial<Record<InputName, string>>>;

// Not defined when the TypeScript sources run unbundled (GitHub's local-action runs them with tsx); its
// getInput fills in action.yml's defaults itself.
export const INPUT_DEFAULTS: Readonly<Partial<Record<InputName, string>>> =
  typeof __ACTION_INPUT_DEFAULTS__ === 'undefined' ? {} : __ACTION_INPUT_DEFAULTS__;
