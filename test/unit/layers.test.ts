// The layer check that `npm run lint` runs: src/ passes, and a circle or an upward import fails it; and
// docs/development.md describes the folders as they are.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAYERS } from '../../scripts/check-layers.mjs';

const CHECK = join(import.meta.dirname, '../../scripts/check-layers.mjs');
const made: string[] = [];

function check(files: Record<string, string> | undefined): { status: number | null; stderr: string } {
  let root = join(import.meta.dirname, '../../src');
  if (files) {
    root = mkdtempSync(join(tmpdir(), 'layers-'));
    made.push(root);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
  }
  const result = spawnSync(process.execPath, [CHECK, root], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the layers of src/', () => {
  it('hold in src/: no circle, no import pointing up', () => {
    expect(check(undefined)).toEqual({ status: 0, stderr: '' });
  });

  it('fail on a circle within one folder, type imports included', () => {
    const { status, stderr } = check({
      'common/a.ts': "import type { B } from './b.js';\nexport type A = B;\n",
      'common/b.ts': "import type { A } from './a.js';\nexport type B = A | 1;\n",
    });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^import circle: common\/(a|b)\.ts -> common\/(a|b)\.ts$/m);
  });

  it('fail on an import that points up the list, and on a module outside the folders', () => {
    const { status, stderr } = check({
      'steps/main.ts': 'export const main = 1;\n',
      'common/json.ts': "import { main } from '../steps/main.js';\nexport const json = main;\n",
      'loose.ts': 'export {};\n',
    });
    expect(status).toBe(1);
    expect(stderr).toContain('common/json.ts imports steps/main.ts: steps/ is above common/');
    expect(stderr).toContain('loose.ts: every module lives in one of the folders');
  });
});

describe('docs/development.md', () => {
  it('names every folder of src/ in the order the layer check holds, and every module in its folder', () => {
    const layout = readFileSync(join(import.meta.dirname, '../../docs/development.md'), 'utf8').split('## Layout')[1]!.split('\n## ')[0]!;
    const src = join(import.meta.dirname, '../../src');
    const folders = readdirSync(src, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const listed = [...layout.matchAll(/^ {4}src\/([a-z-]+)\//gm)].map((match) => match[1]);
    expect(listed).toEqual(LAYERS.filter((layer) => folders.includes(layer)));
    expect(new Set(listed)).toEqual(new Set(folders));
    const missing = folders
      .filter((folder) => folder !== 'vendor-stubs')
      .flatMap((folder) => readdirSync(join(src, folder)).map((file) => ({ folder, file })))
      .filter(({ file }) => file.endsWith('.ts') && !layout.includes(file))
      .map(({ folder, file }) => `${folder}/${file}`);
    expect(missing).toEqual([]);
  });
});
