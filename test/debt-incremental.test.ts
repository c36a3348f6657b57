import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureLineDebt } from '../src/debt/measure-lines.js';
import { LINE_RECORD_FILE } from '../src/debt/line-record.js';
import { ShapeCache } from '../src/debt/shape-cache.js';
import { sourceFiles } from '../src/debt/sources.js';
import { REPO, removeTempDirs, tempDir } from './helpers.js';

// A long-lived process (watch) measures line debt after every edit and keeps what has not changed
// between measurements: the listing, the line record, the specs' claims and the parsed shapes.
// Each test below changes one of those on disk and checks the next measurement sees it.
afterAll(removeTempDirs);

const OPTIONS = { steps: ['steps/**/*.ts'], specs: ['features/**/*.feature', 'features/**/*.md'] };
const LONG_AGO = new Date(Date.now() - 60_000);

function project(): string {
  const root = tempDir('debt-incremental-');
  const write = (file: string, text: string) => (mkdirSync(path.dirname(path.join(root, file)), { recursive: true }), writeFileSync(path.join(root, file), text));
  write('src/a.ts', 'export function a(n: number): number {\n  return n + 1;\n}\n');
  write('src/lib/b.ts', 'export const b = 2;\n');
  write('src/README.md', '# not code\n');
  write('package.json', '{}\n');
  write('steps/a.steps.ts', "import { a } from '../src/a.js';\nexport const used = a(1);\n");
  write('features/a.feature', 'Feature: a\n  Scenario: one\n    Given nothing\n');
  return root;
}

/** Folders untouched for a minute: a listing of them may be kept. */
function settle(root: string, ...folders: string[]): void {
  for (const folder of ['', 'src', 'src/lib', 'steps', 'features', ...folders]) if (existsSync(path.join(root, folder))) utimesSync(path.join(root, folder), LONG_AGO, LONG_AGO);
}

describe('incremental line debt', () => {
  it('lists only code files, and sees a file added, removed or renamed in a folder whose listing it kept', async () => {
    const root = project();
    settle(root);
    expect(await sourceFiles(root, OPTIONS)).toEqual(['src/a.ts', 'src/lib/b.ts']);
    expect(await sourceFiles(root, OPTIONS)).toEqual(['src/a.ts', 'src/lib/b.ts']);
    writeFileSync(path.join(root, 'src/lib/c.ts'), 'export const c = 3;\n');
    expect(await sourceFiles(root, OPTIONS)).toEqual(['src/a.ts', 'src/lib/b.ts', 'src/lib/c.ts']);
    settle(root);
    renameSync(path.join(root, 'src/lib/c.ts'), path.join(root, 'src/lib/d.ts'));
    expect(await sourceFiles(root, OPTIONS)).toEqual(['src/a.ts', 'src/lib/b.ts', 'src/lib/d.ts']);
    settle(root);
    mkdirSync(path.join(root, 'src/new'));
    writeFileSync(path.join(root, 'src/new/e.ts'), 'export const e = 5;\n');
    expect(await sourceFiles(root, OPTIONS)).toEqual(['src/a.ts', 'src/lib/b.ts', 'src/lib/d.ts', 'src/new/e.ts']);
    settle(root, 'src/new');
    rmSync(path.join(root, 'src/lib/b.ts'));
    expect(await sourceFiles(root, OPTIONS)).toEqual(['src/a.ts', 'src/lib/d.ts', 'src/new/e.ts']);
  });

  it('a folder that held no code file gets one: listed', async () => {
    const root = project();
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'docs/notes.md'), 'notes\n');
    settle(root, 'docs');
    expect(await sourceFiles(root, OPTIONS)).toEqual(['src/a.ts', 'src/lib/b.ts']);
    writeFileSync(path.join(root, 'docs/example.ts'), 'export const x = 1;\n');
    expect(await sourceFiles(root, OPTIONS)).toEqual(['docs/example.ts', 'src/a.ts', 'src/lib/b.ts']);
  });

  it('re-reads the line record a new run wrote, and a Markdown spec whose covers: changed', async () => {
    const root = project();
    settle(root);
    const none = await measureLineDebt(root, OPTIONS);
    expect(none.recordedAt).toBeUndefined();
    const hash = (await import('../src/debt/line-record.js')).contentHash(readFileSync(path.join(root, 'src/a.ts'), 'utf8'));
    mkdirSync(path.join(root, '.spec'), { recursive: true });
    const record = (executed: number[], at: string) => writeFileSync(path.join(root, LINE_RECORD_FILE), JSON.stringify({ version: 1, recordedAt: at, files: { 'src/a.ts': { hash, executed } } }));
    record([], '2026-01-01T00:00:00.000Z');
    const first = await measureLineDebt(root, OPTIONS);
    expect(first.files.find((f) => f.file === 'src/a.ts')?.unspecifiedLines).toEqual([2]);
    expect(first.files.find((f) => f.file === 'src/a.ts')?.declaredOnlyLines).toEqual([]);
    record([2], '2026-01-02T00:00:00.000Z');
    const second = await measureLineDebt(root, OPTIONS);
    expect(second.recordedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(second.files.find((f) => f.file === 'src/a.ts')?.unspecifiedLines).toEqual([]);
    record([], '2026-01-03T00:00:00.000Z');
    writeFileSync(path.join(root, 'features/a.md'), '---\ncovers:\n  - src/a.ts\n---\n# A\n');
    const claimed = await measureLineDebt(root, OPTIONS);
    expect(claimed.files.find((f) => f.file === 'src/a.ts')?.declaredOnlyLines).toEqual([2]);
    writeFileSync(path.join(root, 'features/a.md'), '---\ncovers:\n  - src/lib/*.ts\n---\n# A, longer now\n');
    const moved = await measureLineDebt(root, OPTIONS);
    expect(moved.files.find((f) => f.file === 'src/a.ts')?.declaredOnlyLines).toEqual([]);
  });

  it('writes the shape cache when a shape changed, not when nothing did, and a file edited in place is measured afresh', async () => {
    const root = project();
    const shapes = path.join(root, '.spec/debt-shapes.json');
    await measureLineDebt(root, OPTIONS);
    await ShapeCache.written();
    const first = statSync(shapes);
    const keys = () => Object.keys((JSON.parse(readFileSync(shapes, 'utf8')) as { shapes: object }).shapes).length;
    expect(keys()).toBe(2);
    await measureLineDebt(root, OPTIONS);
    await ShapeCache.written();
    expect(statSync(shapes).mtimeMs).toBe(first.mtimeMs);
    writeFileSync(path.join(root, 'src/lib/b.ts'), 'export function b(n: number): number {\n  if (n > 1) return 2;\n  return 1;\n}\n');
    const edited = await measureLineDebt(root, OPTIONS);
    expect(edited.files.find((f) => f.file === 'src/lib/b.ts')?.executableLines).toBe(2);
    await ShapeCache.written();
    expect(statSync(shapes).mtimeMs).not.toBe(first.mtimeMs);
    expect(keys()).toBe(2);
  });

  it('without staleShapes, a file edited since the record is named stale and left unparsed: the TypeScript parser is not loaded', async () => {
    const root = project();
    const { contentHash } = await import('../src/debt/line-record.js');
    const hashOf = (file: string) => contentHash(readFileSync(path.join(root, file), 'utf8'));
    mkdirSync(path.join(root, '.spec'), { recursive: true });
    writeFileSync(path.join(root, LINE_RECORD_FILE), JSON.stringify({ version: 1, recordedAt: '2026-01-01T00:00:00.000Z', files: { 'src/a.ts': { hash: hashOf('src/a.ts'), executed: [2] }, 'src/lib/b.ts': { hash: hashOf('src/lib/b.ts'), executed: [1] } } }));
    await measureLineDebt(root, OPTIONS);
    await ShapeCache.written();
    const recorded = readFileSync(path.join(root, 'src/lib/b.ts'), 'utf8');
    const cache = statSync(path.join(root, '.spec/debt-shapes.json')).mtimeMs;
    writeFileSync(path.join(root, 'src/lib/b.ts'), 'export function b(n: number): number {\n  if (n > 1) return 2;\n  return 1;\n}\n');
    // A fresh process, as a watcher is: whether the parser got loaded is visible in its module cache.
    const script = [
      "import { createRequire } from 'node:module';",
      `const { measureLineDebt } = await import(${JSON.stringify(path.join(REPO, 'src/debt/measure-lines.ts'))});`,
      `const debt = await measureLineDebt(${JSON.stringify(root)}, ${JSON.stringify({ ...OPTIONS, staleShapes: false })});`,
      "const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.endsWith('typescript.js'));",
      'const parser = loaded();',
      "await (await import('node:timers/promises')).setTimeout(50);",
      // Reverted to the recorded text: its shape is still cached, so still nothing is parsed.
      `(await import('node:fs')).writeFileSync(${JSON.stringify(path.join(root, 'src/lib/b.ts'))}, ${JSON.stringify(recorded)});`,
      `const reverted = await measureLineDebt(${JSON.stringify(root)}, ${JSON.stringify({ ...OPTIONS, staleShapes: false })});`,
      'console.log(JSON.stringify({ parser, debt, reverted, parserAfterRevert: loaded() }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    type Debt = Awaited<ReturnType<typeof measureLineDebt>>;
    const { parser, debt, reverted, parserAfterRevert } = JSON.parse(out) as { parser: boolean; debt: Debt; reverted: Debt; parserAfterRevert: boolean };
    expect(parser).toBe(false);
    expect(debt.stale).toEqual(['src/lib/b.ts']);
    expect(debt.files.map((f) => f.file)).toEqual(['src/a.ts']);
    expect(debt.files[0]?.unspecifiedLines).toEqual([]);
    expect(debt.metrics.unspecified).toEqual({ value: 0, because: expect.stringContaining('src/lib/b.ts') as string });
    // The whole the ack's share is taken of would miss the unparsed file: not given.
    expect(debt.weightedLines).toBeNull();
    // Nothing new to keep: the cache, with the recorded text's shape a revert brings back, is not rewritten.
    expect(statSync(path.join(root, '.spec/debt-shapes.json')).mtimeMs).toBe(cache);
    expect(Object.keys((JSON.parse(readFileSync(path.join(root, '.spec/debt-shapes.json'), 'utf8')) as { shapes: object }).shapes)).toHaveLength(2);
    expect(reverted.stale).toEqual([]);
    expect(reverted.files.find((f) => f.file === 'src/lib/b.ts')?.unspecifiedLines).toEqual([]);
    expect(parserAfterRevert).toBe(false);
    writeFileSync(path.join(root, 'src/lib/b.ts'), 'export function b(n: number): number {\n  if (n > 1) return 2;\n  return 1;\n}\n');
    const shaped = await measureLineDebt(root, OPTIONS);
    expect(shaped.files.find((f) => f.file === 'src/lib/b.ts')).toMatchObject({ executableLines: 2, unspecifiedLines: null });
    expect(shaped.weightedLines).toBeGreaterThan(0);
  });
});
