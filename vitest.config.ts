import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'bench/out/**', '.tmp/**', 'fixtures/**', 'examples/**'],
    testTimeout: 60_000,
    // Many tests wait on real child processes (git, the CLI, cucumber): vitest's default of one
    // worker on a two-core machine leaves a core idle (whole run on 2 cores: 240 s on one, 168 s on two).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    globalSetup: ['test/global-temp.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
