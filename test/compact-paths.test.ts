import { describe, expect, it } from 'vitest';
import { compactPaths } from '../src/run/compact-paths.js';

const disk: Record<string, string[]> = {
  '/p/features': ['a.feature', 'b.feature', 'notes.md', '.hidden.feature'],
  '/p/partial': ['a.feature', 'b.feature', 'c.feature'],
  '/p/steps': ['a.ts', 'b.ts'],
};
const list = (dir: string) => disk[dir] ?? [];

describe('compactPaths', () => {
  it('replaces a folder whose files of one extension are all selected by one glob', () => {
    expect(compactPaths(['/p/features/a.feature', '/p/features/b.feature'], list)).toEqual(['/p/features/*.feature']);
  });

  it('keeps the list when the folder holds other files of that extension', () => {
    expect(compactPaths(['/p/partial/a.feature', '/p/partial/b.feature'], list)).toEqual(['/p/partial/a.feature', '/p/partial/b.feature']);
  });

  it('keeps line filters, single files and names glob would misread as they are', () => {
    const paths = ['/p/steps/a.ts:3', '/p/x[1]/a.feature', '/p/one/only.feature'];
    expect(compactPaths(paths, list).sort()).toEqual([...paths].sort());
  });

  it('groups by folder and extension independently', () => {
    const result = compactPaths(['/p/steps/a.ts', '/p/steps/b.ts', '/p/features/a.feature', '/p/features/b.feature'], list);
    expect(result.sort()).toEqual(['/p/features/*.feature', '/p/steps/*.ts']);
  });
});

describe('expandCompacted', () => {
  it('turns compacted folder globs back into the files they stand for', async () => {
    const { expandCompacted } = await import('../src/run/compact-paths.js');
    expect(expandCompacted(['/p/steps/*.ts', '/p/one/only.feature'], list)).toEqual(['/p/steps/a.ts', '/p/steps/b.ts', '/p/one/only.feature']);
  });
});
