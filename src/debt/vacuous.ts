import path from 'node:path';
import type { CallExpression, SourceFile } from 'ts-morph';
import { Node, Project, ts } from '../core/ts-morph.js';
import { FailFinder } from './can-fail.js';
import { functionOf } from './can-fail-syntax.js';
import { judgeVacuous, type StepAnalysis, type StepCall, type VacuousInput, type VacuousReport } from './vacuous-judge.js';
import { STEP_FUNCTIONS } from '../core/step-functions.js';

export { judgeVacuous, type CheckedStep, type ScenarioRef, type StepAnalysis, type StepCall, type StepDefinitionRef, type VacuousInput, type VacuousReport, type VacuousStep } from './vacuous-judge.js';

/**
 * `vacuousChecks`: `Then` steps whose definition cannot fail, and scenarios with no `Then`.
 *
 * A definition is a `Then` when it is written `Then(…)`; written `defineStep`/`Step`, when some
 * scenario runs it as an outcome (a `Then`, or an `And`/`But` after one, in any dialect); written
 * `Given`/`When`, only when every scenario that runs it runs it as an outcome — a setup step that a
 * scenario also uses after a `Then` (to note a state before its next `When`) is not a check. It is vacuous when its function holds no assertion, `throw`, rejection or
 * errored callback and calls no project function that does (see can-fail.ts).
 */

/** The slow half (ts-morph): needs only the files, so it runs while the scenarios run, cached by `read`'s content. */
export function analyzeStepFiles(input: { root: string; stepFiles: string[]; supportFiles?: string[]; maxDepth?: number }): StepAnalysis {
  const project = projectOnlyProject();
  const finder = new FailFinder(project, input.root, input.maxDepth);
  const checksOnly = new FailFinder(project, input.root, input.maxDepth, false);
  const files = [...new Set(input.stepFiles.map((f) => path.resolve(input.root, f)))].map((f) => project.addSourceFileAtPathIfExists(f)).filter((f): f is SourceFile => f !== undefined);
  for (const file of input.supportFiles ?? []) project.addSourceFileAtPathIfExists(path.resolve(input.root, file));
  project.resolveSourceFileDependencies();
  const calls: StepCall[] = [];
  for (const sf of files) {
    const uri = path.relative(input.root, sf.getFilePath()).split(path.sep).join('/');
    for (const call of sf.getDescendants().filter((n): n is CallExpression => Node.isCallExpression(n) && keywordOf(n) !== undefined)) {
      const place = { uri, line: call.getStartLineNumber(), patternLine: (call.getArguments()[0] ?? call).getStartLineNumber(), keyword: keywordOf(call)! };
      const fn = stepFunction(call);
      if (!fn) {
        calls.push({ ...place, unresolved: 'its step function is not written in the project where it is registered' });
        continue;
      }
      const failsBy = finder.find(fn);
      const guardOnly = failsBy !== undefined && checksOnly.find(fn) === undefined;
      calls.push({ ...place, ...(failsBy ? { failsBy } : {}), ...(guardOnly ? { guardOnly } : {}) });
    }
  }
  return { calls, read: project.getSourceFiles().map((f) => f.getFilePath()) };
}

export function findVacuousChecks(input: VacuousInput): VacuousReport {
  const stepFiles = [...new Set(input.definitions.map((d) => d.uri))];
  return judgeVacuous(analyzeStepFiles({ root: input.root, stepFiles, supportFiles: input.supportFiles, maxDepth: input.maxDepth }), input.definitions, input.scenarios);
}

/**
 * A ts-morph project that reads the project's own files and nothing else: relative imports are
 * resolved, packages and the standard library are not (libraries are never followed, and loading
 * their declarations took 5 of the 11 s on specloop's own steps; assertion modules are recognised by
 * their import's text). Path aliases and workspace packages are therefore not followed either.
 */
function projectOnlyProject(): Project {
  return new Project({
    compilerOptions: { allowJs: true, noEmit: true, noLib: true, types: [], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
    resolutionHost: (host, options) => ({
      resolveModuleNames: (names, containing) => names.map((name) => {
        if (!name.startsWith('.')) return undefined;
        const resolved = ts.resolveModuleName(name, containing, options(), host).resolvedModule;
        return resolved && !resolved.resolvedFileName.split(/[\\/]/).includes('node_modules') ? resolved : undefined;
      }),
    }),
  });
}

function keywordOf(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  return name && STEP_FUNCTIONS.has(name) ? name : undefined;
}

/** The step's own function: the last argument, written inline or named (a function declared elsewhere). */
function stepFunction(call: CallExpression): Node | undefined {
  const last = call.getArguments().at(-1);
  if (!last) return undefined;
  const inline = functionOf(last) ?? (Node.isFunctionExpression(last) || Node.isArrowFunction(last) ? last : undefined);
  if (inline) return inline;
  if (!Node.isIdentifier(last)) return undefined;
  let symbol = last.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  return (symbol?.getDeclarations() ?? []).map(functionOf).find((n) => n !== undefined);
}
