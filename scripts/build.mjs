// Bundles the two entry points into committed dist/ files, one per step, plus dist/yaml.cjs and
// dist/github.cjs, loaded only when needed.
//
// Why esbuild and not ncc: measured on this project (see BENCHMARKS.md), start-up is dominated by how
// much JavaScript is evaluated. @actions/http-client (pulled in by @actions/core) imports `undici`
// (~420 kB) only for getAgentDispatcher(), a helper for global fetch that this action never calls.
// ncc cannot leave one import out; esbuild can alias it to a small stub that throws if ever used.
// CommonJS output starts ~8 ms faster than ESM on Node 20/24 and needs no loader round-trips.
//
// Why yaml is a file of its own: the YAML parser is ~115 kB of the ~190 kB a step bundle would be, and
// only a `data` input written as YAML needs it (src/data-input.ts imports it dynamically). Inlined, even
// unused, it is read and pre-parsed at every start: ~15 M more instructions per run (callgrind, see
// BENCHMARKS.md). Kept apart, the steps `require('./yaml.cjs')` (next to themselves) only on that path.
//
// Why @actions/github is a file of its own too: its Octokit and REST routes are needed only when a
// GitHub lookup runs (src/github-client.ts imports it dynamically). Octokit sends through
// src/github-fetch.ts (node:http(s) with http-client's proxy-aware agents), so the undici @actions/github
// would send through is left out of that bundle too: src/vendor-stubs/undici-unused.ts.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { defineActionInputDefaults } from './action-defaults.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
};

/** Leaves `import('yaml')` and `import('@actions/github')` as runtime requires of their own bundles, beside the step's file. */
const bundlesApart = {
  name: 'bundles-apart',
  setup(builder) {
    builder.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.cjs', external: true }));
    builder.onResolve({ filter: /^@actions\/github$/ }, () => ({ path: './github.cjs', external: true }));
  },
};

/** @actions/github's eager `context` (a second read of the payload) replaced: see src/vendor-stubs/github-context.ts. */
const githubContextStub = {
  name: 'github-context-stub',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/context\.js$/ }, (args) =>
      /[\\/]@actions[\\/]github[\\/]/.test(args.importer) ? { path: `${root}src/vendor-stubs/github-context.ts` } : undefined,
    );
  },
};

await build({
  ...common,
  entryPoints: { main: 'src/entry/main.ts', post: 'src/entry/post.ts' },
  define: defineActionInputDefaults(`${root}action.yml`),
  alias: { undici: './src/vendor-stubs/undici.ts' },
  plugins: [bundlesApart],
});
await build({ ...common, entryPoints: { yaml: 'yaml' } });
await build({
  ...common,
  entryPoints: { github: '@actions/github' },
  alias: { undici: './src/vendor-stubs/undici-unused.ts' },
  plugins: [githubContextStub],
});
