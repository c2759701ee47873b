// Stand-in for @actions/core's `lib/platform.js` in the step bundles, put in by scripts/build.mjs.
//
// @actions/core re-exports `platform` as a namespace, so its module (and with it @actions/exec and
// @actions/io, which only getDetails() uses to run `sw_vers` or PowerShell) is evaluated at every start.
// This action never asks for platform details; the constants stay as the real module computes them.
import os from 'node:os';

export const platform = os.platform();
export const arch = os.arch();
export const isWindows = platform === 'win32';
export const isMacOS = platform === 'darwin';
export const isLinux = platform === 'linux';

export function getDetails(): never {
  throw new Error('@actions/core platform.getDetails() is not bundled with this action (src/vendor-stubs/actions-core-platform.ts)');
}
