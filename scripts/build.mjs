// Bundles the two entry points into committed dist/ files, one per step, plus dist/yaml.cjs.
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

/** Leaves `import('yaml')` as a runtime require of the separate bundle, resolved beside the step's file. */
const yamlApart = {
  name: 'yaml-apart',
  setup(builder) {
    builder.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.cjs', external: true }));
  },
};

await build({
  ...common,
  entryPoints: { main: 'src/entry/main.ts', post: 'src/entry/post.ts' },
  define: defineActionInputDefaults(`${root}action.yml`),
  alias: { undici: './src/vendor-stubs/undici.ts' },
  plugins: [yamlApart],
});
await build({ ...common, entryPoints: { yaml: 'yaml' } });
