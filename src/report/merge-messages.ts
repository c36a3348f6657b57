/**
 * The message streams of every shard of one run, joined into the one run a single machine would
 * have recorded: one meta, one testRunStarted and testRunFinished, each spec file's source,
 * document and pickles once, each step definition, hook and parameter type once, and every test
 * case with what ran of it. A spec file split across shards reaches two streams with ids generated
 * apart: the later stream's ids are mapped onto the first's by their place in the parsed document
 * (the same text parses to the same tree). Any other id a second stream defines again gets a fresh
 * one, so ids never collide whatever generator the runs used.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope, Timestamp } from '@cucumber/messages';
import { SpecloopError } from '../core/errors.js';

export interface ShardStream {
  /** The file's name as given, for messages. */
  name: string;
  envelopes: Envelope[];
}

type Phase = 'meta' | 'specs' | 'glue' | 'start' | 'cases' | 'run' | 'finish';

const PHASE: Partial<Record<keyof Envelope, Phase>> = {
  meta: 'meta',
  source: 'specs',
  gherkinDocument: 'specs',
  pickle: 'specs',
  parseError: 'specs',
  stepDefinition: 'glue',
  hook: 'glue',
  parameterType: 'glue',
  undefinedParameterType: 'glue',
  testRunStarted: 'start',
  testCase: 'cases',
  testRunFinished: 'finish',
};

const ORDER: readonly Phase[] = ['meta', 'specs', 'glue', 'start', 'cases', 'run', 'finish'];

/** Every `id` a message defines, nested ones too, in document order (the order the parser gave them). */
export function definedIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) definedIds(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'id' && typeof child === 'string') into.push(child);
      else definedIds(child, into);
    }
  }
  return into;
}

/** A copy with every id it defines or names (`id`, `…Id`, `…Ids`) passed through the map; a worker's id names no message. */
function remap<T>(value: T, map: ReadonlyMap<string, string>, key = ''): T {
  if (typeof value === 'string') return ((key === 'id' || key.endsWith('Id') || key.endsWith('Ids')) && key !== 'workerId' ? (map.get(value) ?? value) : value) as T;
  if (Array.isArray(value)) return value.map((item) => remap(item, map, key.endsWith('Ids') ? key : '')) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remap(v, map, k)])) as T;
  return value;
}

const kindOf = (envelope: Envelope) => Object.keys(envelope)[0] as keyof Envelope;
const withoutIds = (value: unknown) => JSON.stringify(value, (key, v: unknown) => (key === 'id' ? undefined : v));

/** What the streams already hold, by what makes two messages of different shards the same thing. */
class Joined {
  readonly used = new Set<string>();
  readonly sources = new Map<string, { data: string; from: string }>();
  readonly documents = new Map<string, string[]>();
  readonly pickles = new Map<string, string[]>();
  readonly glue = new Map<string, string[]>();
  readonly starts: Timestamp[] = [];
  readonly phases = new Map<Phase, Envelope[]>(ORDER.map((p) => [p, []]));
  runId: string | undefined;

  constructor(private readonly newId: () => string) {}

  /** Ids a stream defines for itself: kept, or renamed when an earlier stream took them. */
  claim(ids: readonly string[], map: Map<string, string>): void {
    for (const id of ids) {
      if (!this.used.has(id)) this.used.add(id);
      else if (!map.has(id)) {
        let fresh = this.newId();
        while (this.used.has(fresh)) fresh = this.newId();
        this.used.add(fresh);
        map.set(id, fresh);
      }
    }
  }
}

/** The one run the shards' streams make together (streams in shard order); throws when two streams hold different text of one spec file. */
export function joinStreams(streams: readonly ShardStream[], newId: () => string = randomUUID): Envelope[] {
  const joined = new Joined(newId);
  let finished: Envelope[] = [];
  for (const stream of streams) {
    const map = new Map<string, string>();
    const kept = stream.envelopes.filter((envelope) => keep(joined, stream.name, envelope, map));
    for (const envelope of kept.map((e) => remap(e, map))) {
      const kind = kindOf(envelope);
      const phase = PHASE[kind] ?? 'run';
      if (phase === 'finish') finished = [...finished, envelope];
      else joined.phases.get(phase)!.push(envelope);
    }
  }
  const [start] = joined.phases.get('start')!;
  if (start) start.testRunStarted = { ...start.testRunStarted!, timestamp: joined.starts.reduce(earliest) };
  return [...ORDER.filter((p) => p !== 'finish').flatMap((p) => joined.phases.get(p)!), ...finishOf(finished, joined)];
}

/** Whether a stream's message goes into the joined run; the ids of the ones left out are mapped onto those kept. */
function keep(joined: Joined, name: string, envelope: Envelope, map: Map<string, string>): boolean {
  if (envelope.meta) return joined.phases.get('meta')!.length === 0;
  if (envelope.source) return keepSource(joined, name, envelope.source.uri, envelope.source.data);
  if (envelope.gherkinDocument) return keepDocument(joined, name, envelope.gherkinDocument.uri ?? '', definedIds(envelope.gherkinDocument), map);
  if (envelope.pickle) return keepOnce(joined.pickles, `${envelope.pickle.uri} ${envelope.pickle.astNodeIds.map((id) => map.get(id) ?? id).join(',')}`, definedIds(envelope.pickle), joined, map);
  if (envelope.testRunStarted) return keepRunStart(joined, envelope.testRunStarted, map);
  if (envelope.testRunFinished) return true;
  const kind = kindOf(envelope);
  if (PHASE[kind] === 'glue') return keepOnce(joined.glue, `${kind} ${withoutIds(envelope[kind])}`, definedIds(envelope), joined, map);
  joined.claim(definedIds(envelope), map);
  return true;
}

function keepSource(joined: Joined, name: string, uri: string, data: string): boolean {
  const seen = joined.sources.get(uri);
  if (!seen) joined.sources.set(uri, { data, from: name });
  else if (seen.data !== data) throw new SpecloopError({ code: 'SPEC_MERGE_MESSAGES_FOREIGN', message: `${name} ran another text of ${uri} than ${seen.from}: the streams are not of one checkout`, hint: 'give every shard job the same checkout, and pass the streams of one run' });
  return !seen;
}

function keepDocument(joined: Joined, name: string, uri: string, ids: string[], map: Map<string, string>): boolean {
  const first = joined.documents.get(uri);
  if (!first) {
    joined.documents.set(uri, ids);
    joined.claim(ids, map);
    return true;
  }
  if (first.length !== ids.length) throw new SpecloopError({ code: 'SPEC_MERGE_MESSAGES_FOREIGN', message: `${name} parsed ${uri} into another tree than an earlier stream did: the shards ran different cucumber versions`, hint: 'run every shard job with the same installed packages (npm ci)' });
  ids.forEach((id, index) => map.set(id, first[index]!));
  return false;
}

/** A thing every stream may define (a pickle of a split spec file, a step definition): kept the first time, its ids mapped by place after. */
function keepOnce(seen: Map<string, string[]>, key: string, ids: string[], joined: Joined, map: Map<string, string>): boolean {
  const first = seen.get(key);
  if (first === undefined) {
    joined.claim(ids, map);
    seen.set(key, ids.map((id) => map.get(id) ?? id));
    return true;
  }
  ids.forEach((id, index) => map.set(id, first[index] ?? id));
  return false;
}

function keepRunStart(joined: Joined, { id = '', timestamp }: { id?: string; timestamp: Timestamp }, map: Map<string, string>): boolean {
  joined.starts.push(timestamp);
  if (joined.runId === undefined) {
    joined.claim([id], map);
    joined.runId = map.get(id) ?? id;
    return true;
  }
  map.set(id, joined.runId);
  return false;
}

const nanosOf = (t: Timestamp) => BigInt(t.seconds) * 1_000_000_000n + BigInt(t.nanos);
const earliest = (a: Timestamp, b: Timestamp) => (nanosOf(b) < nanosOf(a) ? b : a);

/** One end of the run: the last shard's time, success only when every shard succeeded, the first exception said. */
function finishOf(finished: readonly Envelope[], joined: Joined): Envelope[] {
  const ends = finished.map((e) => e.testRunFinished!);
  if (ends.length === 0) return [];
  const latest = ends.reduce((a, b) => (earliest(a.timestamp, b.timestamp) === a.timestamp ? b : a));
  const failed = ends.find((e) => !e.success);
  const said = ends.find((e) => e.exception ?? e.message);
  return [
    {
      testRunFinished: {
        ...latest,
        success: failed === undefined,
        ...(joined.runId ? { testRunStartedId: joined.runId } : {}),
        ...(said?.message ? { message: said.message } : {}),
        ...(said?.exception ? { exception: said.exception } : {}),
      },
    } as Envelope,
  ];
}
