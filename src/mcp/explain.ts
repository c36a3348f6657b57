import { z } from '../core/zod.js';
import { SpecloopError } from '../core/errors.js';
import { makeExcerpter } from '../report/source-excerpt.js';
import { DefinitionRefSchema, FailureSchema, ScenarioResultSchema, type Verdict } from '../report/verdict.js';

const ExcerptSchema = z.object({ file: z.string(), startLine: z.number().int().min(1), lines: z.array(z.string()) });

export const ExplanationSchema = z.object({
  index: z.number().int().min(0).describe('the failure\'s index in the last verdict\'s failures'),
  of: z.number().int().min(0).describe('how many failures the last verdict has'),
  failure: FailureSchema,
  scenario: ScenarioResultSchema.optional().describe('the scenario it belongs to, every step with its status and definition'),
  spec: ExcerptSchema.optional().describe('the spec source around the failure'),
  definition: DefinitionRefSchema.extend({ source: ExcerptSchema.optional() }).optional().describe('the step definition the failing step ran, with its source'),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

const SPEC_CONTEXT = 6;
const DEFINITION_LINES = 15;

/**
 * One failure of the last verdict in full: which one by index, or by scenario (id `file:line` or
 * name). The definition's source is read now, so it shows the code as it stands.
 */
export function explainFailure(root: string, verdict: Verdict | undefined, pick: { index?: number; scenario?: string }): Explanation {
  if (!verdict) throw usage('no verify has run in this session yet: call `verify` first, then explain one of its failures');
  const { failures } = verdict;
  if (failures.length === 0) throw usage(`the last verify had no failures (${verdict.summary})`);
  const index = pick.scenario !== undefined ? failures.findIndex((f) => f.scenarioId === pick.scenario || f.scenario === pick.scenario) : (pick.index ?? 0);
  const failure = failures[index];
  if (!failure) throw usage(pick.scenario !== undefined ? `no failure of the last verify belongs to scenario "${pick.scenario}"` : `failure ${index} does not exist: the last verify has ${failures.length} (0–${failures.length - 1})`);
  const scenario = verdict.scenarios.find((s) => s.id === failure.scenarioId);
  const specAt = makeExcerpter(root, SPEC_CONTEXT);
  const spec = failure.location && specAt(failure.location.file, failure.location.line);
  const ref = scenario?.steps.find((s) => s.status === 'failed' || s.status === 'pending')?.definition ?? failure.matches?.[0];
  const source = ref && definitionSource(root, ref.file, ref.line);
  return {
    index,
    of: failures.length,
    failure,
    ...(scenario ? { scenario } : {}),
    ...(spec && failure.location ? { spec: { file: failure.location.file, ...spec } } : {}),
    ...(ref ? { definition: { ...ref, ...(source ? { source } : {}) } } : {}),
  };
}

function definitionSource(root: string, file: string, line: number): z.infer<typeof ExcerptSchema> | undefined {
  // From the definition's line on: the pattern and its body, which is what the agent has to read.
  const around = makeExcerpter(root, DEFINITION_LINES)(file, line);
  if (!around) return undefined;
  const skip = line - around.startLine;
  return { file, startLine: line, lines: around.lines.slice(skip) };
}

function usage(message: string): SpecloopError {
  return new SpecloopError({ code: 'SPEC_USAGE', message: `explain_failure: ${message}`, hint: 'call verify, then explain_failure with an index (0 = the first failure) or a scenario id from its failures' });
}
