import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { defineActionInputDefaults } from './scripts/action-defaults.mjs';

// `vitest run --mode bundle` (npm run test:bundle): every step the tests run in-process goes to the bundle
// instead, as a process of its own (test/support/run-in-process.ts).
export default defineConfig(({ mode }) => ({
  define: defineActionInputDefaults(fileURLToPath(new URL('./action.yml', import.meta.url))),
  test: {
    include: ['test/**/*.test.ts'],
    // Finds the Node 24 the end-to-end tests run the bundle under, once, or stops with the fix.
    globalSetup: ['test/support/global-setup.ts'],
    // Test files mostly wait on child processes and loopback sockets, not on the CPU: vitest's default
    // (one worker fewer than the cores) runs them one at a time on a 2-core machine. Twice the cores,
    // and at least 4, keeps both cores busy. Forks: each file's servers and children in a process of its own.
    pool: 'forks',
    // A worker reuses its module cache from one file to the next: ~20% less CPU (importing the sources
    // again per file), which on 2 cores is ~6 s of the run. Safe because no test depends on module state
    // left by another: the one module-level state of src/, output.ts's secrets, is set by every test
    // that reads redaction, and env stubs and spies are restored after each test.
    isolate: false,
    maxWorkers: Math.max(4, availableParallelism() * 2),
    // End-to-end tests start the bundled action as child processes: give them room, but never retry.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    retry: 0,
    env: mode === 'bundle' ? { STEPS_AS_BUNDLE: '1' } : {},
  },
}));
