/** Every default in one place. */
const stepExtensions = '{ts,mts,cts,js,mjs,cjs}';

export const DEFAULTS = {
  specs: ['features/**/*.feature', 'features/**/*.feature.md', 'features/**/*.md', 'specs/**/*.md', 'specs/**/*.feature'],
  steps: [`steps/**/*.${stepExtensions}`, `features/**/*.${stepExtensions}`],
  requireModules: [] as string[],
  module: 'cjs' as const,
  timeout: 5_000,
  runTimeout: 30 * 60_000,
  retry: 0,
  failOnFlaky: false,
  strict: true,
  passWithNoScenarios: false,
  gateTimeout: 10 * 60_000,
  /** Compiled Markdown specs and caches live here, never beside the sources. */
  outDir: '.spec',
  configFiles: ['spec.config.ts', 'spec.config.mts', 'spec.config.mjs', 'spec.config.js', 'spec.config.json'],
  cucumberConfigFiles: ['cucumber.js', 'cucumber.cjs', 'cucumber.mjs', 'cucumber.json', 'cucumber.yaml', 'cucumber.yml'],
};
