import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Tests start real servers (redis-server) and child processes; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
