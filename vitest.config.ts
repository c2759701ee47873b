import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { defineActionInputDefaults } from './scripts/action-defaults.mjs';

export default defineConfig({
  define: defineActionInputDefaults(fileURLToPath(new URL('./action.yml', import.meta.url))),
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start the bundled action as child processes: give them room, but never retry.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    retry: 0,
  },
});
