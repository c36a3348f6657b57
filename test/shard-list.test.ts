import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIST_FILE, listPlainSpecs } from '../src/spec/shard-list.js';

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'shard-list-'));
  write('features/a.feature', 'Feature: A\n  @fast\n  Scenario: one\n    Given a\n\n  Scenario Outline: <n>\n    Given <n>\n    Examples:\n      | n |\n      | x |\n      | y |\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('listPlainSpecs', () => {
  it('lists every pickle with its lines, name and tags, and keeps the list by the text hash', async () => {
    const first = await listPlainSpecs(root, ['features/**/*.feature'], []);
    expect(first?.listed[0]?.scenarios).toEqual([
      { line: 3, scenarioLine: 3, name: 'one', tags: ['@fast'] },
      { line: 10, scenarioLine: 6, name: 'x', tags: [] },
      { line: 11, scenarioLine: 6, name: 'y', tags: [] },
    ]);
    const kept = JSON.parse(readFileSync(path.join(root, LIST_FILE), 'utf8'));
    expect(Object.keys(kept.files)).toEqual(['features/a.feature']);
    // The same text: listed from the kept list. Another text: parsed again.
    expect((await listPlainSpecs(root, ['features/**/*.feature'], []))?.listed).toEqual(first?.listed);
    write('features/a.feature', 'Feature: A\n  Scenario: only\n    Given a\n');
    expect((await listPlainSpecs(root, ['features/**/*.feature'], []))?.listed[0]?.scenarios).toEqual([{ line: 2, scenarioLine: 2, name: 'only', tags: [] }]);
  });

  it('leaves to the usual compile a file that does not parse, a Markdown spec, and line filters', async () => {
    write('features/b.feature', 'Feature: B\n  Scenario: x\n    Given a\nFeature: C\n');
    expect(await listPlainSpecs(root, ['features/**/*.feature'], [])).toBeUndefined();
    rmSync(path.join(root, 'features/b.feature'));
    expect(await listPlainSpecs(root, ['features/**/*.feature'], ['features/a.feature:3'])).toBeUndefined();
    write('specs/c.md', '# C\n');
    expect(await listPlainSpecs(root, ['features/**/*.feature', 'specs/**/*.md'], [])).toBeUndefined();
  });
});
