// Runs a tool or a script under Node 24, the runtime action.yml declares, whatever `node` started npm:
// `node tools/node24/run.mjs <bin or file> [args…]`, e.g. `… vitest run` or `… scripts/example.mjs`.
// Every npm script goes through it, so the tests, the build, the lint, the example and the benches see
// the Node the runner uses. Under Node 24 or newer the tool runs in this process; under an older Node
// (a fresh clone on Node 20 or 22), in a child running tools/node24's Node, which `npm ci` installed.
//
// A bin is looked up in the `bin` of this project's own dependencies (npm's .bin/ holds shell shims on
// Windows, which node cannot run); anything ending in .js, .mjs or .cjs is a file of this repository.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REQUIRED_MAJOR, resolveNode24 } from './resolve.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** @param {string} root @param {string} name @returns {string} the file a dependency's bin `name` runs, or a stop naming the fix */
function binFile(root, name) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
    const dir = join(root, 'node_modules', dependency);
    let bin;
    try {
      bin = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).bin;
    } catch {
      continue;
    }
    const file = typeof bin === 'string' ? (dependency.split('/').pop() === name ? bin : undefined) : bin?.[name];
    if (file) return join(dir, file);
  }
  console.error(`No dependency of this project has a bin named "${name}": run npm ci.`);
  process.exit(1);
}

const [target, ...args] = process.argv.slice(2);
if (!target) {
  console.error('Usage: node tools/node24/run.mjs <bin or file> [args...]');
  process.exit(2);
}
const file = /\.[cm]?js$/.test(target) ? resolve(ROOT, target) : binFile(ROOT, target);

if (Number(process.versions.node.split('.')[0]) >= REQUIRED_MAJOR) {
  process.argv = [process.execPath, file, ...args];
  await import(pathToFileURL(file).href);
} else {
  const node24 = resolveNode24(ROOT);
  if ('problem' in node24) {
    console.error(node24.problem);
    process.exit(1);
  }
  // The child gets the terminal and the signals npm forwards; its exit status becomes ours.
  const child = spawn(node24.path, [file, ...args], { stdio: 'inherit', cwd: process.cwd() });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not start ${node24.path}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}
