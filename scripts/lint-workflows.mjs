// `npm run lint:workflows`: actionlint over .github/workflows/*.yml and over every YAML example in
// README.md and docs/*.md that a user would paste into a workflow (a ```yaml block with `uses:` or
// `steps:`), so a broken example fails CI like broken code.
//
// actionlint runs from the `actionlint` npm package, a WebAssembly build: no download, no binary. That
// build cannot read action.yml files, so it knows nothing of this action's inputs; this script checks
// them itself: every `with:` key of a step that uses this action must be an input of action.yml, the
// internal inputs must not be set, and `steps.<id>.outputs.<name>` must name a declared output.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { isMap, isSeq, parse, parseDocument } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const THIS_ACTION = /^(\.\/?|opstrails\/event-action@.+)$/i;
// Filled in by the runner for the post step; action.yml says "Do not set".
const INTERNAL_INPUTS = new Set(['job-status', 'check-run-id']);
// GitHub-hosted runner labels newer than this actionlint build (2022), which it would call unknown.
const NEWER_HOSTED_LABELS = new Set(['ubuntu-24.04-arm', 'macos-15-intel']);

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
const INPUTS = new Set(Object.keys(action.inputs));
const OUTPUTS = new Set(Object.keys(action.outputs));

const listYaml = (dir) => {
  try {
    return readdirSync(join(ROOT, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f));
  } catch {
    return [];
  }
};
const listMarkdown = () => ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

/**
 * A workflow for one example block, and how many lines were put before the block's first line, so a
 * problem's line maps back into the Markdown file. A step list or a single step becomes the steps of a
 * job; a job (`runs-on` + `steps`) becomes the one job of a workflow; a workflow stays as it is.
 */
function asWorkflow(block) {
  const value = parse(block);
  const indent = (text, n) => text.replace(/^(?=.)/gm, ' '.repeat(n));
  const job = 'on: push\njobs:\n  example:\n';
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('jobs' in value) return { text: block, offset: 0 };
    if ('steps' in value) return { text: job + indent(block, 4), offset: 3 };
    // One step written without its list dash: make it the list's only item.
    const item = block.replace(/^(\s*)/, '$1- ').replace(/\n(?=.)/g, '\n  ');
    return { text: `${job}    runs-on: ubuntu-latest\n    steps:\n${indent(item, 6)}`, offset: 5 };
  }
  return { text: `${job}    runs-on: ubuntu-latest\n    steps:\n${indent(block, 6)}`, offset: 5 };
}

/** ```yaml blocks that hold workflow text, with the Markdown line of each block's first line. */
function examples(markdown) {
  const found = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    const block = lines.slice(start, end).join('\n') + '\n';
    if (/^\s*(-\s+)?(uses|steps):/m.test(block)) found.push({ block, line: start + 1 });
    i = end;
  }
  return found;
}

/** This action's inputs and outputs, which actionlint's WebAssembly build cannot check. */
function checkOwnAction(text) {
  const problems = [];
  const document = parseDocument(text, { keepSourceTokens: true });
  const lineOf = (node) => (node?.range ? text.slice(0, node.range[0]).split('\n').length : 1);
  const ids = new Set();
  const jobs = document.get('jobs');
  if (!isMap(jobs)) return problems;
  for (const { value: job } of jobs.items) {
    const steps = isMap(job) ? job.get('steps') : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step) || !THIS_ACTION.test(String(step.get('uses') ?? ''))) continue;
      if (step.get('id')) ids.add(String(step.get('id')));
      const withMap = step.get('with');
      if (!isMap(withMap)) continue;
      for (const pair of withMap.items) {
        const name = String(pair.key.value ?? pair.key);
        if (!INPUTS.has(name)) problems.push({ line: lineOf(pair.key), message: `input "${name}" is not defined in action.yml (inputs: ${[...INPUTS].filter((i) => !INTERNAL_INPUTS.has(i)).join(', ')})` });
        else if (INTERNAL_INPUTS.has(name)) problems.push({ line: lineOf(pair.key), message: `input "${name}" is internal: the runner fills it in for the post step; do not set it` });
      }
    }
  }
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (ids.has(match[1]) && !OUTPUTS.has(match[2])) {
        problems.push({ line: index + 1, message: `output "${match[2]}" of step "${match[1]}" is not defined in action.yml (outputs: ${[...OUTPUTS].join(', ')})` });
      }
    }
  });
  return problems;
}

const lint = await createLinter();
let failures = 0;
let checked = 0;
const report = (file, line, column, message, kind) => {
  failures++;
  console.error(`${file}:${line}:${column}: ${message} [${kind}]`);
};
const lintText = (file, text, lineOffset) => {
  checked++;
  for (const r of lint(text, file)) {
    const label = r.kind === 'runner-label' && /^label "([^"]+)" is unknown/.exec(r.message)?.[1];
    if (!(label && NEWER_HOSTED_LABELS.has(label))) report(file, r.line + lineOffset, r.column, r.message, r.kind);
  }
  for (const p of checkOwnAction(text)) report(file, p.line + lineOffset, 1, p.message, 'event-action');
};

for (const file of listYaml('.github/workflows')) lintText(file, readFileSync(join(ROOT, file), 'utf8'), 0);
for (const file of listMarkdown()) {
  for (const { block, line } of examples(readFileSync(join(ROOT, file), 'utf8'))) {
    const { text, offset } = asWorkflow(block);
    lintText(relative(ROOT, join(ROOT, file)), text, line - 1 - offset);
  }
}

if (failures > 0) {
  console.error(`${failures} problem${failures === 1 ? '' : 's'} in workflows or README/docs examples.`);
  process.exit(1);
}
console.log(`actionlint: ${checked} workflows and examples, no problems.`);
