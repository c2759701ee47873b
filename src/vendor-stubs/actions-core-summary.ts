// Stand-in for @actions/core's `lib/summary.js` in the step bundles, put in by scripts/build.mjs.
//
// That module takes `fs.promises` apart when it loads, which loads Node's internal fs/promises and with
// it readline, the REPL history and the file watchers: half a dozen modules at every start, even in a
// post step with nothing to do. The action writes its job summary itself (src/runner/output.ts,
// appendSummary), so `core.summary` is never used; if a future change uses it, it fails loudly.
const unbundled = (): never => {
  throw new Error('core.summary is not bundled with this action: write the job summary through appendSummary (src/runner/output.ts)');
};

export const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
export const summary: unknown = new Proxy({}, { get: unbundled });
export const markdownSummary = summary;
