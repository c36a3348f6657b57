/**
 * Measures the vacuous-check detector on real suites: specloop's own steps and every fixture
 * project. Run with `npm run build && npx tsx test/fixtures-debt/measure-vacuous.ts`; the counts go
 * to README.md ("Vacuous checks") after reading each flagged step by hand.
 *
 * Input is what cucumber itself reports, as a verify run would: a dry run (`dryRun: true`, nothing
 * executes) of each suite gives the step definitions (id, pattern, uri, line), the pickles with
 * their steps' Given/When/Then type and the definitions each step matched. Markdown specs are
 * compiled first by `spec compile` (each fixture on a copy under .tmp/, never in fixtures/).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type * as messages from '@cucumber/messages';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { globSync } from 'tinyglobby';
import { findVacuousChecks, type ScenarioRef, type StepDefinitionRef } from '../../src/debt/vacuous.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const STEP_GLOBS = ['steps/**/*.{ts,js,mjs,cjs}', 'features/step_definitions/**/*.{ts,js,mjs,cjs}', 'features/support/**/*.{ts,js,mjs,cjs}', 'tests/steps/**/*.{ts,js}'];

async function dryRun(cwd: string, steps: string[], esm: boolean): Promise<{ definitions: StepDefinitionRef[]; scenarios: ScenarioRef[] }> {
  const paths = globSync(['features/**/*.feature', 'tests/features/**/*.feature', '.spec/compiled/**/*.feature'], { cwd, dot: true });
  const { runConfiguration } = await loadConfiguration({ file: false, provided: { paths, ...(esm ? { import: steps } : { require: steps }), dryRun: true, format: [] } }, { cwd });
  const definitions: StepDefinitionRef[] = [];
  const pickles = new Map<string, messages.Pickle>();
  const scenarios: ScenarioRef[] = [];
  await runCucumber(runConfiguration, { cwd, stdout: process.stderr, stderr: process.stderr }, (e: messages.Envelope) => {
    if (e.stepDefinition) definitions.push({ id: e.stepDefinition.id, uri: e.stepDefinition.sourceReference.uri ?? '', line: e.stepDefinition.sourceReference.location?.line ?? 0, pattern: e.stepDefinition.pattern.source });
    if (e.pickle) pickles.set(e.pickle.id, e.pickle);
    if (e.testCase) {
      const pickle = pickles.get(e.testCase.pickleId)!;
      const byStep = new Map(e.testCase.testSteps.filter((t) => t.pickleStepId).map((t) => [t.pickleStepId!, t.stepDefinitionIds ?? []]));
      scenarios.push({ uri: pickle.uri, line: 0, name: pickle.name, steps: pickle.steps.map((s) => ({ type: s.type as ScenarioRef['steps'][number]['type'], definitionIds: byStep.get(s.id) ?? [] })) });
    }
  });
  return { definitions, scenarios };
}

/** specloop's own steps are CommonJS through tsx (cucumber.cjs); a fixture loads as its package.json says. */
async function measure(name: string, cwd: string, esm: boolean): Promise<void> {
  const steps = globSync(STEP_GLOBS, { cwd });
  try {
    execFileSync(process.execPath, [path.join(REPO, 'bin/spec.js'), 'compile'], { cwd, stdio: 'ignore' });
  } catch {
    // No Markdown spec (or none where spec looks by default): the .feature files are read as they are.
  }
  const { definitions, scenarios } = await dryRun(cwd, steps, esm);
  const report = findVacuousChecks({ root: cwd, definitions, scenarios, supportFiles: steps });
  console.log(`${name}: ${definitions.length} definitions, ${report.checked.length} Then checked, ${report.vacuousSteps.length} flagged, ${report.guardOnlySteps.length} guard-only, ${report.unresolved.length} unresolved, ${scenarios.length} pickles, ${report.scenariosWithoutThen.length} without Then`);
  for (const v of report.vacuousSteps) console.log(`  vacuous ${v.uri}:${v.line} ${v.keyword}('${v.pattern}')`);
  for (const g of report.guardOnlySteps) console.log(`  guard only ${g.uri}:${g.line} ${g.keyword}('${g.pattern}'): ${g.failsBy.what} at ${g.failsBy.file}:${g.failsBy.line}`);
  for (const s of report.scenariosWithoutThen) console.log(`  no Then: ${s.uri} "${s.name}"`);
  for (const u of report.unresolved) console.log(`  unresolved ${u.uri}:${u.line} ${u.why}`);
}

const only = process.argv[2];
if (!only || only === 'specloop') await measure('specloop', REPO, false);
const scratch = path.join(REPO, '.tmp/debt-measure');
for (const fixture of globSync('fixtures/*/', { cwd: REPO, onlyDirectories: true }).map((d) => path.basename(d)).sort()) {
  if (only && only !== fixture) continue;
  const copy = path.join(scratch, fixture);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  cpSync(path.join(REPO, 'fixtures', fixture), copy, { recursive: true });
  try {
    const esm = (JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { type?: string }).type === 'module';
    await measure(fixture, copy, esm);
  } catch (error) {
    console.log(`${fixture}: not measured: ${(error as Error).message.split('\n')[0]}`);
  }
}
rmSync(scratch, { recursive: true, force: true });
