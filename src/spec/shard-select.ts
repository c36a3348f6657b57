import { scenarioFilter } from './scenario-filter.js';
import type { SpecProblem } from '../core/errors.js';
import type { SpecFile } from './model.js';
import type { ListedSpec } from './shard-list.js';
import { assignShards, suiteOf, type ShardSpec } from './shard.js';

/** What a shard's verdict says about its slice, so `spec merge` can check the slices make one whole. */
export interface ShardField {
  index: number;
  total: number;
  /** The ids (file:line) of the scenarios this shard was given. */
  scenarios: string[];
  /** The whole the slices split: its scenario count and a hash of every id. */
  suite: { scenarios: number; hash: string };
  /** How many of the suite's scenarios had a recorded duration (0: split by counts). */
  recorded: number;
  /** How the shard judged undefined and pending steps, so the merge judges the whole alike. */
  strict: boolean;
}

export interface ShardRequest {
  /** The spec files and their scenarios (shard-list.ts). */
  files: ListedSpec[];
  /** The user's line filters (file → lines), as the whole run would apply them. */
  lines: ReadonlyMap<string, number[]>;
  tagExpression: string;
  names: string[];
  shard: ShardSpec;
  durations: ReadonlyMap<string, number>;
  strict: boolean;
}

export interface ShardSelection {
  field: ShardField;
  /** Said when the shard was given nothing though the suite has scenarios: others ran them. */
  empty?: SpecProblem;
  /** The files holding a scenario of this shard, and the lines that select exactly those scenarios. */
  files: SpecFile[];
  lines: Map<string, number[]>;
}

/**
 * The scenarios the whole run would run (cucumber's filters, applied here as cucumber applies
 * them: lines, then the tag expression, then any name pattern), and this shard's slice of them.
 */
export function selectShard(request: ShardRequest): ShardSelection {
  const selected = scenarioFilter(request.tagExpression, request.names);
  const where = new Map<string, { file: SpecFile; line: number }>();
  const ids: string[] = [];
  for (const { file, scenarios } of request.files) {
    const wanted = request.lines.get(file.path);
    for (const pickle of scenarios) {
      if (wanted && !wanted.includes(pickle.line) && !wanted.includes(pickle.scenarioLine)) continue;
      if (!selected(pickle)) continue;
      const id = `${file.path}:${pickle.line}`;
      ids.push(id);
      where.set(id, { file, line: pickle.line });
    }
  }
  const { index, total } = request.shard;
  const mine = assignShards(ids, request.durations, total)[index - 1]!;
  const lines = new Map<string, number[]>();
  for (const id of mine) {
    const { file, line } = where.get(id)!;
    lines.set(file.path, [...(lines.get(file.path) ?? []), line]);
  }
  const recorded = ids.filter((id) => request.durations.has(id)).length;
  const field: ShardField = { index, total, scenarios: mine, suite: suiteOf(ids), recorded, strict: request.strict };
  const empty: SpecProblem | undefined =
    mine.length === 0 && ids.length > 0 ? { code: 'SPEC_SHARD_EMPTY', message: `shard ${index}/${total} was given no scenario: the suite's ${ids.length} all fell in other shards`, hint: 'spec merge judges the whole; use fewer shards than scenarios' } : undefined;
  return { field, ...(empty ? { empty } : {}), files: request.files.map((f) => f.file).filter((f) => lines.has(f.path)), lines };
}
