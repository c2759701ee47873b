import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start the bundled action as child processes: give them room, but never retry.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    retry: 0,
  },
});
