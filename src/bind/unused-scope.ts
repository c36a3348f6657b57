import type { RunResult } from '../core/run-result.js';

/**
 * How unused step definitions are judged: by this run ('run'), against every scenario of the specs
 * when only a configured filter (profile or spec.config tags, profile names) narrowed the run
 * ('suite'), or not at all after a filter this command was given ('none'). `because` is said in
 * the verdict.
 */
export interface UnusedScope {
  scope: 'run' | 'suite' | 'none';
  because: string;
}

export function unusedScope(runFiltered: boolean, configuredTags: string, configuredNames: string[]): UnusedScope {
  if (runFiltered) return { scope: 'none', because: 'not judged: this run was narrowed (paths, lines, --tags, --name or --changed)' };
  const filters = [...(configuredTags ? [`tags ${configuredTags}`] : []), ...(configuredNames.length ? [`names ${configuredNames.join(', ')}`] : [])];
  if (filters.length === 0) return { scope: 'run', because: 'judged by this run of every scenario' };
  return { scope: 'suite', because: `judged against every scenario in the specs, also those the configured ${filters.join(' and ')} leave out` };
}

/** Scenarios cut for blocking never reported which definitions they used. */
export const CUT_SHORT: UnusedScope = { scope: 'none', because: 'not judged: scenarios were cut short' };

/**
 * Under a configured filter, a definition that only scenarios left out of the run use is still used.
 * `texts`: the suite's step texts when already begun (suiteStepTexts, while the scenarios ran).
 */
export async function judgeUnusedAcrossSuite(result: RunResult, specFiles: string[], root: string, language?: string, texts?: Promise<string[]>): Promise<RunResult> {
  const candidates = result.definitions.filter((d) => !d.used);
  if (candidates.length === 0) return result;
  const [all, { definitionsUsedBy }] = await Promise.all([texts ?? suiteStepTexts(specFiles, root, language), import('./unused.js')]);
  const used = definitionsUsedBy(candidates, all, result.parameterTypes);
  return { ...result, definitions: result.definitions.map((d) => (used.has(d.id) ? { ...d, used: true } : d)) };
}

/**
 * Every step text of the specs, as their pickles give it (outlines' rows filled in). Parsing a suite
 * costs a shard a few hundred ms: a run begins it while its scenarios run (api/verify-run.ts), so
 * the tail after them only matches the definitions.
 */
export async function suiteStepTexts(specFiles: string[], root: string, language?: string): Promise<string[]> {
  const [{ compileSpecs }, { compilePickles }] = await Promise.all([import('../spec/compile.js'), import('../spec/gherkin.js')]);
  const compiled = await compileSpecs(root, specFiles, { write: false, language });
  return compiled.files.flatMap((f) => compilePickles(f.document, f.path).flatMap((p) => p.steps.map((s) => s.text)));
}
