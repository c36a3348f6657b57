import path from 'node:path';
import { Node, Project, ts, type CallExpression, type SourceFile } from 'ts-morph';
import { FailFinder, functionOf, type FailPoint } from './can-fail.js';

/**
 * `vacuousChecks`: `Then` steps whose definition cannot fail, and scenarios with no `Then`.
 *
 * A definition is a `Then` when it is written `Then(…)`, or when a scenario's outcome step (`Then`,
 * or an `And`/`But` after one, in any dialect) runs it — which catches `defineStep` and a `Given`
 * reused as an outcome. It is vacuous when its function holds no assertion, `throw`, rejection or
 * errored callback and calls no project function that does (see can-fail.ts).
 */
export interface StepDefinitionRef {
  /** cucumber's id, to match the scenarios' steps (RunDefinition.id). */
  id?: string;
  /** Relative to the project root, as cucumber reports it. */
  uri: string;
  line: number;
  pattern: string;
}

export interface ScenarioRef {
  uri: string;
  line: number;
  name: string;
  steps: { type?: 'Context' | 'Action' | 'Outcome' | 'Unknown'; definitionIds?: string[] }[];
}

export interface VacuousInput {
  root: string;
  definitions: StepDefinitionRef[];
  scenarios: ScenarioRef[];
  /**
   * The project's support files (relative or absolute): a World's methods are looked up there when a
   * step calls `this.method()` on an untyped `this`. Step files are read anyway.
   */
  supportFiles?: string[];
  /** How many project functions deep calls are followed (default 6). */
  maxDepth?: number;
}

export interface VacuousStep extends StepDefinitionRef {
  /** The keyword the definition is written with (`Then`, `defineStep`, `Given`…). */
  keyword: string;
}

export interface CheckedStep extends VacuousStep {
  /** How it can fail; absent when nothing can (a vacuous check). */
  failsBy?: FailPoint;
}

export interface VacuousReport {
  /** Every `Then` definition examined, with the way it can fail when one was found. */
  checked: CheckedStep[];
  vacuousSteps: VacuousStep[];
  scenariosWithoutThen: { uri: string; line: number; name: string }[];
  /** Definitions whose code was not found at their file and line (so maybe a `Then`): not judged. */
  unresolved: (StepDefinitionRef & { why: string })[];
}

const STEP_FUNCTIONS = new Set(['Given', 'When', 'Then', 'And', 'But', 'defineStep', 'Step']);

export function findVacuousChecks(input: VacuousInput): VacuousReport {
  const outcomeIds = new Set(input.scenarios.flatMap((s) => s.steps.filter((st) => st.type === 'Outcome').flatMap((st) => st.definitionIds ?? [])));
  const project = new Project({ compilerOptions: { allowJs: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [] } });
  const finder = new FailFinder(project, input.root, input.maxDepth);
  const report: VacuousReport = { checked: [], vacuousSteps: [], scenariosWithoutThen: [], unresolved: [] };
  const sources = new Map<string, SourceFile | undefined>();
  const located = input.definitions.map((def) => ({ def, call: locate(project, sources, input.root, def) }));
  for (const file of input.supportFiles ?? []) project.addSourceFileAtPathIfExists(path.resolve(input.root, file));
  project.resolveSourceFileDependencies();
  for (const { def, call } of located) {
    if (!call) {
      report.unresolved.push({ ...def, why: 'no step definition call at this line' });
      continue;
    }
    const keyword = keywordOf(call) ?? '';
    if (keyword !== 'Then' && !(def.id && outcomeIds.has(def.id))) continue;
    const fn = stepFunction(call);
    if (!fn) {
      report.unresolved.push({ ...def, why: 'its step function is not written in the project where it is registered' });
      continue;
    }
    const failsBy = finder.find(fn);
    const step: VacuousStep = { ...def, keyword };
    report.checked.push(failsBy ? { ...step, failsBy } : step);
    if (!failsBy) report.vacuousSteps.push(step);
  }
  report.scenariosWithoutThen = input.scenarios.filter((s) => !s.steps.some((st) => st.type === 'Outcome')).map(({ uri, line, name }) => ({ uri, line, name }));
  return report;
}

/** The step-definition call cucumber located at `uri:line` (the line of the call or of its pattern). */
function locate(project: Project, sources: Map<string, SourceFile | undefined>, root: string, def: StepDefinitionRef): CallExpression | undefined {
  const file = path.resolve(root, def.uri);
  if (!sources.has(file)) sources.set(file, project.addSourceFileAtPathIfExists(file));
  const sf = sources.get(file);
  if (!sf) return undefined;
  const candidates = sf.getDescendants().filter((n): n is CallExpression => Node.isCallExpression(n) && keywordOf(n) !== undefined);
  const spans = (call: CallExpression): boolean => {
    const first = call.getArguments()[0];
    return call.getStartLineNumber() <= def.line && def.line <= (first ?? call).getStartLineNumber();
  };
  return candidates.find((c) => c.getStartLineNumber() === def.line) ?? candidates.find(spans);
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
