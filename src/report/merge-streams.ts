/**
 * The shards' message streams read and paired with their shards for `spec merge`. A stream is
 * paired by the scenarios its run ran, never by its path: CI downloads artifacts to paths of its
 * own choosing, and the scenarios are what must match for the joined run to be this run.
 */
import type { Envelope, GherkinDocument, Pickle } from '@cucumber/messages';
import { SpecloopError } from '../core/errors.js';
import { COMPILED_DIR } from '../spec/compile.js';
import type { Sharded } from './merge-check.js';
import type { ShardStream } from './merge-messages.js';

const ENVELOPE_KEYS = new Set<string>([
  'attachment', 'externalAttachment', 'gherkinDocument', 'hook', 'meta', 'parameterType', 'parseError', 'pickle', 'suggestion', 'source', 'stepDefinition',
  'testCase', 'testCaseFinished', 'testCaseStarted', 'testRunFinished', 'testRunStarted', 'testStepFinished', 'testStepStarted', 'testRunHookStarted',
  'testRunHookFinished', 'undefinedParameterType',
]);

const notAStream = (message: string) =>
  new SpecloopError({ code: 'SPEC_MERGE_MESSAGES_INPUT', message, hint: 'pass the files each spec verify --shard I/N --format messages:FILE wrote' });

/** One stream as cucumber wrote it: every line one message, from meta to testRunFinished. */
export function parseStream(name: string, text: string): ShardStream {
  const envelopes: Envelope[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw notAStream(`${name}:${index + 1} is not a cucumber message: not JSON (${(error as Error).message})`);
    }
    const keys = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
    if (keys.length !== 1 || !ENVELOPE_KEYS.has(keys[0]!)) throw notAStream(`${name}:${index + 1} is not a cucumber message: ${keys.length === 1 ? `no message is called "${keys[0]}"` : 'a message is an object of one key'}`);
    envelopes.push(parsed as Envelope);
  });
  if (!envelopes[0]?.meta) throw notAStream(`${name} is not a cucumber message stream: it does not start with cucumber's meta message`);
  if (!envelopes.some((e) => e.testRunStarted) || !envelopes.at(-1)?.testRunFinished) throw notAStream(`${name} is not a whole run: it ${envelopes.some((e) => e.testRunStarted) ? 'does not end with testRunFinished (a run cut short?)' : 'has no testRunStarted'}`);
  return { name, envelopes };
}

/** The scenarios a stream's run ran, named as the verdict names them (spec file as written, example row or scenario line). */
export function ranScenarios(envelopes: readonly Envelope[]): string[] {
  const lines = new Map<string, number>();
  const pickles = new Map<string, Pickle>();
  for (const e of envelopes) {
    if (e.gherkinDocument) astLines(e.gherkinDocument, lines);
    if (e.pickle) pickles.set(e.pickle.id, e.pickle);
  }
  const compiled = `${COMPILED_DIR}/`;
  return envelopes.flatMap((e) => {
    const pickle = e.testCase ? pickles.get(e.testCase.pickleId) : undefined;
    if (!pickle) return [];
    const uri = pickle.uri.startsWith(compiled) && pickle.uri.endsWith('.feature') ? pickle.uri.slice(compiled.length, -'.feature'.length) : pickle.uri;
    return [`${uri}:${lines.get(pickle.astNodeIds.at(-1)!) ?? pickle.location?.line ?? 1}`];
  });
}

function astLines(document: GherkinDocument, into: Map<string, number>): void {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as { id?: unknown; location?: { line?: number } };
      if (typeof node.id === 'string' && node.location?.line !== undefined) into.set(node.id, node.location.line);
      Object.values(value).forEach(walk);
    }
  };
  walk(document);
}

/** The streams in shard order, each the run of its shard; throws naming the shard without one, or the stream that is no shard's. */
export function pairStreams(shards: readonly Sharded[], streams: readonly ShardStream[]): ShardStream[] {
  const byShard = new Map<number, ShardStream>();
  const keyOf = (ids: readonly string[]) => [...ids].sort().join('\n');
  const shardOf = new Map(shards.map((s) => [keyOf(s.shard.scenarios), s]));
  for (const stream of streams) {
    const ran = ranScenarios(stream.envelopes);
    const shard = shardOf.get(keyOf(ran));
    if (!shard) throw foreign(stream.name, ran, shards);
    const twice = byShard.get(shard.shard.index);
    if (twice && ran.length > 0) throw new SpecloopError({ code: 'SPEC_MERGE_MESSAGES_FOREIGN', message: `${twice.name} and ${stream.name} both ran shard ${shard.shard.index}/${shard.shard.total}`, hint: 'pass each shard\'s stream once' });
    if (!twice) byShard.set(shard.shard.index, stream);
  }
  const missing = shards.find((s) => s.shard.scenarios.length > 0 && !byShard.has(s.shard.index));
  if (missing) throw new SpecloopError({ code: 'SPEC_MERGE_MESSAGES_MISSING', message: `shard ${missing.shard.index}/${missing.shard.total} has no message stream among the --messages files (${missing.name} was given ${missing.shard.scenarios.length} scenarios; its verdict: ${missing.verdict.summary.replace(/^spec: /, '')})`, hint: 'write it in that shard with --format messages:FILE, and pass every shard\'s stream to --messages' });
  return shards.flatMap((s) => byShard.get(s.shard.index) ?? []);
}

function foreign(name: string, ran: readonly string[], shards: readonly Sharded[]): SpecloopError {
  const known = new Set(shards.flatMap((s) => s.shard.scenarios));
  const strangers = ran.filter((id) => !known.has(id));
  const why = strangers.length > 0 ? `; ${strangers.length} of them in no shard's verdict, e.g. ${strangers[0]}` : '';
  return new SpecloopError({ code: 'SPEC_MERGE_MESSAGES_FOREIGN', message: `${name} ran ${ran.length} scenarios that are not the ones of any shard given${why}`, hint: 'pass the streams the shards of this run wrote (spec verify --shard I/N --format messages:FILE), each once' });
}
