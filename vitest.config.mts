import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Integration tests each start a real server on 127.0.0.1; two cores run two files at once.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'app', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', '**/node_modules/**'] } },
      // The built renderer in Chromium, behind the real services (test/e2e/host). The global setup
      // builds the app when it is missing or stale, and only when e2e tests are selected.
      // expect.poll waits for the page up to 10 s, not vitest's 1 s: what Chromium shows can lag
      // that much behind on two busy cores, and the polls say what must come, not how fast.
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/support/global-setup.ts'], expect: { poll: { timeout: 10_000 } } },
      },
    ],
  },
});
