import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findStepHome, homeFolder } from '../src/init/step-files.js';

describe('homeFolder', () => {
  it('names the folder every step file shares', () => {
    expect(homeFolder(['features/step_definitions/a.js', 'features/step_definitions/deep/b.js'])).toBe('features/step_definitions/');
    expect(homeFolder(['test/support/steps/a.js', 'test/support/other/b.js'])).toBe('test/support/');
  });

  it('names the folder holding most of them when they share only the root', () => {
    expect(homeFolder(['steps/a.ts', 'features/b.ts', 'steps/c.ts'])).toBe('steps/');
    expect(homeFolder(['a.steps.js'])).toBe('./');
  });
});

describe('findStepHome', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  it('finds step files by what they do, not by name, and skips support files and node_modules', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'step-home-'));
    write('tests/support/world.js', "const { setWorldConstructor } = require('@cucumber/cucumber');\nsetWorldConstructor(class {});\n");
    write('tests/acceptance/pricing.js', "const { Given, Then } = require('@cucumber/cucumber');\nGiven('a price', () => {});\n");
    write('node_modules/x/steps.ts', "import { Given } from '@cucumber/cucumber';\nGiven('x', () => {});\n");
    expect(await findStepHome(root)).toEqual({ language: 'JavaScript', folder: 'tests/acceptance/' });
  });

  it('is TypeScript in steps/ when the project has no step definitions yet', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'step-home-'));
    write('src/app.js', 'module.exports = {};\n');
    expect(await findStepHome(root)).toEqual({ language: 'TypeScript', folder: 'steps/' });
  });
});
