import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingGateNotes } from '../src/run/missing-gates.js';

const REPO = path.resolve(import.meta.dirname, '..');
const made: string[] = [];

/** A project outside the repository (whose node_modules would lend it a tsc). */
function project(files: { tsconfig?: boolean; tsc?: boolean; declared?: boolean }): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'specloop-gates-'));
  made.push(root);
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'p', devDependencies: files.declared ? { typescript: '^7.0.0' } : {} }));
  if (files.tsconfig) writeFileSync(path.join(root, 'tsconfig.json'), '{}\n');
  if (files.tsc) {
    mkdirSync(path.join(root, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules', '.bin', 'tsc'), path.join(root, 'node_modules', '.bin', 'tsc'));
  }
  return root;
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

const messages = (root: string, more: Partial<Parameters<typeof missingGateNotes>[0]> = {}) =>
  missingGateNotes({ root, configured: {}, only: undefined, loadsTypeScript: true, ...more }).map((n) => `${n.code} ${n.message}`);

describe('missingGateNotes', () => {
  it('asks for typescript when the project has a tsconfig.json and no tsc', () => {
    expect(messages(project({ tsconfig: true }))).toEqual(['SPEC_GATE_MISSING no typecheck: install typescript to add it']);
  });

  it('asks for a tsconfig.json when the project declares typescript', () => {
    expect(messages(project({ tsc: true, declared: true }))).toEqual(['SPEC_GATE_MISSING no typecheck: add a tsconfig.json to add it']);
    // A tsc it does not declare (a parent folder's) is not the project asking for a typecheck.
    expect(messages(project({ tsc: true }))).toEqual([]);
  });

  it('asks for both when TypeScript steps run with neither', () => {
    expect(messages(project({}))).toEqual(['SPEC_GATE_MISSING no typecheck: install typescript and add a tsconfig.json to add it']);
  });

  it('says nothing when the gate is detected, chosen, or the project is plain JavaScript', () => {
    expect(messages(project({ tsconfig: true, tsc: true }))).toEqual([]);
    expect(messages(project({}), { loadsTypeScript: false })).toEqual([]);
    expect(messages(project({ tsconfig: true }), { configured: { typecheck: false } })).toEqual([]);
    expect(messages(project({ tsconfig: true }), { only: false })).toEqual([]);
    expect(messages(project({ tsconfig: true }), { only: ['lint'] })).toEqual([]);
  });
});
