import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Integration tests each start a real server on 127.0.0.1; two cores run two files at once.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
