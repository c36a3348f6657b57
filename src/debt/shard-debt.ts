import { z } from '../core/zod.js';
import type { BindingInput, Measured, VacuousInput } from './measure.js';
import { SpecDebtSchema, type SpecDebt } from './model.js';

/*
 * What a shard's verdict carries so that spec merge can measure the whole run's debt: the lines
 * its slice ran, and its share of the figures that are sums over scenarios (binding health,
 * vacuous checks, the specs and what they trace). Every scenario is in exactly one shard, so the
 * sums of the shares are the whole run's.
 */

const BindingShareSchema = z.object({
  undefinedSteps: z.number().int().min(0),
  ambiguousSteps: z.number().int().min(0),
  pendingSteps: z.number().int().min(0),
  steps: z.number().int().min(0),
  definitions: z.number().int().min(0).describe('every step definition loaded (a shard that records lines loads them all)'),
  unusedDefinitions: z.number().int().min(0).nullable().describe('judged against every scenario of the suite; null: not judged'),
  because: z.string().optional(),
});

export const ShardDebtSchema = z
  .object({
    globs: z.object({ specs: z.array(z.string()), steps: z.array(z.string()) }).describe('the spec and step globs the shard resolved: what debt counts as spec, step or source'),
    lines: z
      .record(z.string(), z.object({ hash: z.string().nullable(), ran: z.string().describe('the lines that ran, as ranges: "1-6,9,12-20"') }))
      .nullable()
      .describe("per project file, its content hash as the shard measured it and the source lines its scenarios ran; null: the shard recorded no line coverage"),
    binding: z.union([BindingShareSchema, z.object({ because: z.string() })]),
    vacuous: z.union([z.object({ checks: z.number().int().min(0), bySpec: z.record(z.string(), SpecDebtSchema.shape.vacuousChecks) }), z.object({ because: z.string() })]),
    specs: z.record(z.string(), z.object({ scenarios: z.number().int().min(0), traced: z.array(z.string()) })).describe('each spec the shard ran: its scenarios and the files they traced'),
  })
  .describe('what spec merge needs to measure the whole run\'s comprehension debt (absent when debt is off)');
export type ShardDebt = z.infer<typeof ShardDebtSchema>;

export type SpecsRan = Map<string, { scenarios: number; traced: string[] }>;

/** A shard's share, from what its run measured. */
export function shareOf(binding: Measured<BindingInput>, vacuous: Measured<VacuousInput>, specs: SpecsRan): Pick<ShardDebt, 'binding' | 'vacuous' | 'specs'> {
  return {
    binding: 'value' in binding ? binding.value : binding,
    vacuous: 'value' in vacuous ? { checks: vacuous.value.checks, bySpec: Object.fromEntries(vacuous.value.bySpec) } : vacuous,
    specs: Object.fromEntries(specs),
  };
}

/** The whole run's binding health, vacuous checks and specs, from every shard's share. */
export function combineShares(shares: readonly ShardDebt[]): { binding: Measured<BindingInput>; vacuous: Measured<VacuousInput>; specs: SpecsRan } {
  return { binding: combineBinding(shares.map((s) => s.binding)), vacuous: combineVacuous(shares.map((s) => s.vacuous)), specs: combineSpecs(shares.map((s) => s.specs)) };
}

function combineBinding(all: readonly ShardDebt['binding'][]): Measured<BindingInput> {
  const missing = all.find((b): b is { because: string } => !('steps' in b));
  if (missing) return { because: missing.because };
  const shares = all as BindingInput[];
  const sum = (pick: (b: BindingInput) => number) => shares.reduce((total, b) => total + pick(b), 0);
  const same = <T>(pick: (b: BindingInput) => T): T | undefined => (new Set(shares.map(pick)).size === 1 ? pick(shares[0]!) : undefined);
  const definitions = same((b) => b.definitions);
  const unused = same((b) => b.unusedDefinitions);
  // Each shard loaded every definition and judged them against the whole suite: they agree, or one of them is not this run's.
  if (definitions === undefined || unused === undefined) return { because: 'the shards loaded or judged different step definitions (not one checkout?)' };
  const because = shares.find((b) => b.because)?.because;
  return { value: { undefinedSteps: sum((b) => b.undefinedSteps), ambiguousSteps: sum((b) => b.ambiguousSteps), pendingSteps: sum((b) => b.pendingSteps), steps: sum((b) => b.steps), definitions, unusedDefinitions: unused, ...(because ? { because } : {}) } };
}

function combineVacuous(all: readonly ShardDebt['vacuous'][]): Measured<VacuousInput> {
  const missing = all.find((v): v is { because: string } => !('checks' in v));
  if (missing) return { because: missing.because };
  const shares = all.filter((v) => 'checks' in v);
  const bySpec = new Map<string, SpecDebt['vacuousChecks']>();
  // A spec's scenarios may be split over shards: its entries are joined, in line order.
  for (const share of shares) for (const [spec, entries] of Object.entries(share.bySpec)) bySpec.set(spec, [...(bySpec.get(spec) ?? []), ...entries].sort((a, b) => a.line - b.line));
  return { value: { checks: shares.reduce((total, v) => total + v.checks, 0), bySpec: new Map([...bySpec].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) } };
}

function combineSpecs(all: readonly ShardDebt['specs'][]): SpecsRan {
  const specs = new Map<string, { scenarios: number; traced: Set<string> }>();
  for (const share of all) {
    for (const [file, spec] of Object.entries(share)) {
      const into = specs.get(file) ?? { scenarios: 0, traced: new Set<string>() };
      into.scenarios += spec.scenarios;
      for (const traced of spec.traced) into.traced.add(traced);
      specs.set(file, into);
    }
  }
  return new Map([...specs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, s]) => [file, { scenarios: s.scenarios, traced: [...s.traced].sort() }]));
}
