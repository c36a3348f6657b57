import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { problemOf } from './helpers.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../src/config/defaults.js';
import { SpecloopError, type SpecProblem } from '../src/core/errors.js';
import { discoverSpecs } from '../src/spec/discover.js';
import { specKind } from '../src/spec/model.js';

let root: string;

const FILES = [
  'features/a.feature',
  'features/sub/b.feature.md',
  'features/sub/deep/c.md',
  'features/steps.ts',
  'features/node_modules/pkg/ignored.feature',
  'specs/d.md',
  'specs/e.feature',
  'other/x.feature',
  'other/y.md',
  'other/notes.txt',
  'steps/world.ts',
  '.spec/compiled/features/sub/deep/c.md.feature',
];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'specloop-discover-'));
  for (const file of FILES) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), 'Feature: x\n');
  }
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));


describe('specKind', () => {
  it('tells the three spec formats apart', () => {
    expect(specKind('a/b.feature')).toBe('feature');
    expect(specKind('a/b.feature.md')).toBe('feature-md');
    expect(specKind('a/b.md')).toBe('markdown');
    expect(specKind('a/b.ts')).toBeUndefined();
    expect(specKind('a/feature')).toBeUndefined();
  });
});

describe('discoverSpecs with the configured globs', () => {
  it('finds every spec the default globs match, sorted, once each, and nothing else', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs);
    expect(selection.files).toEqual([
      'features/a.feature',
      'features/sub/b.feature.md',
      'features/sub/deep/c.md',
      'specs/d.md',
      'specs/e.feature',
    ]);
    expect(selection.filtered).toBe(false);
    expect(selection.lines.size).toBe(0);
  });

  it('drops non-spec files even when a glob matches them', async () => {
    const selection = await discoverSpecs(root, ['features/**/*', 'other/**/*']);
    expect(selection.files).not.toContain('features/steps.ts');
    expect(selection.files).not.toContain('other/notes.txt');
    expect(selection.files).toContain('other/x.feature');
    expect(selection.files).toContain('other/y.md');
  });

  it('never picks up node_modules or compiled output under .spec', async () => {
    const selection = await discoverSpecs(root, ['**/*.feature']);
    expect(selection.files).toEqual(['features/a.feature', 'other/x.feature', 'specs/e.feature']);
  });

  it('is empty when nothing matches', async () => {
    const selection = await discoverSpecs(root, ['nowhere/**/*.feature']);
    expect(selection.files).toEqual([]);
  });
});

describe('discoverSpecs with paths the user named', () => {
  it('a folder selects the configured specs below it', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, ['features/sub']);
    expect(selection.files).toEqual(['features/sub/b.feature.md', 'features/sub/deep/c.md']);
    expect(selection.filtered).toBe(true);
    expect(selection.lines.size).toBe(0);
  });

  it('a folder with a trailing slash works the same', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, ['features/sub/']);
    expect(selection.files).toEqual(['features/sub/b.feature.md', 'features/sub/deep/c.md']);
  });

  it('a folder prefix does not select a sibling whose name starts the same', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, ['features/sub/deep']);
    expect(selection.files).toEqual(['features/sub/deep/c.md']);
  });

  it('a folder outside the configured globs is searched for spec files itself', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, ['other']);
    expect(selection.files).toEqual(['other/x.feature', 'other/y.md']);
  });

  it('the project root as a folder selects every configured spec', async () => {
    const all = await discoverSpecs(root, DEFAULTS.specs);
    const selection = await discoverSpecs(root, DEFAULTS.specs, ['.']);
    expect(selection.files).toEqual(all.files);
    expect(selection.filtered).toBe(true);
  });

  it('a spec file, even one outside the globs, is taken as named', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, ['other/x.feature', 'features/a.feature']);
    expect(selection.files).toEqual(['features/a.feature', 'other/x.feature']);
  });

  it('an absolute path is made project-relative', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, [path.join(root, 'specs', 'e.feature')]);
    expect(selection.files).toEqual(['specs/e.feature']);
  });

  it('file:line and file:line:line filter lines, and repeated files accumulate', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, ['features/a.feature:3', 'features/a.feature:10:12', 'specs/d.md:7']);
    expect(selection.files).toEqual(['features/a.feature', 'specs/d.md']);
    expect(selection.lines.get('features/a.feature')).toEqual([3, 10, 12]);
    expect(selection.lines.get('specs/d.md')).toEqual([7]);
  });

  it('a whole-file argument has no line filter', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, ['features/a.feature', 'specs/d.md:2']);
    expect(selection.lines.has('features/a.feature')).toBe(false);
    expect([...selection.lines.keys()]).toEqual(['specs/d.md']);
  });

  it('the same file named twice is listed once', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, ['features/a.feature', './features/a.feature', 'features']);
    expect(selection.files.filter((f) => f === 'features/a.feature')).toHaveLength(1);
  });

  it('a path outside the project is SPEC_PATH_OUTSIDE_PROJECT naming it, whether or not it exists', async () => {
    for (const arg of ['..', '../x.feature:3', path.join(path.dirname(root), 'elsewhere.feature'), 'features/../../y.feature']) {
      const problem = await problemOf(discoverSpecs(root, DEFAULTS.specs, [arg]));
      expect(problem.code).toBe('SPEC_PATH_OUTSIDE_PROJECT');
      expect(problem.message).toContain(arg);
      expect(problem.hint).toBeTruthy();
    }
  });

  it('a path that leaves and re-enters the project is inside it', async () => {
    const selection = await discoverSpecs(root, DEFAULTS.specs, [`../${path.basename(root)}/features/a.feature`]);
    expect(selection.files).toEqual(['features/a.feature']);
  });

  it('a spec glob that reaches outside the project is SPEC_PATH_OUTSIDE_PROJECT naming the glob', async () => {
    const sibling = fs.mkdtempSync(path.join(path.dirname(root), 'specloop-sibling-'));
    try {
      fs.writeFileSync(path.join(sibling, 'shared.feature'), 'Feature: elsewhere\n');
      const glob = `../${path.basename(sibling)}/*.feature`;
      const problem = await problemOf(discoverSpecs(root, ['features/**/*.feature', glob]));
      expect(problem.code).toBe('SPEC_PATH_OUTSIDE_PROJECT');
      expect(problem.message).toContain(glob);
    } finally {
      fs.rmSync(sibling, { recursive: true, force: true });
    }
  });

  it('a missing path is SPEC_PATH_NOT_FOUND naming it', async () => {
    const problem = await problemOf(discoverSpecs(root, DEFAULTS.specs, ['features/gone.feature']));
    expect(problem.code).toBe('SPEC_PATH_NOT_FOUND');
    expect(problem.message).toContain('features/gone.feature');
    expect(problem.hint).toBeTruthy();
  });

  it('a missing file with a line suffix is SPEC_PATH_NOT_FOUND too', async () => {
    const problem = await problemOf(discoverSpecs(root, DEFAULTS.specs, ['features/gone.feature:4']));
    expect(problem.code).toBe('SPEC_PATH_NOT_FOUND');
    expect(problem.message).toContain('features/gone.feature:4');
  });

  it('a missing folder is SPEC_PATH_NOT_FOUND', async () => {
    const problem = await problemOf(discoverSpecs(root, DEFAULTS.specs, ['nope/']));
    expect(problem.code).toBe('SPEC_PATH_NOT_FOUND');
  });

  it('an existing file that is not a spec is SPEC_USAGE', async () => {
    const problem = await problemOf(discoverSpecs(root, DEFAULTS.specs, ['steps/world.ts']));
    expect(problem.code).toBe('SPEC_USAGE');
    expect(problem.message).toBe('steps/world.ts is not a spec file');
    expect(problem.hint).toMatch(/\.feature/);
  });

  it('a non-spec file with a line suffix is SPEC_USAGE', async () => {
    const problem = await problemOf(discoverSpecs(root, DEFAULTS.specs, ['other/notes.txt:1']));
    expect(problem.code).toBe('SPEC_USAGE');
  });
});

describe('discoverSpecs: line numbers in the configured globs (a cucumber profile\'s paths)', () => {
  it('keeps them as line filters of the files found, beside a glob of the same file', async () => {
    const found = await discoverSpecs(root, ['features/**/*.feature', 'features/a.feature:3:9', './specs/e.feature:4']);
    expect(found.files).toEqual(['features/a.feature', 'specs/e.feature']);
    expect(found.lines).toEqual(new Map([['features/a.feature', [3, 9]], ['specs/e.feature', [4]]]));
    expect(found.filtered).toBe(false);
  });

  it('drops them when the user names paths, which replace the configured ones as in cucumber', async () => {
    const found = await discoverSpecs(root, ['features/a.feature:3'], ['features/a.feature']);
    expect(found.lines.size).toBe(0);
  });

  it('a line filter on a file that does not exist finds nothing', async () => {
    const found = await discoverSpecs(root, ['features/missing.feature:3']);
    expect(found.files).toEqual([]);
    expect(found.lines.size).toBe(0);
  });
});
