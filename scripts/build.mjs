// Bundles the two entry points into committed dist/ files, one per step, plus the files a step requires
// only when needed: dist/end-job.cjs (the post step of a tracked job), dist/yaml.cjs, dist/re2js.cjs and
// dist/github.cjs.
//
// Why esbuild and not ncc: measured on this project (see BENCHMARKS.md), start-up is dominated by how
// much JavaScript is evaluated. @actions/http-client (pulled in by @actions/core) imports `undici`
// (~420 kB) only for getAgentDispatcher(), a helper for global fetch that this action never calls.
// ncc cannot leave one import out; esbuild can alias it to a small stub that throws if ever used.
// CommonJS output starts faster than ESM on Node 20/24 and needs no loader round-trips.
//
// Why yaml is a file of its own: the YAML parser is ~115 kB of the ~190 kB a step bundle would be, and
// only a `data` input written as YAML needs it (src/inputs/data-input.ts imports it dynamically).
// Inlined, even unused, it is read and pre-parsed at every start (instructions per run: BENCHMARKS.md).
// Kept apart, the steps `require('./yaml.cjs')` (next to themselves) only on that path.
//
// Why re2js is a file of its own: the linear-time regular expression engine (~260 kB) runs only a
// user's `ticket-pattern` (src/change/ticket-pattern.ts imports it dynamically), as the YAML parser.
//
// Why @actions/github is a file of its own too: its Octokit and REST routes are needed only when a
// GitHub lookup runs (src/github/client.ts imports it dynamically). Octokit sends through
// src/github/fetch.ts (node:http(s) with http-client's proxy-aware agents), so the undici @actions/github
// would send through is left out of that bundle too: src/vendor-stubs/undici-unused.ts.
//
// Why picomatch is a file of its own: only a run with the `paths` input matches globs
// (src/github/paths.ts imports it dynamically); the others never read it.
//
// Why not minified: the runner executes these files with the API key in its environment, so a release
// must be reviewable, diff by diff. Unminified, a change to src/ shows as the same change in dist/, and
// start-up is no slower (measured: see docs/development.md). Tree shaking still drops unused code.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineActionInputDefaults } from './action-defaults.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Each bundle and the source it is built from: the two steps, and the post step's work for a tracked job
 * (end-job), which post.cjs requires only then, so the post step of every other job loads almost nothing.
 */
const STEPS = { main: 'src/entry/main.ts', post: 'src/entry/post.ts', 'end-job': 'src/steps/end-job.ts' };

/** The first lines of a bundle: what it is built from, and that it is not edited by hand. */
const banner = (name, source) =>
  [
    `// dist/${name}.cjs is generated: built from ${source} by \`npm run package\` (scripts/build.mjs, esbuild).`,
    '// Do not edit: change the source, run `npm run package`, and commit both.',
  ].join('\n');

const common = {
  absWorkingDir: root,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  minify: false,
  treeShaking: true,
  legalComments: 'eof',
  logLevel: 'warning',
};

/** Leaves `import('yaml')`, `import('re2js')`, `import('picomatch')`, `import('@actions/github')` and post's `import('./end-job.js')` as runtime requires of their own bundles, beside the step's file. */
const bundlesApart = {
  name: 'bundles-apart',
  setup(builder) {
    builder.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.cjs', external: true }));
    builder.onResolve({ filter: /^re2js$/ }, () => ({ path: './re2js.cjs', external: true }));
    builder.onResolve({ filter: /^picomatch$/ }, () => ({ path: './picomatch.cjs', external: true }));
    builder.onResolve({ filter: /^@actions\/github$/ }, () => ({ path: './github.cjs', external: true }));
    builder.onResolve({ filter: /^\.\/end-job\.js$/ }, (args) => (args.importer === join(root, 'src/steps/post.ts') ? { path: './end-job.cjs', external: true } : undefined));
  },
};

/**
 * What the steps load at start, kept to what they use: tunnel loaded on first use (src/vendor-stubs/tunnel.ts),
 * and two modules of @actions/core that only the re-exports of its index pull in, replaced
 * (src/vendor-stubs/actions-core-platform.ts, actions-core-summary.ts). Each stub names what it replaces.
 */
const startupStubs = {
  name: 'startup-stubs',
  setup(builder) {
    const stub = (file) => ({ path: `${root}src/vendor-stubs/${file}` });
    const fromCore = (importer) => /[\\/]@actions[\\/]core[\\/]lib[\\/]core\.js$/.test(importer);
    // The stub's own require('tunnel') resolves to the real module.
    builder.onResolve({ filter: /^tunnel$/ }, (args) => (args.importer === stub('tunnel.ts').path ? undefined : stub('tunnel.ts')));
    builder.onResolve({ filter: /^\.\/platform\.js$/ }, (args) => (fromCore(args.importer) ? stub('actions-core-platform.ts') : undefined));
    builder.onResolve({ filter: /^\.\/summary\.js$/ }, (args) => (fromCore(args.importer) ? stub('actions-core-summary.ts') : undefined));
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

for (const [name, source] of Object.entries(STEPS)) {
  await build({
    ...common,
    entryPoints: { [name]: source },
    banner: { js: banner(name, source) },
    define: defineActionInputDefaults(`${root}action.yml`),
    alias: { undici: './src/vendor-stubs/undici.ts' },
    plugins: [bundlesApart, startupStubs],
  });
}
await build({ ...common, entryPoints: { yaml: 'yaml' }, banner: { js: banner('yaml', 'node_modules/yaml (the steps require it only for a YAML data input)') } });
await build({ ...common, entryPoints: { re2js: 're2js' }, banner: { js: banner('re2js', 'node_modules/re2js (the main step requires it only for a ticket-pattern input)') } });
foldEncodedStrings(join(root, 'dist/re2js.cjs'));
await build({ ...common, entryPoints: { picomatch: 'picomatch' }, banner: { js: banner('picomatch', 'node_modules/picomatch (the main step requires it only with the paths input)') } });
await build({
  ...common,
  entryPoints: { github: '@actions/github' },
  banner: { js: banner('github', 'node_modules/@actions/github (the steps require it only when a GitHub lookup runs)') },
  alias: { undici: './src/vendor-stubs/undici-unused.ts' },
  plugins: [githubContextStub],
});

/**
 * re2js carries its Unicode tables as encoded string literals thousands of characters long, one per line,
 * which would make dist/re2js.cjs unreadable line by line. Each such literal (only characters of the
 * encoding, no escapes) is written as a concatenation of 100-character pieces: the same string, decoded
 * only when a ticket-pattern needs the table. esbuild folds concatenations back, hence a pass on its output.
 */
function foldEncodedStrings(file) {
  const folded = readFileSync(file, 'utf8').replace(/"([A-Za-z0-9+/=_-]{200,})"/g, (_, encoded) =>
    encoded.match(/.{1,100}/g).map((piece) => `"${piece}"`).join(' +\n        '),
  );
  writeFileSync(file, folded);
}
