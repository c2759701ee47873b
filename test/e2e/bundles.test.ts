// The bundles in dist/ as the runner loads them: each file a step requires at run time is there and
// gives the step what it uses, and the build's reach into a private file of @actions/github
// (scripts/build.mjs replaces its lib/context.js) still holds for the installed version. An upgrade of
// @actions/github that renames, moves or starts using that file fails here, not silently in a release.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payload } from '../fixtures/generated.js';
import { READ_WRITE_KEY, startFakeOpsTrails, type FakeOpsTrails } from '../support/fake-opstrails.js';
import { BUNDLE_NODE, DIST, ROOT, runStep, runnerEnv } from '../support/run-action.js';
import * as contextStub from '../../src/vendor-stubs/github-context.js';

const GITHUB_LIB = join(ROOT, 'node_modules/@actions/github/lib');
const bundles = readdirSync(DIST).filter((file) => file.endsWith('.cjs'));
const source = (file: string) => readFileSync(join(DIST, file), 'utf8');

/** Every .js file of @actions/github's lib/, as paths relative to the package (how esbuild names them in a bundle). */
function githubLibFiles(dir = GITHUB_LIB, prefix = 'lib'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? githubLibFiles(join(dir, entry.name), `${prefix}/${entry.name}`) : entry.name.endsWith('.js') ? [`${prefix}/${entry.name}`] : [],
  );
}

/** dist/ bundles that are libraries: what the steps require at run time. */
const LIBRARIES = ['yaml.cjs', 're2js.cjs', 'picomatch.cjs', 'github.cjs', 'end-job.cjs'];

/**
 * Each library bundle loaded as a module in one child Node 24, the type of each named export (what a step
 * gets from `await import('./x.cjs')`), or why it failed to load. The payload is not JSON: @actions/github's real context would throw
 * on it while dist/github.cjs loads.
 */
let exported: Record<string, Record<string, string>>;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'event-action-bundles-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, '{ not json');
  const script = `const out = {};
    for (const file of ${JSON.stringify(LIBRARIES)}) {
      try {
        const m = require(require('node:path').join(${JSON.stringify(DIST)}, file));
        out[file] = Object.fromEntries(Object.keys(m).map((k) => [k, typeof m[k]]));
      } catch (error) {
        out[file] = { 'failed to load': String(error.message) };
      }
    }
    process.stdout.write(JSON.stringify(out));`;
  exported = JSON.parse(execFileSync(BUNDLE_NODE, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', GITHUB_EVENT_PATH: eventPath } }));
});

describe('the bundles a step requires at run time', () => {
  const steps = ['main.cjs', 'post.cjs'];
  // end-job.cjs requires the same files as main.cjs (github, yaml): read from the steps and it alike.
  const required = [...steps, 'end-job.cjs'].flatMap((step) =>
    [...source(step).matchAll(/(?:const \{ ([\w, ]+) \} = await )?import\("\.\/([\w-]+\.cjs)"\)/g)].map((m) => ({
      step,
      file: m[2] as string,
      names: m[1]?.split(', ') ?? [],
    })),
  );

  it('are found in the steps (yaml, re2js, picomatch, github, end-job), and every .cjs in dist/ is a step or one of them', () => {
    expect(new Set(required.map((r) => r.file))).toEqual(new Set(LIBRARIES));
    expect(new Set(bundles)).toEqual(new Set([...steps, ...required.map((r) => r.file)]));
  });

  it.each(LIBRARIES)('%s loads under Node 24 and exports what the steps take from it', (file) => {
    const types = exported[file] ?? {};
    expect(types).not.toHaveProperty('failed to load');
    const names = required.filter((r) => r.file === file).flatMap((r) => r.names);
    for (const name of names) expect(types[name], `${file} export ${name}`).toBe('function');
    if (file === 're2js.cjs') expect(types.RE2JS).toBe('function');
  });
});

describe("@actions/github's private lib/context.js, replaced by the build", () => {
  // The modules of @actions/github that read the webhook payload when loaded: today, lib/context.js.
  const payloadReaders = githubLibFiles().filter((file) => readFileSync(join(GITHUB_LIB, '..', file), 'utf8').includes('GITHUB_EVENT_PATH'));

  it('is still where scripts/build.mjs looks for it, imported as ./context.js, and is the only payload reader', () => {
    expect(payloadReaders).toEqual(['lib/context.js']);
    const importers = githubLibFiles().filter((file) => /from '\.\/context\.js'/.test(readFileSync(join(GITHUB_LIB, '..', file), 'utf8')));
    expect(importers.length).toBeGreaterThan(0);
  });

  it('provides, in src/vendor-stubs/github-context.ts, everything @actions/github uses of it', () => {
    for (const file of githubLibFiles().filter((name) => name !== 'lib/context.js')) {
      const text = readFileSync(join(GITHUB_LIB, '..', file), 'utf8');
      // `import * as Context from './context.js'` and then `Context.Name`: each Name must be in the stub.
      const namespace = /import \* as (\w+) from '\.\/context\.js'/.exec(text)?.[1];
      if (namespace) for (const [, name] of text.matchAll(new RegExp(`\\b${namespace}\\.(\\w+)`, 'g'))) expect(contextStub, `${file} uses ${namespace}.${name}`).toHaveProperty(name as string);
      // And what the package reads from its own `context` instance, beyond the payload the stub keeps empty.
      const members = [...text.matchAll(/(?<![\w/])context\.(\w+)/g)].map((m) => m[1] as string);
      expect(members.filter((name) => !(name in new contextStub.Context())), `${file} reads context members the stub lacks`).toEqual([]);
    }
  });

  it.each(bundles)('is in no bundle: %s', (file) => {
    // esbuild marks each module it inlines with a comment naming its path.
    for (const reader of payloadReaders) expect(source(file)).not.toContain(`node_modules/@actions/github/${reader}`);
  });

  it('gives way to the stub in dist/github.cjs, which loads without reading the payload', () => {
    expect(source('github.cjs')).toContain('src/vendor-stubs/github-context.ts');
    // Loaded with a payload that is not JSON (beforeAll), which the real context would have thrown on.
    expect(exported['github.cjs']).toMatchObject({ getOctokit: 'function', context: 'object' });
  });
});

describe('a ticket-pattern in the bundle runs on RE2 (dist/re2js.cjs)', () => {
  let api: FakeOpsTrails;
  beforeEach(async () => {
    api = await startFakeOpsTrails();
  });
  afterEach(async () => {
    await api.close();
  });

  it('finishes a pattern that backtracks without end, with its own match and no warning', async () => {
    // JavaScript's engine never finishes `(?:[A-Z]+-?)+\d+!` on forty capitals and a `!`; the built-in
    // pattern would find `JIRA-77`, the user's finds `JIRA-77!`.
    const base = payload('pull_request');
    const title = `${'A'.repeat(40)}! JIRA-77!`;
    const result = await runStep('main', {
      inputs: { 'api-key': READ_WRITE_KEY, 'api-url': api.url, 'ticket-pattern': '(?:[A-Z]+-?)+\\d+!' },
      env: runnerEnv({ GITHUB_EVENT_NAME: 'pull_request' }),
      payload: { ...base, pull_request: { ...(base.pull_request as object), title } },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('ticket-pattern');
    expect((api.stored[0]!.data as Record<string, unknown>).ticket).toBe('JIRA-77!');
  });
});
