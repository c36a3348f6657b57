import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashText } from '../src/debt/ack-files.js';
import { oracleMoves } from '../src/debt/locked.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function acked(files: Record<string, { kind: 'spec' | 'step' | 'source'; text: string }>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'oracle-moves-'));
  made.push(root);
  for (const [file, { text }] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const entries = Object.fromEntries(Object.entries(files).map(([file, { kind, text }]) => [file, { kind, hash: hashText(text) }]));
  mkdirSync(path.join(root, '.spec'));
  writeFileSync(path.join(root, '.spec/ack.json'), JSON.stringify({ version: 1, at: '2026-01-01T00:00:00.000Z', message: null, commit: null, files: entries }));
  return root;
}

describe('oracleMoves: the specs and steps added, changed or removed since the ack', () => {
  it('tells each change by file, kind and change; sources are not the oracle', () => {
    const root = acked({
      'features/a.feature': { kind: 'spec', text: 'Feature: A\n' },
      'features/b.feature': { kind: 'spec', text: 'Feature: B\n' },
      'steps/a.steps.ts': { kind: 'step', text: 'x\n' },
      'src/a.ts': { kind: 'source', text: 'a\n' },
    });
    unlinkSync(path.join(root, 'features/b.feature'));
    unlinkSync(path.join(root, 'steps/a.steps.ts'));
    writeFileSync(path.join(root, 'features/a.feature'), 'Feature: A changed\n');
    writeFileSync(path.join(root, 'features/c.feature'), 'Feature: C\n');
    writeFileSync(path.join(root, 'src/a.ts'), 'b\n');
    return expect(oracleMoves(root, { specs: ['features/a.feature', 'features/c.feature'], steps: [], sources: ['src/a.ts'] })).resolves.toEqual({
      at: '2026-01-01T00:00:00.000Z',
      moves: [
        { file: 'features/a.feature', kind: 'spec', change: 'changed' },
        { file: 'features/b.feature', kind: 'spec', change: 'removed' },
        { file: 'features/c.feature', kind: 'spec', change: 'added' },
        { file: 'steps/a.steps.ts', kind: 'step', change: 'removed' },
      ],
    });
  });

  it('is undefined with no ack', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'oracle-moves-'));
    made.push(root);
    return expect(oracleMoves(root, { specs: [], steps: [], sources: [] })).resolves.toBeUndefined();
  });
});
