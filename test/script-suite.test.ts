import { describe, expect, it } from 'vitest';
import { parseCucumberCommand, scriptSuiteAdvice } from '../src/config/script-suite.js';

describe('parseCucumberCommand', () => {
  it('reads the paths and the --require / --import support files, skipping other options and their values', () => {
    expect(parseCucumberCommand('cucumber-js bdd/features --require bdd/steps --format json:bdd/report/r.json -t "not @wip"')).toEqual({ paths: ['bdd/features'], support: ['bdd/steps'] });
    expect(parseCucumberCommand('npx cucumber-js -r test/steps/**/*.ts --import=support/world.mjs --require-module ts-node/register tests/*.feature')).toEqual({ paths: ['tests/*.feature'], support: ['test/steps/**/*.ts', 'support/world.mjs'] });
  });

  it('stops at the end of the cucumber-js call and ignores commands without one', () => {
    expect(parseCucumberCommand('node_modules/.bin/cucumber-js e2e && node report.js out')).toEqual({ paths: ['e2e'], support: [] });
    expect(parseCucumberCommand('cucumber-js -f @cucumber/pretty-formatter')).toEqual({ paths: [], support: [] });
    expect(parseCucumberCommand('jest --coverage')).toBeUndefined();
  });
});

describe('scriptSuiteAdvice', () => {
  it('names only what the script names: no "specs" key when it passes support files alone', () => {
    const root = '/nonexistent-project';
    expect(scriptSuiteAdvice(root, { script: 'test', paths: [], support: ['test/steps/**/*.js'] }).config).toBe('{ "steps": ["test/steps/**/*.js"] }');
    expect(scriptSuiteAdvice(root, { script: 'bdd', paths: ['e2e/checkout.feature'], support: [] }).config).toBe('{ "specs": ["e2e/checkout.feature"] }');
  });
});
