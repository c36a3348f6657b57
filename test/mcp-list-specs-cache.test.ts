import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers.js';

// Counts how often list_specs resolves the config (for a profile only cucumber can read, each time is a runner started).
const resolved = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/api/config.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/api/config.js')>();
  return { ...actual, specReading: (...args: Parameters<typeof actual.specReading>) => ((resolved.count += 1), actual.specReading(...args)) };
});

const { listSpecs } = await import('../src/mcp/list-specs.js');

describe('list_specs', () => {
  it('resolves the config once while its files stand, and again once one changes', async () => {
    const root = tempDir('list-specs-');
    cpSync(path.resolve('fixtures/todo'), root, { recursive: true });
    resolved.count = 0;
    const first = await listSpecs(root, []);
    const again = await listSpecs(root, []);
    expect(resolved.count).toBe(1);
    expect(again).toEqual(first);
    expect(first.specs.map((s) => s.file)).toContain('features/todo.feature');
    writeFileSync(path.join(root, 'spec.config.json'), JSON.stringify({ specs: ['features/**/*.feature'] }));
    const narrowed = await listSpecs(root, []);
    expect(resolved.count).toBe(2);
    expect(narrowed.specs.map((s) => s.file)).toEqual(['features/todo.feature']);
  });

  it('reads the specs in the cucumber profile\'s language, as verify runs them', async () => {
    const root = tempDir('list-specs-fr-');
    cpSync(path.resolve('fixtures/french-profile'), root, { recursive: true });
    const { specs } = await listSpecs(root, ['features/emprunts.feature']);
    expect(specs).toHaveLength(1);
    expect(specs[0]!.problems).toEqual([]);
    expect(specs[0]!.scenarios.map((s) => [s.id, s.name])).toEqual([
      ['features/emprunts.feature:4', 'Un premier emprunt'],
      ['features/emprunts.feature:9', 'Le quatrième livre est refusé'],
    ]);
  });
});
