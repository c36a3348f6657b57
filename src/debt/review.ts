import { z } from '../core/zod.js';
import type { ScenarioMap } from '../impact/scenario-map.js';
import type { ConfigMove } from './ack-config.js';
import type { AckDebt, ChangedFile } from './ack-debt.js';
import { FigureSchema } from './model.js';
import { DebtSinceAckSchema, type DebtSinceAck } from './review-debt.js';

/** `spec review --json`: the change since the last ack, by intent. */
export const ReviewSchema = z.strictObject({
  schemaVersion: z.literal(1),
  ack: z.strictObject({ at: z.string(), message: z.string().nullable(), commit: z.string().nullable() }).nullable(),
  figures: z.strictObject({ unreviewed: FigureSchema, drift: FigureSchema, selfGraded: FigureSchema, specChurnRatio: FigureSchema }),
  /** Specs added, changed or removed, with how their scenarios ended in the last recorded run. */
  specs: z.array(
    z.strictObject({
      file: z.string(),
      change: z.enum(['added', 'changed', 'removed']),
      added: z.number().int(),
      removed: z.number().int(),
      status: z.enum(['passing', 'failing', 'draft', 'unknown']).describe('unknown: no recorded run ran it'),
    }),
  ),
  /** Step and support files added, changed or removed. */
  steps: z.array(z.strictObject({ file: z.string(), change: z.enum(['added', 'changed', 'removed']), added: z.number().int(), removed: z.number().int() })),
  /** Source changed since the ack, largest (unreviewed) first: with no change to a spec that traces it, or (changedWith) together with one. */
  sources: z.array(
    z.strictObject({
      file: z.string(),
      change: z.enum(['added', 'changed', 'removed']),
      lines: z.array(z.number().int()).describe('lines added or changed (current text)'),
      added: z.number().int(),
      removed: z.number().int(),
      unreviewed: z.number(),
      scenarios: z.array(z.string()).describe('scenarios (file:line) that run it, from the scenario map'),
      changedWith: z.array(z.string()).optional().describe('specs that trace it and changed with it (self-graded): the code is still to review'),
      renamedFrom: z.string().optional().describe('the file of the ack it was renamed from: only the lines changed since count'),
    }),
  ),
  /** spec.config and the cucumber profile: they decide what is checked, so they are part of the oracle. */
  config: z
    .array(z.strictObject({ file: z.string(), change: z.enum(['added', 'changed', 'removed']), keys: z.array(z.string()).describe('keys whose value differs (none: only the text changed)') }))
    .nullable()
    .describe('config files added, changed or removed since the ack; null before the first ack, or when the ack predates config records (an older spec wrote it)'),
  drifted: z.array(z.strictObject({ spec: z.string(), changed: z.array(z.string()) })),
  selfGraded: z.array(z.strictObject({ spec: z.string(), changed: z.array(z.string()) })),
  debt: DebtSinceAckSchema.nullable().describe('every figure at the ack and now, and its change; null before the first ack'),
});
export type Review = z.infer<typeof ReviewSchema>;
export type SpecStatus = Review['specs'][number]['status'];

/** Composes a review from the ack-based measurement, the scenario map and the draft specs. */
export function buildReview(debt: AckDebt, map: ScenarioMap | undefined, since: DebtSinceAck | undefined, drafts: Set<string>, config: ConfigMove[] | null = null): Review {
  const gradedBy = (file: string) => debt.specs.filter((s) => s.selfGraded && s.changedCode.includes(file)).map((s) => s.spec);
  const tracedBy = new Map(debt.specs.map((s) => [s.spec, new Set(s.traced)]));
  const of = (kind: ChangedFile['kind']) => debt.changed.filter((c) => c.kind === kind);
  return {
    schemaVersion: 1,
    ack: debt.ack,
    figures: debt.figures,
    specs: of('spec').map((c) => ({ file: c.file, change: c.change, added: c.added, removed: c.removed, status: drafts.has(c.file) ? 'draft' : statusOf(map, c.file) })),
    steps: of('step').map((c) => ({ file: c.file, change: c.change, added: c.added, removed: c.removed })),
    sources: of('source').map((c) => {
      const changedWith = gradedBy(c.file);
      return { file: c.file, change: c.change, lines: c.lines, added: c.added, removed: c.removed, unreviewed: c.unreviewed, scenarios: scenariosRunning(map, c.file, tracedBy), ...(changedWith.length ? { changedWith } : {}), ...(c.renamedFrom ? { renamedFrom: c.renamedFrom } : {}) };
    }),
    config: debt.ack ? config : null,
    drifted: debt.specs.filter((s) => s.drift.length).map((s) => ({ spec: s.spec, changed: s.drift })),
    selfGraded: debt.specs.filter((s) => s.selfGraded).map((s) => ({ spec: s.spec, changed: s.changedCode })),
    debt: debt.ack && since ? since : null,
  };
}

function statusOf(map: ScenarioMap | undefined, spec: string): SpecStatus {
  const statuses = (map?.scenarios ?? []).filter((s) => s.file === spec).map((s) => s.status);
  if (statuses.some((s) => s !== undefined && s !== 'passed' && s !== 'skipped' && s !== 'unknown')) return 'failing';
  // Skipped or unrecorded is not passing: only a spec whose every scenario passed is.
  return statuses.length && statuses.every((s) => s === 'passed') ? 'passing' : 'unknown';
}

/** Scenarios that executed the file (coverage), or, recorded without coverage, those whose spec traces it through its steps' imports. */
function scenariosRunning(map: ScenarioMap | undefined, file: string, tracedBy: Map<string, Set<string>>): string[] {
  return (map?.scenarios ?? []).filter((s) => (s.covered ? s.covered.includes(file) : tracedBy.get(s.file)?.has(file))).map((s) => s.id);
}
