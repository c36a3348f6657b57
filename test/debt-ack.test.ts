import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ack, review } from '../src/api/ack.js';
import { measureAckDebt } from '../src/debt/ack-debt.js';
import { ReviewSchema } from '../src/debt/review.js';
import { hashText, projectFiles, readAll, kindsOf } from '../src/debt/ack-files.js';
import { writeAck, type Ack } from '../src/debt/ack-store.js';
import { lineChanges, lineWeigher, weighLines } from '../src/debt/line-diff.js';
import { oracleChanges } from '../src/debt/locked.js';
import type { ScenarioMap } from '../src/impact/scenario-map.js';
import { tempDir } from './helpers.js';

describe('lineChanges', () => {
  it('numbers the added and changed lines of the current text, and counts both sides', () => {
    const before = 'a\nb\nc\nd\n';
    const after = 'a\nB\nc\nd\ne\n';
    expect(lineChanges(before, after)).toEqual({ added: [2, 5], addedCount: 2, removedCount: 1 });
  });

  it('a new file is wholly added, a removed one wholly removed; blank lines are churn but not lines to review', () => {
    expect(lineChanges(undefined, 'x\n\ny\n')).toEqual({ added: [1, 3], addedCount: 3, removedCount: 0 });
    expect(lineChanges('x\ny\n', undefined)).toEqual({ added: [], addedCount: 0, removedCount: 2 });
  });

  it('a missing final newline or CRLF line ends change nothing', () => {
    expect(lineChanges('a\nb', 'a\nb\n')).toEqual({ added: [], addedCount: 0, removedCount: 0 });
    expect(lineChanges('a\nb\n', 'a\r\nb\r\n')).toEqual({ added: [], addedCount: 0, removedCount: 0 });
  });
});

describe('line weights', () => {
  const text = [
    'export const RATE = 2;', // 1: in no function → 1
    'export function fee(n: number, vip: boolean): number {', // 2
    '  if (vip) return 0;', // 3: +1
    '  const round = (x: number) => Math.round(x);', // 4: the arrow (complexity 0 → weighs 1)
    '  for (const k of [1]) {', // 5: +1
    '    if (n > k) n -= k;', // 6: +2 (nested once)
    '  }', // 7
    '  return round(n * RATE);', // 8
    '}', // 9
    'function flat() {', // 10
    '  return 1;', // 11: complexity 0 → weighs 1
    '}', // 12
  ].join('\n');

  it('weighs a line by the own complexity of the innermost function holding it, at least 1', () => {
    const weigh = lineWeigher('fees.ts', text);
    expect([1, 3, 4, 6, 8, 11].map(weigh)).toEqual([1, 4, 1, 4, 4, 1]);
  });

  it('sums the weights of the changed lines', () => {
    expect(weighLines('fees.ts', text, [1, 3, 11])).toBe(6);
    expect(weighLines('fees.ts', text, [])).toBe(0);
  });

  it('a file that is not code weighs 1 a line', () => {
    expect(weighLines('notes.ts', '@@@ not ( typescript', [1])).toBe(1);
  });
});

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

async function ackNow(root: string): Promise<void> {
  const files = await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']);
  const kinds = kindsOf(files);
  const texts = await readAll(root, [...kinds.keys()]);
  const ack: Ack = { version: 1, at: '2026-01-01T00:00:00.000Z', message: null, commit: null, files: Object.fromEntries([...texts].map(([f, t]) => [f, { kind: kinds.get(f)!, hash: hashText(t) }])) };
  await writeAck(root, ack, texts);
}

function project(): string {
  const root = tempDir('ack-');
  write(root, 'package.json', '{}');
  write(root, 'spec.config.json', '{}');
  write(root, 'features/a.feature', 'Feature: A\n  Scenario: one\n    Given x\n');
  write(root, 'features/b.feature', 'Feature: B\n  Scenario: two\n    Given y\n');
  write(root, 'steps/a.steps.ts', "import { Given } from '@cucumber/cucumber';\nimport { x } from '../src/a.js';\nGiven('a', () => x());\n");
  write(root, 'steps/b.steps.ts', "import { Given } from '@cucumber/cucumber';\nimport { y } from '../src/b.js';\nGiven('b', () => y());\n");
  write(root, 'src/a.ts', 'export function x() {\n  return 1;\n}\n');
  write(root, 'src/b.ts', "import { x } from './a.js';\nexport function y() {\n  return x();\n}\n");
  return root;
}

// Recorded without coverage: each spec traces its step files and what they import.
const MAP: ScenarioMap = {
  version: 1,
  scenarios: [
    { id: 'features/a.feature:2', file: 'features/a.feature', line: 2, stepFiles: ['steps/a.steps.ts'], status: 'passed' },
    { id: 'features/b.feature:2', file: 'features/b.feature', line: 2, stepFiles: ['steps/b.steps.ts'], status: 'passed' },
  ],
  globalSupportFiles: [],
  supportFiles: ['steps/a.steps.ts', 'steps/b.steps.ts'],
};

describe('measureAckDebt', () => {
  it('before any ack every figure is null, saying to run spec ack', async () => {
    const root = project();
    const debt = await measureAckDebt(root, await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']), MAP);
    expect(debt.figures.unreviewed).toEqual({ value: null, because: 'no ack yet: run spec ack' });
    expect(debt.figures.specChurnRatio.value).toBeNull();
  });

  it('without coverage, a change to an imported file drifts every spec whose steps reach it', async () => {
    const root = project();
    await ackNow(root);
    write(root, 'src/a.ts', 'export function x() {\n  return 2;\n}\n');
    const files = await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']);
    const debt = await measureAckDebt(root, files, MAP);
    expect(debt.figures).toEqual({ unreviewed: { value: 1 }, drift: { value: 2 }, selfGraded: { value: 0 }, specChurnRatio: { value: 0 } });
    expect(debt.specs.map((s) => [s.spec, s.drift])).toEqual([
      ['features/a.feature', ['src/a.ts']],
      ['features/b.feature', ['src/a.ts']],
    ]);
  });

  it('without coverage, code only the World reaches is traced by every spec: the World runs with every scenario', async () => {
    const root = project();
    write(root, 'steps/world.ts', "import { setWorldConstructor } from '@cucumber/cucumber';\nimport { z } from '../src/c.js';\nsetWorldConstructor(class { z = z; });\n");
    write(root, 'src/c.ts', 'export const z = 1;\n');
    await ackNow(root);
    write(root, 'src/c.ts', 'export const z = 2;\n');
    const map = { ...MAP, supportFiles: [...MAP.supportFiles, 'steps/world.ts'] };
    const debt = await measureAckDebt(root, await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']), map);
    expect(debt.specs.map((s) => [s.spec, s.drift])).toEqual([
      ['features/a.feature', ['src/c.ts']],
      ['features/b.feature', ['src/c.ts']],
    ]);
  });

  it('a file renamed with one line changed counts that line; a new file that keeps little of a removed one is new', async () => {
    const root = project();
    write(root, 'src/long.ts', 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\nexport const d = 4;\n');
    await ackNow(root);
    rmSync(path.join(root, 'src/long.ts'));
    write(root, 'src/renamed.ts', 'export const a = 1;\nexport const b = 20;\nexport const c = 3;\nexport const d = 4;\n');
    const files = await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']);
    const debt = await measureAckDebt(root, files, MAP);
    expect(debt.changed.map((c) => [c.file, c.change, c.added, c.removed, c.renamedFrom])).toEqual([['src/renamed.ts', 'changed', 1, 1, 'src/long.ts']]);
    write(root, 'src/renamed.ts', 'export const x = 9;\nexport const y = 8;\nexport const c = 3;\n');
    const other = await measureAckDebt(root, await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']), MAP);
    expect(other.changed.map((c) => [c.file, c.change])).toEqual([['src/renamed.ts', 'added'], ['src/long.ts', 'removed']]);
  });

  it('a step file changed with the code it reaches makes its spec self-graded, not drifted', async () => {
    const root = project();
    await ackNow(root);
    write(root, 'src/b.ts', "import { x } from './a.js';\nexport function y() {\n  return x() + 1;\n}\n");
    write(root, 'steps/b.steps.ts', "import { Given } from '@cucumber/cucumber';\nimport { y } from '../src/b.js';\nGiven('b', () => y() + y());\n");
    const debt = await measureAckDebt(root, await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']), MAP);
    expect(debt.figures.selfGraded.value).toBe(1);
    expect(debt.figures.drift.value).toBe(0);
    expect(debt.specs.find((s) => s.spec === 'features/b.feature')!.selfGraded).toBe(true);
    expect(debt.changed.map((c) => [c.file, c.kind, c.change])).toEqual([
      ['src/b.ts', 'source', 'changed'],
      ['steps/b.steps.ts', 'step', 'changed'],
    ]);
  });

  it('a lost blob makes the line figures null rather than a silent guess', async () => {
    const root = project();
    await ackNow(root);
    write(root, 'src/a.ts', 'export function x() {\n  return 2;\n}\n');
    rmSync(path.join(root, '.spec/ack/blobs'), { recursive: true });
    const debt = await measureAckDebt(root, await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']), MAP);
    expect(debt.figures.unreviewed.value).toBeNull();
    expect(debt.figures.unreviewed.because).toContain('src/a.ts');
  });
});

describe('oracleChanges (--locked)', () => {
  it('names each spec and step file added, changed or removed, and ignores source changes', async () => {
    const root = project();
    await ackNow(root);
    write(root, 'src/a.ts', 'export function x() {\n  return 2;\n}\n');
    write(root, 'features/a.feature', 'Feature: A changed\n  Scenario: one\n    Given x\n');
    write(root, 'steps/c.steps.ts', 'export {};\n');
    rmSync(path.join(root, 'features/b.feature'));
    const problems = await oracleChanges(root, await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']));
    expect(problems.map((p) => [p.code, p.location?.file, /(changed|was added|was removed) since/.exec(p.message)?.[1]])).toEqual([
      ['SPEC_ORACLE_CHANGED', 'features/a.feature', 'changed'],
      ['SPEC_ORACLE_CHANGED', 'features/b.feature', 'was removed'],
      ['SPEC_ORACLE_CHANGED', 'steps/c.steps.ts', 'was added'],
    ]);
  });

  it('without an ack says to run spec ack', async () => {
    const root = project();
    const [problem] = await oracleChanges(root, await projectFiles(root, ['features/**/*.feature'], ['steps/**/*.ts']));
    expect(problem?.code).toBe('SPEC_NO_ACK');
    expect(problem?.hint).toContain('spec ack');
  });
});

describe('ack() and review() through the API', () => {
  it('records the baseline, and the review validates against ReviewSchema with the change by intent', async () => {
    const root = project();
    writeFileSync(path.join(root, 'spec.config.json'), JSON.stringify({ specs: ['features/**/*.feature'], steps: ['steps/**/*.ts'] }));
    const record = await ack({ cwd: root, message: 'looked at it' });
    expect(record).toMatchObject({ file: '.spec/ack.json', message: 'looked at it', counts: { specs: 2, steps: 2, sources: 2 } });
    write(root, 'src/b.ts', "import { x } from './a.js';\nexport function y(n = 0) {\n  if (n) return n;\n  return x();\n}\n");
    write(root, 'features/c.feature', 'Feature: C\n  Scenario: three\n    Given z\n');
    const result = ReviewSchema.parse(await review({ cwd: root }));
    expect(result.ack?.message).toBe('looked at it');
    expect(result.specs).toEqual([{ file: 'features/c.feature', change: 'added', added: 3, removed: 0, status: 'unknown' }]);
    // y's complexity is 1 (one if): lines 2 and 3 are new or changed, each weighs 1.
    expect(result.sources).toEqual([{ file: 'src/b.ts', change: 'changed', lines: [2, 3], added: 2, removed: 1, unreviewed: 2, scenarios: [] }]);
    expect(result.figures.drift).toEqual({ value: null, because: 'no run recorded which code the specs trace: run spec verify' });
    expect(result.figures.specChurnRatio).toEqual({ value: 100 });
  });
});

it('review() marks a changed Markdown spec whose front matter says draft as draft', async () => {
  const root = project();
  writeFileSync(path.join(root, 'spec.config.json'), JSON.stringify({ specs: ['features/**/*.feature', 'specs/**/*.md'], steps: ['steps/**/*.ts'] }));
  await ack({ cwd: root });
  write(root, 'specs/gift.md', '---\nstatus: draft\n---\n# Gift cards\n\n## Scenario: a code\n\n- Given x\n');
  const result = await review({ cwd: root });
  expect(result.specs.map((s) => [s.file, s.change, s.status])).toEqual([['specs/gift.md', 'added', 'draft']]);
});
