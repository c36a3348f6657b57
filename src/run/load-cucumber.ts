/**
 * Loads the project's own @cucumber/cucumber (a peer dependency, resolved from the project so step
 * definitions register with the runner specloop drives), or says why it cannot.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SpecProblem } from '../core/errors.js';
import { cucumberMajor, cucumberNodeMismatch, unsupportedCucumber } from './cucumber-version.js';
import { preferNativeIndices } from './native-indices.js';

export type CucumberApi = typeof import('@cucumber/cucumber/api');

/**
 * The stdout formatter cucumber insists on: one that does nothing. specloop reads the message
 * stream itself, and the summary formatter's duration formatting initialises Intl (≈ 15 ms).
 */
const SILENT_FORMATTER = "data:text/javascript,export default { type: 'formatter', formatter() {} }";
/** cucumber 9 loads custom formatters with require() and knows no plugin objects: its summary goes to the null stream. */
export const stdoutFormatter = (version: string): string => (cucumberMajor(version) >= 10 ? SILENT_FORMATTER : 'summary');

/**
 * Only the two API modules a run needs (≈ 20 ms less than the whole API); loadConfiguration, for
 * profiles cucumber alone can read, comes from the full API on demand. Falls back to the public
 * entry if a cucumber version moves its files. loadSources (a run on workers counts its plan) too.
 */
function requireApi(projectRequire: NodeJS.Require): CucumberApi {
  try {
    const { runCucumber } = projectRequire('@cucumber/cucumber/lib/api/run_cucumber') as Pick<CucumberApi, 'runCucumber'>;
    const { loadSupport } = projectRequire('@cucumber/cucumber/lib/api/load_support') as Pick<CucumberApi, 'loadSupport'>;
    if (typeof runCucumber !== 'function' || typeof loadSupport !== 'function') throw new Error('moved');
    const loadConfiguration: CucumberApi['loadConfiguration'] = (...args) => (projectRequire('@cucumber/cucumber/api') as CucumberApi).loadConfiguration(...args);
    const loadSources: CucumberApi['loadSources'] = (...args) => (projectRequire('@cucumber/cucumber/api') as CucumberApi).loadSources(...args);
    return { runCucumber, loadSupport, loadConfiguration, loadSources } as CucumberApi;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && !String((error as Error).message).includes('lib/api')) throw error;
    return projectRequire('@cucumber/cucumber/api') as CucumberApi;
  }
}

/** The project's own cucumber, resolved from `cwd` (the project root the runner stands in), for Node `node`. */
export function loadCucumber(cwd: string, node: string): { api: CucumberApi; version: string } | SpecProblem {
  const projectRequire = createRequire(path.join(cwd, 'package.json'));
  try {
    const { version, engines } = projectRequire('@cucumber/cucumber/package.json') as { version: string; engines?: { node?: unknown } };
    const unsupported = unsupportedCucumber(version) ?? cucumberNodeMismatch(version, engines, node);
    if (unsupported) return unsupported;
    preferNativeIndices(projectRequire.resolve('@cucumber/cucumber/package.json'));
    const api = requireApi(projectRequire);
    return { api, version };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') {
      return { code: 'SPEC_CUCUMBER_MISSING', message: `@cucumber/cucumber failed to load: ${(error as Error).message}` };
    }
    return {
      code: 'SPEC_CUCUMBER_MISSING',
      message: '@cucumber/cucumber is not installed in this project: run npm install --save-dev @cucumber/cucumber',
      hint: "specloop drives your project's own copy (a peer dependency), so your steps and the runner share it",
    };
  }
}
