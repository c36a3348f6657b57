import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSteps, StepsCatalogueSchema } from '../src/index.js';
import { problemOf, REPO } from './helpers.js';

// listSteps() binds a real project's steps with its own cucumber (a dry run) and refuses bad input.
const WORK = path.join(REPO, '.tmp', 'list-steps');
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function copy(fixture: string): string {
  mkdirSync(WORK, { recursive: true });
  const root = mkdtempSync(path.join(WORK, `${fixture}-`));
  cpSync(path.join(REPO, 'fixtures', fixture), root, { recursive: true });
  return root;
}

describe('listSteps()', () => {
  it("lists a TypeScript ESM project's definitions, uses, unused and undefined steps without running a step", async () => {
    const root = copy('pantry-steps');
    // A step with a side effect: were steps executed, the marker would exist afterwards.
    writeFileSync(path.join(root, 'features/support/marker.ts'), "import { writeFileSync } from 'node:fs';\nimport { Before } from '@cucumber/cucumber';\nBefore(function () { writeFileSync('ran.marker', 'x'); });\n");
    const catalogue = await listSteps({ cwd: root });
    expect(existsSync(path.join(root, 'ran.marker'))).toBe(false);
    expect(StepsCatalogueSchema.parse(catalogue)).toEqual(catalogue);
    expect(catalogue.definitions.map((d) => [d.file, d.line, d.pattern, d.uses.length])).toEqual([
      ['features/step_definitions/pantry.steps.ts', 6, 'an empty pantry', 4],
      ['features/step_definitions/pantry.steps.ts', 10, 'I store {int} {unit} of {string}', 2],
      ['features/step_definitions/pantry.steps.ts', 14, 'the pantry holds {int} of {string}', 2],
      ['features/step_definitions/pantry.steps.ts', 18, 'the pantry is empty', 0],
    ]);
    expect(catalogue.unused.map((u) => u.pattern)).toEqual(['the pantry is empty']);
    expect(catalogue.undefined.map((u) => `${u.spec}:${u.line}`)).toEqual(['features/pantry.feature:11', 'features/shopping_list.feature:5', 'features/shopping_list.feature:9', 'features/shopping_list.feature:10', 'features/shopping_list.feature:14', 'features/shopping_list.feature:15']);
    // The profile's snippetInterface (async-await) shapes the snippet.
    expect(catalogue.undefined[0]!.snippet).toContain("When('I use {int} of {string}', async function (int: number, string: string)");
  }, 60_000);

  it('maps a Markdown spec back to its source file', async () => {
    const catalogue = await listSteps({ cwd: copy('prd-folder') });
    expect(catalogue.definitions.flatMap((d) => d.uses.map((u) => u.spec)).some((spec) => spec.endsWith('.md'))).toBe(true);
  }, 60_000);

  it('refuses a spec path outside the project, an unknown option, and a missing folder (exit-2 codes)', async () => {
    const root = copy('pantry-steps');
    expect((await problemOf(listSteps({ cwd: root, paths: ['../../outside.feature'] }))).code).toBe('SPEC_PATH_OUTSIDE_PROJECT');
    expect((await problemOf(listSteps({ cwd: root, tags: '@x' } as never))).code).toBe('SPEC_OPTION_INVALID');
    expect((await problemOf(listSteps({ cwd: path.join(root, 'nope') }))).code).toBe('SPEC_PATH_NOT_FOUND');
  }, 60_000);
});
