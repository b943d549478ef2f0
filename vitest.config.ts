import { defineConfig } from 'vitest/config';

// Three projects: unit (Node, real DuckDB, no browser); e2e (tests/e2e/global-setup builds and serves dist/ and
// drives Debian's Chromium); corpus (the same browser setup plus Node tests over ../shared/data — not in `npm test`,
// which must pass on a fresh clone; .ci/run runs it).
const env = { TZ: 'Europe/Stockholm' };
const browser = { environment: 'node', globalSetup: ['tests/e2e/global-setup.ts'], testTimeout: 120_000, hookTimeout: 240_000, fileParallelism: false, env } as const;

export default defineConfig({
  test: {
    projects: [
      // Hooks build the example database (~3 s alone): on two shared cores under load that passed the default 10 s.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000, env } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], ...browser, globalSetup: [...browser.globalSetup] } },
      { test: { name: 'corpus', include: ['tests/corpus/**/*.test.ts'], ...browser, globalSetup: [...browser.globalSetup] } },
    ],
  },
});
