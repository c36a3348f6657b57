import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'bench/out/**', '.tmp/**', 'fixtures/**', 'examples/**'],
    testTimeout: 60_000,
    globalSetup: ['test/global-temp.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
