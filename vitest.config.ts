import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.spec.ts'],
    testTimeout: 20_000,
    // Spawned-binary and terminal tests share one machine with two cores.
    maxWorkers: 2,
    // Runs with --rules cache the pack (src/cli/pack-cache.ts): in a folder of the test run's, not the user's.
    env: { FIRE_CHECK_HOME: mkdtempSync(join(tmpdir(), 'fire-check-tests-')) },
  },
});
