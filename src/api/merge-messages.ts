import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { z } from '../core/zod.js';
import { makeEnvironment } from '../core/env.js';
import { SpecloopError } from '../core/errors.js';
import { checkShards } from '../report/merge-check.js';
import { joinStreams, type ShardStream } from '../report/merge-messages.js';
import { pairStreams, parseStream } from '../report/merge-streams.js';
import { readVerdicts } from './merge.js';
import { checkCall } from './options.js';

const MergeMessagesOptionsSchema = z.strictObject({ cwd: z.string().min(1).optional() });

export interface MergeMessagesOptions {
  /** The folder relative file names and globs are read from (default: the current one). */
  cwd?: string;
}

/**
 * Cucumber's message stream of a whole sharded run (NDJSON), joined from the streams its
 * `spec verify --shard I/N --format messages:FILE` jobs wrote: what the JUnit and HTML reports of
 * the whole run are drawn from. `streams` are files or globs (`reports/messages-*.ndjson`); each
 * is paired with the shard whose scenarios it ran. Throws a SpecloopError (exit 2) for a verdict
 * set `mergeVerdicts` refuses, a file that is not a whole cucumber stream, a shard without its
 * stream, or a stream of another run. Never prints, writes nothing.
 */
export async function mergeMessages(verdicts: readonly string[], streams: readonly string[], options: MergeMessagesOptions = {}): Promise<string> {
  const call = checkCall('mergeMessages', MergeMessagesOptionsSchema, options, {});
  const lists = [verdicts, streams];
  if (lists.some((list) => !Array.isArray(list) || list.some((f) => typeof f !== 'string'))) throw new SpecloopError({ code: 'SPEC_OPTION_INVALID', message: 'mergeMessages: the first two arguments must be arrays of file paths (the shard verdicts, the shard message streams)', hint: "mergeMessages(['verdict-1.json', 'verdict-2.json'], ['messages-*.ndjson'], { cwd })" });
  const { cwd } = makeEnvironment({ cwd: call.cwd });
  const shards = checkShards(await readVerdicts(verdicts, cwd));
  const files = await expand(streams, cwd);
  const read = await Promise.all(files.map((file) => readStream(file, path.resolve(cwd, file))));
  const joined = joinStreams(pairStreams(shards, read));
  return joined.map((envelope) => `${JSON.stringify(envelope)}\n`).join('');
}

/** Files as given, globs expanded (sorted), each file once: a glob that matches nothing is refused rather than read as no shard. */
async function expand(patterns: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) files.push(pattern);
    else {
      const found = (await glob(pattern, { cwd, onlyFiles: true, expandDirectories: false })).sort();
      if (found.length === 0) throw new SpecloopError({ code: 'SPEC_MERGE_MESSAGES_INPUT', message: `--messages ${pattern} matches no file in ${cwd}`, hint: 'pass the paths the shards\' streams were downloaded to' });
      files.push(...found);
    }
  }
  const seen = new Set<string>();
  return files.filter((file) => !seen.has(path.resolve(cwd, file)) && seen.add(path.resolve(cwd, file)));
}

async function readStream(name: string, file: string): Promise<ShardStream> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SpecloopError({ code: 'SPEC_MERGE_MESSAGES_INPUT', message: `${name} is not a message stream: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message} at ${file})`, hint: 'pass the files each spec verify --shard I/N --format messages:FILE wrote' });
  }
  return parseStream(name, text);
}
