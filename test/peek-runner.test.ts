import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';
import { peekConfiguredRunner } from '../src/config/peek-runner.js';

function project(files: Record<string, string>): string {
  const root = tempDir('peek-');
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
  return root;
}

describe('peekConfiguredRunner', () => {
  it('reads spec.config.json, and package.json "spec" when there is no config file', () => {
    expect(peekConfiguredRunner(project({ 'spec.config.json': '{ "runner": "process" }' }))).toBe('process');
    expect(peekConfiguredRunner(project({ 'package.json': '{ "spec": { "runner": "thread" } }' }))).toBe('thread');
    expect(peekConfiguredRunner(project({ 'package.json': '{ "name": "x" }' }))).toBeUndefined();
  });

  it('takes the config file found first, or the one named', () => {
    const root = project({ 'spec.config.mjs': "export default { runner: 'thread' };", 'spec.config.json': '{ "runner": "process" }', 'other.json': '{ "runner": "process" }' });
    expect(peekConfiguredRunner(root)).toBe('thread');
    expect(peekConfiguredRunner(root, 'other.json')).toBe('process');
  });

  it('ignores a runner only written in a comment of a JS config', () => {
    expect(peekConfiguredRunner(project({ 'spec.config.ts': "// runner: 'process' would allow chdir\nexport default { timeout: 1000 };" }))).toBeUndefined();
    expect(peekConfiguredRunner(project({ 'spec.config.ts': "/* runner: 'thread' */\nexport default { 'runner': 'process' };" }))).toBe('process');
  });

  it('says nothing for a config it cannot read', () => {
    expect(peekConfiguredRunner(project({ 'spec.config.json': '{ "runner": ' }))).toBeUndefined();
  });
});
