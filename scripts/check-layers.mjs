// The layers of src/: each folder is one stage of the pipeline, listed from the top (the runner's entry
// files) to the bottom (helpers every stage shares). An import may point to its own folder or to one
// further down the list, never up; and no module may reach itself through its imports, not even within
// one folder. `npm run lint` runs this; docs/development.md says what each folder holds.
//
// Usage: node scripts/check-layers.mjs [src-folder]. Prints one line per problem and exits 1 if any.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Top to bottom. A folder of src/ that is not listed here is itself a problem: place it in the order. */
export const LAYERS = ['entry', 'steps', 'delivery', 'event', 'change', 'github', 'context', 'inputs', 'runner', 'http', 'common', 'vendor-stubs'];

// Static `import … from`, `export … from`, and dynamic `import('…')`; type-only imports count too, since a
// reader follows them all the same.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Problems with the layers under `root`: imports that point up, folders out of the order, and circles. */
export function layerProblems(root) {
  const files = tsFiles(root);
  const known = new Set(files);
  const layerOf = (file) => relative(root, file).split(sep)[0];
  const rank = (file) => LAYERS.indexOf(layerOf(file));
  const problems = [];
  const edges = new Map();
  for (const file of files) {
    const name = relative(root, file);
    if (!name.includes(sep)) problems.push(`${name}: every module lives in one of the folders ${LAYERS.join(', ')}`);
    else if (rank(file) === -1) problems.push(`${name}: the folder ${layerOf(file)}/ is not in the order of scripts/check-layers.mjs`);
    const targets = new Set();
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1] ?? match[2]).replace(/\.js$/, '.ts');
      if (!known.has(target)) continue;
      targets.add(target);
      if (rank(target) < rank(file)) {
        problems.push(`${name} imports ${relative(root, target)}: ${layerOf(target)}/ is above ${layerOf(file)}/, imports point down the list`);
      }
    }
    edges.set(file, targets);
  }
  for (const circle of circles(files, edges)) problems.push(`import circle: ${circle.map((f) => relative(root, f)).join(' -> ')}`);
  return problems;
}

/** Strongly connected groups of more than one module (Tarjan), each listed in the order found. */
function circles(files, edges) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (file) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file)) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file), low.get(next)));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file), index.get(next)));
    }
    if (low.get(file) !== index.get(file)) return;
    const group = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || edges.get(file).has(file)) found.push(group.reverse());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src'));
  const problems = layerProblems(root);
  for (const line of problems) console.error(line);
  if (problems.length > 0) process.exit(1);
}
