/**
 * Recall of the vacuous-check detector, by mutation: on a copy of specloop's steps (with src/) and
 * of each fixture, every statement of a `Then` step's own body that asserts or throws is deleted,
 * so each such step checks nothing of its own any more; then the detector runs on the copy. A
 * mutated step it does not flag still reaches an assertion or throw through a helper it calls —
 * often a guard ("no command has run"), not a check of the outcome. Run with
 * `npx tsx test/fixtures-debt/mutate-vacuous.ts`; the counts go to README.md ("Vacuous checks").
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Node, Project, type CallExpression } from 'ts-morph';
import { globSync } from 'tinyglobby';
import { findVacuousChecks, type StepDefinitionRef } from '../../src/debt/vacuous.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const STEP_GLOBS = ['steps/**/*.{ts,js,mjs,cjs}', 'features/step_definitions/**/*.{ts,js,mjs,cjs}', 'features/support/**/*.{ts,js,mjs,cjs}', 'tests/steps/**/*.{ts,js}'];
const ASSERTS = /\b(assert|expect)\b|\.should\b|\bthrow\b/;

/** Deletes the asserting statements of every Then body in the copy's step files; the mutated definitions. */
function mutate(root: string): StepDefinitionRef[] {
  const project = new Project({ compilerOptions: { allowJs: true } });
  const definitions: StepDefinitionRef[] = [];
  for (const file of globSync(STEP_GLOBS, { cwd: root })) {
    const sf = project.addSourceFileAtPath(path.join(root, file));
    const thens = sf.getDescendants().filter((n): n is CallExpression => Node.isCallExpression(n) && /^(\w+\.)?Then$/.test(n.getExpression().getText()));
    for (const call of thens.reverse()) {
      const fn = call.getArguments().at(-1);
      const body = fn && (Node.isFunctionExpression(fn) || Node.isArrowFunction(fn)) ? fn.getBody() : undefined;
      if (!body || !Node.isBlock(body)) continue;
      const asserting = body.getStatements().filter((st) => ASSERTS.test(st.getText()));
      if (asserting.length === 0) continue;
      for (const st of asserting.reverse()) st.remove();
      definitions.push({ uri: file, line: call.getStartLineNumber(), pattern: call.getArguments()[0]?.getText() ?? '' });
    }
    sf.saveSync();
  }
  return definitions;
}

function measure(name: string, root: string): void {
  const definitions = mutate(root);
  // Lines moved up as statements went: re-read the calls' lines from the saved copies.
  const report = findVacuousChecks({ root, definitions: relocate(root, definitions), scenarios: [], supportFiles: globSync(STEP_GLOBS, { cwd: root }) });
  console.log(`${name}: ${definitions.length} Then steps stripped of their own assertions, ${report.vacuousSteps.length} flagged vacuous, ${report.guardOnlySteps.length} flagged guard-only, ${report.unresolved.length} unresolved`);
  for (const c of report.checked.filter((c) => c.failsBy && !c.guardOnly)) console.log(`  still able to fail: ${c.uri}:${c.line} ${c.pattern} — ${c.failsBy!.what} at ${c.failsBy!.file}:${c.failsBy!.line} via ${c.failsBy!.via.join(' → ')}`);
}

function relocate(root: string, definitions: StepDefinitionRef[]): StepDefinitionRef[] {
  const project = new Project({ compilerOptions: { allowJs: true } });
  return definitions.map((d) => {
    const sf = project.addSourceFileAtPath(path.join(root, d.uri));
    const call = sf.getDescendants().find((n): n is CallExpression => Node.isCallExpression(n) && /^(\w+\.)?Then$/.test(n.getExpression().getText()) && n.getArguments()[0]?.getText() === d.pattern);
    return { ...d, line: call?.getStartLineNumber() ?? d.line };
  });
}

const scratch = path.join(REPO, '.tmp/debt-mutate');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(path.join(scratch, 'specloop'), { recursive: true });
for (const dir of ['steps', 'src']) cpSync(path.join(REPO, dir), path.join(scratch, 'specloop', dir), { recursive: true });
measure('specloop', path.join(scratch, 'specloop'));
for (const fixture of globSync('fixtures/*/', { cwd: REPO, onlyDirectories: true }).map((d) => path.basename(d)).sort()) {
  cpSync(path.join(REPO, 'fixtures', fixture), path.join(scratch, fixture), { recursive: true });
  measure(fixture, path.join(scratch, fixture));
}
rmSync(scratch, { recursive: true, force: true });
