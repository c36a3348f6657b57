import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { init } from '../src/api/init.js';
import { tempDir } from './helpers.js';

// specloop is not on the npm registry (README, "Using it in a project"): a hint telling the user to
// `npm i -D specloop` sends them to a 404.
describe('spec init install hints', () => {
  it('never advises installing specloop from the registry, in a new project', async () => {
    const root = tempDir('specloop-init-hints-');
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'fresh', version: '1.0.0' }));
    const report = await init({}, { cwd: root });
    const hints = report.hints.join('\n');
    expect(hints).not.toMatch(/npm i -D specloop\b/);
    expect(hints).toMatch(/specloop is not on the npm registry/);
    expect(hints).toMatch(/npm i -D @cucumber\/cucumber tsx/);
  });

  it('never advises installing specloop from the registry, in a project with its own suite', async () => {
    const root = tempDir('specloop-init-hints-');
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'old', version: '1.0.0', devDependencies: { '@cucumber/cucumber': '^12.0.0' } }));
    mkdirSync(path.join(root, 'features'));
    writeFileSync(path.join(root, 'features', 'a.feature'), 'Feature: a\n  Scenario: b\n    Given c\n');
    const report = await init({}, { cwd: root });
    const hints = report.hints.join('\n');
    expect(hints).not.toMatch(/npm i -D specloop\b/);
    expect(hints).toMatch(/specloop is not on the npm registry/);
  });
});
