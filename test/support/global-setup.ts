// Vitest global setup: finds the Node 24 the end-to-end tests run the bundle under, once, before any
// test file loads, and hands its path to them (run-action.ts: bundleNode()). Without one, the run stops
// here with one line naming the fix, instead of every end-to-end test failing on its own.
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { resolveNode24 } from './node24.js';

declare module 'vitest' {
  export interface ProvidedContext {
    node24: { path: string; version: string };
  }
}

export default function setup(project: TestProject): void {
  const resolution = resolveNode24(fileURLToPath(new URL('../..', import.meta.url)));
  if ('problem' in resolution) {
    // One line, not a stack: the message is the whole story.
    console.error(resolution.problem);
    process.exit(1);
  }
  project.provide('node24', resolution);
}
