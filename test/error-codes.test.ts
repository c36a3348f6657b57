import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FAILURE_KINDS, type ErrorCode } from '../src/core/error-codes.js';
import { buildVerdict } from '../src/report/build-verdict.js';
import { PLAIN, renderProblem } from '../src/report/problem.js';
import { ErrorCodeSchema, FailureKindSchema, VerdictSchema } from '../src/report/verdict.js';
// @ts-expect-error: a plain .mjs script, typed by use
import { codesTable, END, START, withCodesTable } from '../scripts/error-codes-table.mjs';

const REPO = path.resolve(import.meta.dirname, '..');
const SRC = path.join(REPO, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every quoted SPEC_… string in src/, with the file it is in. */
function codeLiterals(): { code: string; file: string }[] {
  return sourceFiles(SRC).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/['"`](SPEC_[A-Z_]+)['"`]/g)].map((m) => ({ code: m[1]!, file: path.relative(REPO, file) })));
}

const codes = Object.keys(ERROR_CODES) as ErrorCode[];

describe('the error registry', () => {
  it('every SPEC_ code written in src/ is a key of the table', () => {
    const unknown = codeLiterals().filter((l) => !(l.code in ERROR_CODES));
    expect(unknown, 'add these codes to src/core/error-codes.ts').toEqual([]);
  });

  it('every code in the table is used somewhere in src/ (no dead codes)', () => {
    const used = new Set(codeLiterals().filter((l) => l.file !== path.join('src', 'core', 'error-codes.ts')).map((l) => l.code));
    expect(codes.filter((c) => !used.has(c))).toEqual([]);
  });

  it('every entry has a kind the verdict knows, a description and a fix, each one line', () => {
    for (const [code, e] of Object.entries(ERROR_CODES)) {
      expect(FAILURE_KINDS, code).toContain(e.kind);
      expect(e.description, code).toMatch(/^[^\n]{10,}$/);
      expect(e.fix, code).toMatch(/^[^\n]{5,}$/);
    }
  });

  it("the verdict schema's code is exactly the table's keys, and its kinds the table's kinds", () => {
    expect(ErrorCodeSchema.options).toEqual(codes);
    expect(FailureKindSchema.options).toEqual([...FAILURE_KINDS]);
    expect(ErrorCodeSchema.safeParse('SPEC_MADE_UP').success).toBe(false);
  });

  it('a problem exits as the table says, with the kind and the closing-line label the table gives it', () => {
    // A gate's failure is counted through the verdict's gates, never as a problem.
    for (const code of codes.filter((c) => ERROR_CODES[c].exit > 0 && ERROR_CODES[c].kind !== 'gate-error')) {
      const entry = ERROR_CODES[code];
      const verdict = buildVerdict({
        root: '/p', version: '0.0.0', startedAt: new Date(0), durationMs: 1, problems: [{ code, message: 'm', hint: 'h' }], outcome: undefined, gates: [],
        filtered: false, strict: true, sourceOf: (u) => u, excerpt: () => undefined, tools: {},
      });
      expect(VerdictSchema.safeParse(verdict).success, code).toBe(true);
      expect(verdict.exitCode, code).toBe(entry.exit);
      expect(verdict.failures[0]).toMatchObject({ code, kind: entry.kind });
      if ('label' in entry) expect(verdict.summary, code).toBe(`spec: 0 passed, 1 failed (${entry.label})`);
    }
  });

  it('the overloaded meanings have codes of their own', () => {
    for (const code of ['SPEC_USAGE', 'SPEC_NO_GIT', 'SPEC_GIT_REVISION', 'SPEC_OUTPUT_UNWRITABLE', 'SPEC_PATH_NOT_FOUND', 'SPEC_NO_SCENARIO_AT_LINE']) expect(ERROR_CODES).toHaveProperty(code);
    const labels = ['SPEC_USAGE', 'SPEC_NO_GIT', 'SPEC_OUTPUT_UNWRITABLE', 'SPEC_PATH_NOT_FOUND', 'SPEC_NO_SCENARIO_AT_LINE'].map((c) => (ERROR_CODES[c as ErrorCode] as { label?: string }).label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe("the README's table of codes", () => {
  it('matches the registry (npm run build writes it)', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(withCodesTable(readme, ERROR_CODES), 'run npm run build to regenerate the table').toBe(readme);
  });

  it('has one row per code, and fails when a code is added without the docs', () => {
    const table: string = codesTable(ERROR_CODES);
    expect(table.split('\n')).toHaveLength(codes.length + 2);
    const readme = `x\n${START}\n${table}\n${END}\ny`;
    const more = { ...ERROR_CODES, SPEC_NEW: { exit: 2, kind: 'config-error', description: 'a new | one', fix: 'fix it' } };
    expect(withCodesTable(readme, more)).not.toBe(readme);
    expect(withCodesTable(readme, more)).toContain('| `SPEC_NEW` | 2 | `config-error` | a new \\| one | fix it |');
    expect(() => withCodesTable('no markers', ERROR_CODES)).toThrow(/markers/);
  });
});

describe('renderProblem', () => {
  it('reads LEAD place message (CODE), then the hint on its own line', () => {
    expect(renderProblem({ code: 'SPEC_PARSE', message: 'bad', location: { file: 'a.feature', line: 3, column: 5 }, hint: 'fix it' }, PLAIN, 'error')).toBe('error a.feature:3:5 bad (SPEC_PARSE)\n  → fix it');
    expect(renderProblem({ code: 'SPEC_USAGE', message: 'unknown command "x"' }, PLAIN, 'spec:')).toBe('spec: unknown command "x" (SPEC_USAGE)');
  });

  it('colours only through the paint it is given', () => {
    const mark = { bold: (t: string) => `<b>${t}</b>`, dim: (t: string) => `<d>${t}</d>`, yellow: (t: string) => `<y>${t}</y>` };
    expect(renderProblem({ code: 'SPEC_GATE_MISSING', message: 'm', location: { file: 'f', line: 1 }, hint: 'h' }, mark, 'warning', (t) => `<r>${t}</r>`)).toBe('warning <b>f:1</b> <r>m</r> <d>(SPEC_GATE_MISSING)</d>\n  <y>→</y> h');
  });
});
