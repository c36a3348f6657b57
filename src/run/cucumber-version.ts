import satisfies from 'semver/functions/satisfies.js';
import type { SpecProblem } from '../core/errors.js';

/**
 * The @cucumber/cucumber majors specloop drives, each run by the acceptance suite on a fixture
 * pinned to it (features/cucumber-majors.feature). package.json's peer range says the same; a
 * unit test holds the two together.
 */
export const CUCUMBER_MAJORS = { oldest: 8, newest: 13 } as const;

export function cucumberMajor(version: string): number {
  return Number.parseInt(version, 10);
}

/** Bad input (exit 2) naming what is installed and what would work; undefined when supported. */
export function unsupportedCucumber(version: string): SpecProblem | undefined {
  const major = cucumberMajor(version);
  if (major >= CUCUMBER_MAJORS.oldest && major <= CUCUMBER_MAJORS.newest) return undefined;
  const range = `${CUCUMBER_MAJORS.oldest} to ${CUCUMBER_MAJORS.newest}`;
  return {
    code: 'SPEC_CUCUMBER_UNSUPPORTED',
    message: `@cucumber/cucumber ${version} is installed in this project; specloop supports @cucumber/cucumber ${range}`,
    hint: major < CUCUMBER_MAJORS.oldest ? 'upgrade it: npm install --save-dev @cucumber/cucumber@12 (on Node 22+ also 13)' : `pin a supported major: npm install --save-dev @cucumber/cucumber@${CUCUMBER_MAJORS.newest}`,
  };
}

/**
 * Bad input (exit 2) when this Node is outside the range the installed cucumber declares
 * (`engines.node`): cucumber 13 on Node 20 fails deep in its load ("glob is not a function"), which
 * names neither the cause nor the fix. undefined when it fits, or says nothing.
 */
export function cucumberNodeMismatch(version: string, engines: { node?: unknown } | undefined, node: string): SpecProblem | undefined {
  const range = typeof engines?.node === 'string' ? engines.node : undefined;
  if (!range || satisfies(node, range, { includePrerelease: true })) return undefined;
  return {
    code: 'SPEC_CUCUMBER_UNSUPPORTED',
    message: `@cucumber/cucumber ${version} needs Node ${range}, and this is Node ${node}`,
    hint: cucumberMajor(version) >= 13 ? 'run spec with Node 22 or later, or install a cucumber that runs here: npm install --save-dev @cucumber/cucumber@12' : `run spec with a Node in ${range}`,
  };
}
