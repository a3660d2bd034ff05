import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.spec.ts'],
    testTimeout: 20_000,
    // Spawned-binary and terminal tests share one machine with two cores.
    maxWorkers: 2,
  },
});
