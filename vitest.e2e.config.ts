import { defineConfig } from 'vitest/config';

// Browser tests: one file at a time (software WebGL is slow and the machine has two cores).
export default defineConfig({
  test: {
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['tests/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    environment: 'node',
  },
});
