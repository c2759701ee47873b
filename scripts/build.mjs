// Bundles the two entry points into committed dist/ files, one per step.
//
// Why esbuild and not ncc: measured on this project (see BENCHMARKS.md), start-up is dominated by how
// much JavaScript is evaluated. @actions/http-client (pulled in by @actions/core) imports `undici`
// (~420 kB) only for getAgentDispatcher(), a helper for global fetch that this action never calls.
// ncc cannot leave one import out; esbuild can alias it to a small stub that throws if ever used.
// CommonJS output starts ~8 ms faster than ESM on Node 20/24 and needs no loader round-trips.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', post: 'src/post.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'eof',
  alias: { undici: './src/vendor-stubs/undici.ts' },
  logLevel: 'warning',
});
