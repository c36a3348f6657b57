import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProfileConfig } from '../src/config/cucumber-profile.js';
import { uncompiledTypeScript } from '../src/config/profile-typescript.js';
import { tempDir } from './helpers.js';

function project(scripts: Record<string, string> = { test: 'cucumber-js' }, files: string[] = []): string {
  const root = tempDir('ts-uncompiled-');
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module', scripts }));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '');
  }
  return root;
}

const profile = (over: Partial<Pick<ProfileConfig, 'import' | 'require' | 'requireModule' | 'loader'>>): ProfileConfig => ({ import: [], require: [], requireModule: [], loader: [], ...over }) as unknown as ProfileConfig;

describe('uncompiledTypeScript', () => {
  it('warns when tsx is named in import: (a glob to cucumber-js) and nothing else compiles the .ts files', () => {
    const warning = uncompiledTypeScript(project(), 'cucumber.mjs', profile({ import: ['tsx', 'features/**/*.ts'] }), undefined);
    expect(warning?.code).toBe('SPEC_PROFILE_TS_UNCOMPILED');
    expect(warning?.message).toContain("'tsx' in import/require matches no file");
  });

  it('warns for TypeScript globs with no compiler at all, in import or require, braces included', () => {
    expect(uncompiledTypeScript(project(), 'c', profile({ require: ['steps/**/*.{ts,js}'] }), '')?.code).toBe('SPEC_PROFILE_TS_UNCOMPILED');
    expect(uncompiledTypeScript(project(), 'c', profile({ import: ['steps/a.mts'] }), '--max-old-space-size=4096')?.code).toBe('SPEC_PROFILE_TS_UNCOMPILED');
  });

  it('stays quiet wherever a compiler may be registered', () => {
    const ts = ['features/**/*.ts'];
    expect(uncompiledTypeScript(project(), 'c', profile({ import: ts, loader: ['ts-node/esm'] }), undefined)).toBeUndefined();
    expect(uncompiledTypeScript(project(), 'c', profile({ require: ts, requireModule: ['tsx/cjs'] }), undefined)).toBeUndefined();
    expect(uncompiledTypeScript(project(), 'c', profile({ import: ts }), '--import tsx')).toBeUndefined();
    expect(uncompiledTypeScript(project(), 'c', profile({ import: ts }), '-r ts-node/register')).toBeUndefined();
    expect(uncompiledTypeScript(project({ test: "NODE_OPTIONS='--import tsx' cucumber-js" }), 'c', profile({ import: ts }), undefined)).toBeUndefined();
    expect(uncompiledTypeScript(project({ test: 'tsx node_modules/.bin/cucumber-js' }), 'c', profile({ import: ts }), undefined)).toBeUndefined();
    expect(uncompiledTypeScript(project(undefined, ['tsx-register.mjs']), 'c', profile({ import: ['./tsx-register.mjs', ...ts] }), undefined)).toBeUndefined();
    expect(uncompiledTypeScript(project(), 'c', profile({ import: ['features/support/*.mjs', ...ts] }), undefined)).toBeUndefined();
  });

  it('says nothing of JavaScript-only support code', () => {
    expect(uncompiledTypeScript(project(), 'c', profile({ import: ['features/**/*.js', 'tsx'] }), undefined)).toBeUndefined();
  });
});
