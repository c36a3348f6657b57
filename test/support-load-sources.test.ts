import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportLoadSources } from '../src/run/compact-paths.js';
import { tempProject } from './helpers.js';

const require = createRequire(import.meta.url);
const { loadSupport } = require('@cucumber/cucumber/api') as typeof import('@cucumber/cucumber/api');

// The temp project has no node_modules: its steps register with this copy of cucumber, by path.
const STEPS = (text: string) => `const { Given } = require(${JSON.stringify(require.resolve('@cucumber/cucumber'))});\nGiven(${JSON.stringify(text)}, () => {});\n`;

/** What cucumber loads for `support`, with the feature paths supportLoadSources gives it. */
async function loaded(root: string, requirePaths: string[]): Promise<string[]> {
  const support = { requireModules: [], requirePaths, importPaths: [], loaders: [] };
  const sources = { paths: supportLoadSources(support, requirePaths), defaultDialect: 'en', names: [], tagExpression: '', order: 'defined' as const };
  const library = await loadSupport({ sources, support }, { cwd: root, stdout: process.stdout, stderr: process.stderr, env: {} });
  return (library as unknown as { stepDefinitions: { pattern: unknown }[] }).stepDefinitions.map((d) => String(d.pattern)).sort();
}

describe('supportLoadSources', () => {
  it('stands one named support file in for the specs, which cucumber would walk only to find support', () => {
    expect(supportLoadSources({ requirePaths: ['/p/steps/*.ts'], importPaths: [] }, ['/p/steps/a.ts', '/p/steps/b.ts'])).toEqual(['/p/steps/a.ts']);
    expect(supportLoadSources({ requirePaths: [], importPaths: ['/p/steps/a.mjs'] }, ['/p/steps/a.mjs'])).toEqual(['/p/steps/a.mjs']);
  });

  it('keeps the default when no support is named: then the specs decide which support loads', () => {
    expect(supportLoadSources({ requirePaths: [], importPaths: [] }, [])).toEqual([]);
  });

  it('never stands in a name cucumber would read as a glob, a line filter or a rerun file', () => {
    const support = { requirePaths: ['x'], importPaths: [] };
    expect(supportLoadSources(support, ['/p/steps/[id].ts', '/p/@rerun.txt', '/p/a.ts:3', '/p/steps/ok.ts'])).toEqual(['/p/steps/ok.ts']);
    expect(supportLoadSources(support, ['/p/steps/{a,b}.ts'])).toEqual([]);
  });

  it('loads with real cucumber what the default loads, named support or not', async () => {
    const files = { 'features/a.feature': 'Feature: a\n  Scenario: s\n    Given named\n', 'features/step_definitions/beside.js': STEPS('beside'), 'steps/named.js': STEPS('named') };
    const named = tempProject('spec-sources-', files);
    expect(await loaded(named, [path.join(named, 'steps/named.js')])).toEqual(['named']);
    // Nothing named: cucumber finds the support beside the features, as before.
    const beside = tempProject('spec-sources-', files);
    expect(await loaded(beside, [])).toEqual(['beside']);
  });
});
