import { describe, expect, it } from 'vitest';
import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType, type Envelope, type Pickle } from '@cucumber/messages';
import { JUnitXmlPrinter } from '@cucumber/junit-xml-formatter';
import { XMLParser } from 'fast-xml-parser';
import { joinStreams, type ShardStream } from '../src/report/merge-messages.js';
import { pairStreams, parseStream, ranScenarios } from '../src/report/merge-streams.js';
import type { Sharded } from '../src/report/merge-check.js';

const INVOICING = { uri: 'features/invoicing.feature', text: 'Feature: Invoicing\n\n  Scenario: one\n    Given a step\n\n  Scenario: two\n    Given a step\n\n  Scenario: three\n    Given a step\n' };
const REFUNDS = { uri: 'features/refunds.feature', text: 'Feature: Refunds\n\n  Scenario: four\n    Given a step\n' };

interface ShardPlan {
  name: string;
  specs: { uri: string; text: string }[];
  runs: string[];
  fails?: string;
  second: number;
  /** Ids the shard's generator gave out before (cucumber's ids of one file differ from shard to shard). */
  spent?: number;
}

/**
 * A stream as cucumber writes one, with ids from an incrementing generator started afresh in each
 * shard: most ids of one shard are also ids of the other, for other things, the worst case for a join.
 */
function shardStream(plan: ShardPlan): ShardStream {
  const newId = IdGenerator.incrementing();
  for (let i = 0; i < (plan.spent ?? 0); i++) newId();
  const at = (offset: number) => ({ seconds: plan.second + offset, nanos: 0 });
  const envelopes: Envelope[] = [{ meta: { protocolVersion: '32.2.0', implementation: { name: 'cucumber-js', version: '12.9.0' }, runtime: { name: 'node.js' }, os: { name: 'linux' }, cpu: { name: 'x64' } } }];
  const pickles: Pickle[] = [];
  for (const spec of plan.specs) {
    for (const envelope of generateMessages(spec.text, spec.uri, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, { includeSource: true, includeGherkinDocument: true, includePickles: true, newId })) {
      envelopes.push(envelope);
      if (envelope.pickle) pickles.push(envelope.pickle);
    }
  }
  const definition = newId();
  envelopes.push({ stepDefinition: { id: definition, pattern: { source: 'a step', type: 'CUCUMBER_EXPRESSION' }, sourceReference: { uri: 'steps/a.steps.js', location: { line: 3 } } } } as Envelope);
  const runId = newId();
  envelopes.push({ testRunStarted: { id: runId, timestamp: at(0) } });
  const ran = pickles.filter((p) => plan.runs.includes(p.name));
  const cases = ran.map((pickle) => ({ pickle, id: newId(), steps: pickle.steps.map((s) => ({ id: newId(), pickleStepId: s.id, stepDefinitionIds: [definition], stepMatchArgumentsLists: [] })) }));
  for (const c of cases) envelopes.push({ testCase: { id: c.id, pickleId: c.pickle.id, testRunStartedId: runId, testSteps: c.steps } });
  for (const c of cases) {
    const started = newId();
    envelopes.push({ testCaseStarted: { id: started, testCaseId: c.id, attempt: 0, timestamp: at(1) } });
    for (const step of c.steps) {
      envelopes.push({ testStepStarted: { testCaseStartedId: started, testStepId: step.id, timestamp: at(1) } });
      const failed = c.pickle.name === plan.fails;
      envelopes.push({ testStepFinished: { testCaseStartedId: started, testStepId: step.id, timestamp: at(1), testStepResult: { status: failed ? 'FAILED' : 'PASSED', duration: { seconds: 0, nanos: 1000 }, ...(failed ? { message: `${c.pickle.name} broke` } : {}) } } } as Envelope);
    }
    envelopes.push({ testCaseFinished: { testCaseStartedId: started, timestamp: at(2), willBeRetried: false } });
  }
  envelopes.push({ testRunFinished: { testRunStartedId: runId, timestamp: at(3), success: plan.fails === undefined } });
  return { name: plan.name, envelopes };
}

// Shard 1 runs two scenarios of invoicing.feature, shard 2 the third and refunds.feature: the split file is in both streams.
const SHARD_1 = { name: 'messages-1.ndjson', specs: [INVOICING], runs: ['one', 'two'], second: 100 };
const SHARD_2 = { name: 'messages-2.ndjson', specs: [INVOICING, REFUNDS], runs: ['three', 'four'], fails: 'three', second: 50, spent: 3 };

function ids(value: unknown, defined: string[], named: string[], key = ''): void {
  if (Array.isArray(value)) return value.forEach((item) => ids(item, defined, named, key.endsWith('Ids') ? key : ''));
  if (typeof value === 'string') {
    if (key === 'id') defined.push(value);
    else if (key.endsWith('Id') || key.endsWith('Ids')) named.push(value);
    return;
  }
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) ids(v, defined, named, k);
}

function junitCases(envelopes: Envelope[]): { name: string; failed: boolean }[] {
  let xml = '';
  const printer = new JUnitXmlPrinter({}, (chunk) => (xml += chunk));
  for (const envelope of envelopes) printer.update(envelope);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(xml) as { testsuite: { testcase: Record<string, unknown>[] } };
  return doc.testsuite.testcase.map((c) => ({ name: String(c.name), failed: c.failure !== undefined }));
}

describe('joinStreams', () => {
  const joined = joinStreams([shardStream(SHARD_1), shardStream(SHARD_2)], IdGenerator.uuid());

  it('makes one run: one meta, start and finish, each spec file once, no id defined twice, every id named defined', () => {
    const count = (key: keyof Envelope) => joined.filter((e) => e[key] !== undefined).length;
    expect({ meta: count('meta'), start: count('testRunStarted'), finish: count('testRunFinished'), source: count('source'), docs: count('gherkinDocument'), pickles: count('pickle'), defs: count('stepDefinition'), cases: count('testCase') })
      .toEqual({ meta: 1, start: 1, finish: 1, source: 2, docs: 2, pickles: 4, defs: 1, cases: 4 });
    const defined: string[] = [];
    const named: string[] = [];
    for (const e of joined) ids(e, defined, named);
    expect(defined.filter((id, i) => defined.indexOf(id) !== i)).toEqual([]);
    expect(named.filter((id) => !defined.includes(id))).toEqual([]);
    expect(joined[0]!.meta).toBeDefined();
    expect(joined.at(-1)!.testRunFinished).toBeDefined();
  });

  it("maps the split file's scenario onto the first stream's document and pickle", () => {
    const pickles = joined.filter((e) => e.pickle).map((e) => e.pickle!);
    const three = pickles.find((p) => p.name === 'three')!;
    const caseOfThree = joined.find((e) => e.testCase?.pickleId === three.id)?.testCase;
    expect(caseOfThree).toBeDefined();
    expect(caseOfThree!.testSteps[0]!.pickleStepId).toBe(three.steps[0]!.id);
    const invoicing = joined.find((e) => e.gherkinDocument?.uri === INVOICING.uri)!.gherkinDocument!;
    const scenarioIds = invoicing.feature!.children.map((c) => c.scenario!.id);
    expect(three.astNodeIds).toEqual([scenarioIds[2]]);
    expect(ranScenarios(joined).sort()).toEqual(['features/invoicing.feature:3', 'features/invoicing.feature:6', 'features/invoicing.feature:9', 'features/refunds.feature:3']);
  });

  it("is read by cucumber's JUnit formatter as every shard's scenarios, with their statuses", () => {
    expect(junitCases(joined)).toEqual([
      { name: 'one', failed: false },
      { name: 'two', failed: false },
      { name: 'three', failed: true },
      { name: 'four', failed: false },
    ]);
  });

  it('starts at the earliest shard start, ends at the latest end, and succeeds only if every shard did', () => {
    expect(joined.find((e) => e.testRunStarted)!.testRunStarted!.timestamp.seconds).toBe(50);
    const finished = joined.at(-1)!.testRunFinished!;
    expect({ seconds: finished.timestamp.seconds, success: finished.success }).toEqual({ seconds: 103, success: false });
    const passing = joinStreams([shardStream(SHARD_1), shardStream({ ...SHARD_2, fails: undefined })]);
    expect(passing.at(-1)!.testRunFinished!.success).toBe(true);
  });

  it('refuses streams that ran another text of the same spec file', () => {
    const edited = { ...SHARD_2, specs: [{ ...INVOICING, text: INVOICING.text.replace('three', 'trois') }, REFUNDS], runs: ['trois', 'four'] };
    expect(() => joinStreams([shardStream(SHARD_1), shardStream(edited)])).toThrow(/messages-2\.ndjson ran another text of features\/invoicing\.feature than messages-1\.ndjson/);
  });
});

describe('parseStream', () => {
  const text = (stream: ShardStream) => stream.envelopes.map((e) => JSON.stringify(e)).join('\n');

  it('reads a whole stream back', () => {
    expect(parseStream('m.ndjson', text(shardStream(SHARD_1))).envelopes).toHaveLength(shardStream(SHARD_1).envelopes.length);
  });

  it('names the file and line of what is not a cucumber message', () => {
    expect(() => parseStream('m.ndjson', '{"meta":{}}\n<xml/>\n')).toThrow(/m\.ndjson:2 is not a cucumber message: not JSON/);
    expect(() => parseStream('m.ndjson', '{"meta":{}}\n{"verdict":1}\n')).toThrow(/m\.ndjson:2 is not a cucumber message: no message is called "verdict"/);
  });

  it('refuses a run cut short', () => {
    const lines = text(shardStream(SHARD_1)).split('\n');
    expect(() => parseStream('m.ndjson', lines.slice(0, -1).join('\n'))).toThrow(/m\.ndjson is not a whole run: it does not end with testRunFinished/);
  });
});

describe('pairStreams', () => {
  const shard = (index: number, scenarios: string[]) => ({ name: `verdict-${index}.json`, verdict: { summary: 'spec: 2 passed, 0 failed' }, shard: { index, total: 2, scenarios } }) as unknown as Sharded;
  const shards = [shard(1, ['features/invoicing.feature:3', 'features/invoicing.feature:6']), shard(2, ['features/invoicing.feature:9', 'features/refunds.feature:3'])];

  it('pairs each stream with the shard whose scenarios it ran, whatever order they come in', () => {
    const [one, two] = [shardStream(SHARD_1), shardStream(SHARD_2)];
    expect(pairStreams(shards, [two, one]).map((s) => s.name)).toEqual(['messages-1.ndjson', 'messages-2.ndjson']);
  });

  it('names the shard without a stream', () => {
    expect(() => pairStreams(shards, [shardStream(SHARD_1)])).toThrow(/shard 2\/2 has no message stream among the --messages files/);
  });

  it('refuses a stream of another run, and one shard given twice', () => {
    const whole = shardStream({ name: 'whole.ndjson', specs: [INVOICING, REFUNDS], runs: ['one', 'two', 'three', 'four'], second: 0 });
    expect(() => pairStreams(shards, [shardStream(SHARD_1), whole])).toThrow(/whole\.ndjson ran 4 scenarios that are not the ones of any shard given/);
    expect(() => pairStreams(shards, [shardStream(SHARD_1), shardStream({ ...SHARD_1, name: 'again.ndjson' })])).toThrow(/messages-1\.ndjson and again\.ndjson both ran shard 1\/2/);
  });
});
