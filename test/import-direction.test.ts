import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImportDirection, forbidden, formatViolation, relativeImports } from '../scripts/import-direction.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

describe('import direction (scripts/import-direction.rules.ts)', () => {
  it('src/ imports only down the pipeline', async () => {
    const result = await checkImportDirection(root);
    expect(result.checked).toBeGreaterThan(100);
    const violations = result.violations.map(formatViolation);
    expect(violations, `upward imports:\n${violations.join('\n')}`).toEqual([]);
    const stale = result.stale.map((k) => `${k.from} -> ${k.to}`);
    expect(stale, `known violations that no longer occur (remove them from the rules):\n${stale.join('\n')}`).toEqual([]);
  });

  it('allows a folder to import from itself and from folders before it', () => {
    expect(forbidden('run', 'run')).toBeUndefined();
    expect(forbidden('run', 'core')).toBeUndefined();
    expect(forbidden('report', 'run')).toBeUndefined();
    expect(forbidden('cli', 'api')).toBeUndefined();
    expect(forbidden('.', 'api')).toBeUndefined();
  });

  it('forbids imports up the pipeline, into front ends and into the package entry', () => {
    expect(forbidden('run', 'report')).toMatch(/run\/ comes before report\//);
    expect(forbidden('config', 'run')).toMatch(/config\/ comes before run\//);
    expect(forbidden('api', 'cli')).toMatch(/nothing imports a front end/);
    expect(forbidden('mcp', 'cli')).toMatch(/nothing imports a front end/);
    expect(forbidden('api', '.')).toMatch(/package entry/);
  });

  it('keeps init/ a side branch: it imports only core and config, only entry points import it', () => {
    expect(forbidden('init', 'config')).toBeUndefined();
    expect(forbidden('init', 'spec')).toMatch(/init\/ imports only from core, config/);
    expect(forbidden('api', 'init')).toBeUndefined();
    expect(forbidden('watch', 'init')).toMatch(/init\/ is imported only by/);
  });

  it('names a folder the rules do not know', () => {
    expect(forbidden('plugins', 'core')).toMatch(/src\/plugins\/ has no place/);
  });

  it('reads type-only, re-export and literal import() paths with their lines', () => {
    const text = [
      "import type { A } from '../report/verdict.js';",
      "import { b, type C } from './b.js';",
      "export * from '../core/errors.js';",
      "type D = import('../impact/types.js').D;",
      "import chalk from 'chalk';",
    ].join('\n');
    expect(relativeImports(text, 'x.ts')).toEqual([
      { specifier: '../report/verdict.js', line: 1 },
      { specifier: './b.js', line: 2 },
      { specifier: '../core/errors.js', line: 3 },
      { specifier: '../impact/types.js', line: 4 },
    ]);
  });
});
