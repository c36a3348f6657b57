import { z } from '../core/zod.js';
import type { SpecProblem } from '../core/errors.js';
import { VERDICT_REPORTER_NAMES, type ReporterName } from '../core/reporters.js';
import type { Source } from './sources.js';

const argv = z.array(z.string().min(1)).min(1);

export const GateConfigSchema = z.union([
  z.literal(false),
  argv,
  z.strictObject({
    command: argv,
    timeout: z.number().int().positive().optional(),
  }),
]);

const limit = z.number().min(0);

/** Comprehension-debt thresholds: a figure past one fails verify (the README's "Comprehension debt" names each metric). */
export const DebtConfigSchema = z.strictObject({
  maxUnspecified: limit.optional().describe('executable source lines no scenario executes'),
  maxDeclaredOnly: limit.optional().describe("lines a Markdown spec's covers: claims but no scenario executes"),
  maxOpaqueComplexity: limit.optional().describe('cognitive complexity of functions no scenario executes'),
  maxUnreviewed: limit.optional().describe('weighted source lines changed since the last spec ack'),
  maxDrift: limit.optional().describe('specs whose traced code changed since the ack while they did not'),
  maxSelfGraded: limit.optional().describe('specs changed together with the code they trace'),
  maxVacuousChecks: limit.optional().describe('Then steps that cannot fail, and scenarios with no Then'),
  noVacuousChecks: z.boolean().optional().describe('true: any vacuous check fails verify (maxVacuousChecks: 0)'),
  maxBindingHealth: limit.optional().describe('undefined, ambiguous and pending steps, and unused definitions'),
  minScore: z.number().min(0).max(100).optional().describe('the debt score, 0–100 (100: no debt)'),
});
export type DebtConfig = z.infer<typeof DebtConfigSchema>;

/** What a user may write in spec.config.* (or under "spec" in package.json). */
export const UserConfigSchema = z.strictObject({
  specs: z.array(z.string()).optional().describe('globs of spec files: .feature, .feature.md, .md'),
  steps: z.array(z.string()).optional().describe('globs of step definition and support files'),
  requireModules: z.array(z.string()).optional().describe('modules required before the steps (e.g. a custom loader)'),
  module: z.enum(['cjs', 'esm']).optional().describe('how TypeScript steps load: cjs (require, fastest) or esm (import)'),
  timeout: z.number().int().positive().optional().describe('per step and hook, in ms'),
  runTimeout: z.number().int().positive().optional().describe('whole scenario run, in ms'),
  tags: z.string().optional().describe('tag expression always applied'),
  retry: z.number().int().min(0).optional().describe('re-run a failed scenario up to this many times (overrides the cucumber profile\'s retry); one that then passes is flaky'),
  retryTagFilter: z.string().optional().describe('a tag expression: only the scenarios it matches are retried (and-ed with the cucumber profile\'s retryTagFilter, as cucumber does)'),
  strict: z.boolean().optional().describe('pending and undefined steps, and scenarios with no steps, fail the run (off: counted as skipped)'),
  passWithNoScenarios: z.boolean().optional().describe('a run that selects no scenario passes (by default it fails: running nothing is not a pass)'),
  worldParameters: z.record(z.string(), z.unknown()).optional(),
  profile: z.string().optional().describe('cucumber.cjs profile to honour'),
  gates: z.record(z.string(), GateConfigSchema).optional().describe('extra gates: name → argv, {command, timeout} or false'),
  reporter: z.enum(VERDICT_REPORTER_NAMES).optional().describe('the report printed to stdout when no flag chooses one'),
  failOnFlaky: z.boolean().optional().describe('a scenario that passes only on a retry fails the run (by default it passes, counted and listed as flaky)'),
  coverage: z.boolean().optional().describe('record which files each scenario runs code in (V8 coverage), so watch and --changed select exactly; costs ≈ 1–2 ms a scenario'),
  runner: z.enum(['thread', 'process']).optional().describe('where scenarios run: a worker thread (fastest start) or a child process (for steps that need process.chdir or non-thread-safe native addons)'),
  locked: z.boolean().optional().describe('every spec verify, and every agent hook, is spec verify --locked: a spec, step-definition or config file added, changed or removed since the last spec ack fails it'),
  debt: z.union([z.literal(false), DebtConfigSchema]).optional().describe('comprehension debt: false turns it off (verdict debt: null, no history); an object sets thresholds that fail verify'),
});

export type UserConfig = z.infer<typeof UserConfigSchema>;
export type GateConfig = z.infer<typeof GateConfigSchema>;

export interface ResolvedGate {
  name: string;
  command: string[];
  timeout: number;
}

/** Every field filled: what the rest of specloop reads. */
export interface ResolvedConfig {
  root: string;
  /** The config file it came from, project-relative, if any. */
  configFile: string | undefined;
  specs: string[];
  steps: string[];
  requireModules: string[];
  module: 'cjs' | 'esm';
  timeout: number;
  runTimeout: number;
  tags: string | undefined;
  retry: number;
  retryTagFilter: string | undefined;
  failOnFlaky: boolean;
  strict: boolean;
  /**
   * Where each key the user set came from: spec.config (its file) or the API's `config` overrides.
   * A key missing here holds specloop's default, so "the user chose" is data, not object identity.
   */
  sources: Partial<Record<keyof UserConfig, Source>>;
  passWithNoScenarios: boolean;
  worldParameters: Record<string, unknown>;
  profile: string | undefined;
  /** Gate name → config as written; defaults are detected later, per project. */
  gates: Record<string, GateConfig>;
  reporter: ReporterName | undefined;
  coverage: boolean;
  /** Unset: a thread when the process stands in the project folder, else a child process. */
  runner: 'thread' | 'process' | undefined;
  /** Every verify compares the oracle with the ack, as --locked does. */
  locked: boolean;
  /** false: debt is not measured; else the thresholds (none set: measured, never failing). */
  debt: false | DebtConfig;
  /** What loading the config noticed but did not refuse (a second config file that is ignored). */
  warnings?: SpecProblem[];
}
