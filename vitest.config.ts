import { defineConfig } from 'vitest/config';

// Three projects: unit (Node, real DuckDB, no browser), e2e (builds nothing itself: tests/e2e/global-setup
// builds and serves dist/ and drives Debian's Chromium), corpus (needs ../shared/data; not in `npm test` on a
// fresh clone, run by .ci/run).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, env: { TZ: 'Europe/Stockholm' } } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          env: { TZ: 'Europe/Stockholm' },
        },
      },
      {
        test: {
          name: 'corpus',
          include: ['tests/corpus/**/*.test.ts'],
          environment: 'node',
          // Its browser tests drop real files through the built app, like the e2e project.
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          env: { TZ: 'Europe/Stockholm' },
        },
      },
    ],
  },
});
