import path from 'node:path';
import picomatch from 'picomatch';
import { codeFiles } from '../impact/project-files.js';

/**
 * The project's source files, the ones debt counts: the project's code files (no dependencies,
 * build output or dot-folders), less what checks the code rather than being it (step and
 * support files, tests, fixtures) and the tools' own config files. `sources` globs, when given,
 * choose instead (the exclusions still apply).
 */
export async function sourceFiles(root: string, options: { steps: string[]; sources?: string[] }): Promise<string[]> {
  const all = (await codeFiles(root)).map((abs) => path.relative(root, abs).split(path.sep).join('/'));
  const chosen = options.sources?.length ? picomatch(options.sources.map(clean)) : () => true;
  const isSupport = picomatch(options.steps.map(clean));
  return all.filter((file) => chosen(file) && !isSupport(file) && !isCheckOrTooling(file)).sort();
}

const CHECK_FOLDERS = new Set(['test', 'tests', '__tests__', '__mocks__', 'e2e', 'fixtures', 'step_definitions', 'step-definitions', 'steps']);
/**
 * Folders that hold checks only at the project's top: cucumber's features/ (specs, support code).
 * Deeper down, features/ is product code in a feature-sliced layout (src/features/cart/…), and
 * leaving it out would make the debt read better than it is.
 */
const TOP_CHECK_FOLDERS = new Set(['features']);
const CHECK_FILE = /\.(?:test|spec|steps?|e2e)\.[cm]?[jt]sx?$/;
/** cucumber.js, vitest.config.ts, eslint.config.mjs, spec.config.ts, .eslintrc.cjs: configuration, not the product. */
const TOOL_CONFIG = /^(?:cucumber|[\w.-]+\.config|\.?[\w-]+rc)\.[cm]?[jt]s$/;

function isCheckOrTooling(file: string): boolean {
  const parts = file.split('/');
  const name = parts.at(-1)!;
  if (CHECK_FILE.test(name) || parts.slice(0, -1).some((part) => CHECK_FOLDERS.has(part)) || (parts.length > 1 && TOP_CHECK_FOLDERS.has(parts[0]!))) return true;
  return parts.length === 1 && TOOL_CONFIG.test(name);
}

function clean(glob: string): string {
  return glob.replace(/^\.\//, '');
}
