import path from 'node:path';
import { Node, Project, ts, type CallExpression, type SourceFile } from 'ts-morph';
import { FailFinder, type FailPoint } from './can-fail.js';
import { functionOf } from './can-fail-syntax.js';

/**
 * `vacuousChecks`: `Then` steps whose definition cannot fail, and scenarios with no `Then`.
 *
 * A definition is a `Then` when it is written `Then(…)`; written `defineStep`/`Step`, when some
 * scenario runs it as an outcome (a `Then`, or an `And`/`But` after one, in any dialect); written
 * `Given`/`When`, only when every scenario that runs it runs it as an outcome — a setup step that a
 * scenario also uses after a `Then` (to note a state before its next `When`) is not a check. It is vacuous when its function holds no assertion, `throw`, rejection or
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
  steps: readonly { type?: 'Context' | 'Action' | 'Outcome' | 'Unknown'; definitionIds?: readonly string[] }[];
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
  /**
   * Set when it can fail only inside helpers it takes a value from (`const run = this.lastRun()`
   * throwing "no command has run"): a precondition, likely not a check of the outcome.
   */
  guardOnly?: true;
}

export interface VacuousReport {
  /** Every `Then` definition examined, with the way it can fail when one was found. */
  checked: CheckedStep[];
  vacuousSteps: VacuousStep[];
  /** `Then` steps that can fail, but only through helpers they take a value from (see CheckedStep). */
  guardOnlySteps: (VacuousStep & { failsBy: FailPoint })[];
  scenariosWithoutThen: { uri: string; line: number; name: string }[];
  /** Definitions whose code was not found at their file and line (so maybe a `Then`): not judged. */
  unresolved: (StepDefinitionRef & { why: string })[];
  /** Every file the analysis read (absolute): a cache of this report is valid while none of them changed. */
  read: string[];
}

const STEP_FUNCTIONS = new Set(['Given', 'When', 'Then', 'And', 'But', 'defineStep', 'Step']);

export function findVacuousChecks(input: VacuousInput): VacuousReport {
  const uses = usesByDefinition(input.scenarios);
  const project = projectOnlyProject();
  const finder = new FailFinder(project, input.root, input.maxDepth);
  const checksOnly = new FailFinder(project, input.root, input.maxDepth, false);
  const report: VacuousReport = { checked: [], vacuousSteps: [], guardOnlySteps: [], scenariosWithoutThen: [], unresolved: [], read: [] };
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
    if (!isOutcome(keyword, def.id === undefined ? undefined : uses.get(def.id))) continue;
    const fn = stepFunction(call);
    if (!fn) {
      report.unresolved.push({ ...def, why: 'its step function is not written in the project where it is registered' });
      continue;
    }
    const failsBy = finder.find(fn);
    const step: VacuousStep = { ...def, keyword };
    const guardOnly = failsBy !== undefined && checksOnly.find(fn) === undefined;
    report.checked.push(failsBy ? { ...step, failsBy, ...(guardOnly ? { guardOnly } : {}) } : step);
    if (!failsBy) report.vacuousSteps.push(step);
    else if (guardOnly) report.guardOnlySteps.push({ ...step, failsBy });
  }
  report.read = project.getSourceFiles().map((f) => f.getFilePath());
  report.scenariosWithoutThen = input.scenarios.filter((s) => !s.steps.some((st) => st.type === 'Outcome')).map(({ uri, line, name }) => ({ uri, line, name }));
  return report;
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

/** For each definition id, the step types of the scenario steps that ran it. */
function usesByDefinition(scenarios: ScenarioRef[]): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  for (const step of scenarios.flatMap((s) => s.steps)) {
    for (const id of step.definitionIds ?? []) uses.set(id, (uses.get(id) ?? new Set()).add(step.type ?? 'Unknown'));
  }
  return uses;
}

function isOutcome(keyword: string, used: Set<string> | undefined): boolean {
  if (keyword === 'Then') return true;
  if (!used?.has('Outcome')) return false;
  return keyword === 'Given' || keyword === 'When' ? used.size === 1 : true;
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
