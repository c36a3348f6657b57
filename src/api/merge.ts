import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from '../core/zod.js';
import { makeEnvironment } from '../core/env.js';
import { SpecloopError } from '../core/errors.js';
import { mergeShards, type NamedVerdict } from '../report/merge.js';
import { VerdictSchema, type Verdict } from '../report/verdict.js';
import { checkCall } from './options.js';

const MergeOptionsSchema = z.strictObject({ cwd: z.string().min(1).optional() });

export interface MergeOptions {
  /** The folder relative file names are read from (default: the current one). */
  cwd?: string;
}

/**
 * The verdict of a whole sharded run, from the verdict files its `spec verify --shard I/N` jobs
 * wrote: checked against the verdict schema on the way in and on the way out. Throws a
 * SpecloopError (exit 2) for a file that is not a shard verdict, or a set of shards that is not
 * every shard of one suite exactly once. Never prints. With debt on, it measures the whole run's
 * debt from the shards' lines in the project at `cwd` and records it there as a full run would
 * (.spec/line-coverage.json, history.jsonl, debt.json).
 */
export async function mergeVerdicts(files: readonly string[], options: MergeOptions = {}): Promise<Verdict> {
  // Checked like every public function's options: a misspelt one must not merge the wrong folder's files.
  const call = checkCall('mergeVerdicts', MergeOptionsSchema, options, {});
  if (!Array.isArray(files) || files.some((f) => typeof f !== 'string')) throw new SpecloopError({ code: 'SPEC_OPTION_INVALID', message: 'mergeVerdicts: the first argument must be an array of verdict file paths', hint: "mergeVerdicts(['shard-1.json', 'shard-2.json'], { cwd })" });
  const { cwd } = makeEnvironment({ cwd: call.cwd });
  const named = await readVerdicts(files, cwd);
  // Checked (every shard of one suite, once) before the debt is measured: a refused merge records nothing.
  const recordedAt = mergeShards(named).startedAt;
  const { measureMergedDebt } = await import('./merge-debt.js');
  return VerdictSchema.parse(mergeShards(named, await measureMergedDebt(cwd, named, recordedAt)));
}

/** The verdict files as given, each checked against the verdict schema (exit 2, SPEC_MERGE_INPUT, naming the file). */
export function readVerdicts(files: readonly string[], cwd: string): Promise<NamedVerdict[]> {
  return Promise.all(files.map((file) => readVerdict(file, path.resolve(cwd, file))));
}

async function readVerdict(name: string, file: string): Promise<NamedVerdict> {
  const refuse = (why: string): never => {
    throw new SpecloopError({ code: 'SPEC_MERGE_INPUT', message: `${name} is not a verdict: ${why}`, hint: 'pass the files each spec verify --shard I/N --format json:FILE wrote' });
  };
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    refuse(`cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message} at ${file})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // An unquoted --messages glob leaves every stream but the first among the verdicts: say so.
    refuse(text.startsWith('{"meta":') ? "it is a cucumber message stream: pass streams after --messages, and quote a glob ('reports/messages-*.ndjson') so the shell does not split it" : `not JSON (${(error as Error).message})`);
  }
  const checked = VerdictSchema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    refuse(`${issue.path.length ? issue.path.join('.') : 'the document'}: ${issue.message}${checked.error.issues.length > 1 ? ` (and ${checked.error.issues.length - 1} more)` : ''}`);
  }
  return { name, verdict: checked.data! };
}
