// action.yml and the code must declare the same inputs, and the bundles the runner runs must carry
// action.yml's defaults: the build copies them in (scripts/action-defaults.mjs), and a build that misread
// them, or a bundle not rebuilt after action.yml changed, would act on other defaults than the ones users read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../../src/inputs/names.js';
import { ROOT } from '../support/run-action.js';

interface ActionYml {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
/** Defaults the runner evaluates (`${{ github.token }}`): they cannot live in code. */
const isExpression = (value: string) => value.includes('${{');

/**
 * The defaults esbuild wrote into a bundle for __ACTION_INPUT_DEFAULTS__: the object literal it assigns
 * (`define_ACTION_INPUT_DEFAULTS_default = {...};`), evaluated on its own.
 */
function builtDefaults(bundle: string): unknown {
  const match = /define_ACTION_INPUT_DEFAULTS_default = (\{[^\n]*\});/.exec(bundle);
  if (!match) throw new Error('the bundle defines no __ACTION_INPUT_DEFAULTS__: was it built by scripts/build.mjs?');
  return runInNewContext(`(${match[1]})`);
}

describe('action.yml', () => {
  it('declares exactly the inputs the code reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  });

  // The bundles that read inputs: the main step, and the post step's work for a tracked job (post.cjs
  // itself only reads saved state, and requires end-job.cjs for a tracked job).
  it.each(['main.cjs', 'end-job.cjs'])('has its literal defaults built into dist/%s, each as action.yml states it', (bundle) => {
    const literal = Object.fromEntries(
      Object.entries(action.inputs)
        .filter(([, input]) => input.default !== undefined && !isExpression(String(input.default)))
        .map(([name, input]) => [name, String(input.default)]),
    );
    expect(Object.keys(literal).length).toBeGreaterThan(5);
    expect(builtDefaults(readFileSync(join(ROOT, 'dist', bundle), 'utf8'))).toEqual(literal);
  });

  it('declares every default as a string, so the runner passes exactly that text', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      if (input.default !== undefined) expect(typeof input.default, name).toBe('string');
    }
  });

  it('marks no input required: the runner does not enforce it, and api-key may come from the environment', () => {
    for (const [name, input] of Object.entries(action.inputs)) expect(input.required, name).toBe(false);
  });

  it('describes every input and output', () => {
    for (const [name, entry] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect(entry.description?.trim().length ?? 0, name).toBeGreaterThan(10);
    }
  });

  it('declares the outputs of a single event and of a tracked job', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(['context-id', 'event', 'event-id', 'event-time', 'status']);
  });

  it('runs on node24 from the committed bundles', () => {
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/main.cjs', post: 'dist/post.cjs' });
  });
});
