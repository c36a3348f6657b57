import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { VerifyOptionsSchema } from '../src/api/options.js';
import { optionsFromFlags } from '../src/cli/args.js';
import { VERIFY_HELP, watchHelp } from '../src/cli/help.js';
import { WATCH_REPORTER_NAMES } from '../src/report/watch.js';
import { flagDefinitions, flagsByOption, OPTIONS, type OptionEntry } from '../src/config/options-table.js';
import { problemOf } from './helpers.js';

const entries = OPTIONS as readonly OptionEntry[];
const parse = (command: 'verify' | 'watch', args: string[]) => parseArgs({ args, options: flagDefinitions(command), allowPositionals: true, strict: true }).values;

describe('the options table', () => {
  it('every flag a command takes is in its --help, with its short form', () => {
    for (const [command, help] of [['verify', VERIFY_HELP], ['watch', watchHelp(WATCH_REPORTER_NAMES)]] as const) {
      for (const entry of entries.filter((e) => e.flag && e.cli?.includes(command))) {
        const shown = `${entry.short ? `-${entry.short}, ` : '    '}--${entry.flag}`;
        expect(help, `${command} --help shows ${shown}`).toContain(shown);
      }
    }
  });

  it('every API option of verify is in its schema, and nothing else is', () => {
    const keys = Object.keys((VerifyOptionsSchema as unknown as { shape: object }).shape).sort();
    expect(keys).toEqual(entries.filter((e) => e.option && e.api?.includes('verify')).map((e) => e.option).sort());
  });

  it('the schema checks each option by its kind', () => {
    expect(VerifyOptionsSchema.safeParse({ gates: false, names: ['a'], coverage: true, reporter: 'agent', onConfig: () => undefined }).success).toBe(true);
    for (const bad of [{ gates: true }, { names: 'a' }, { reporter: 'fancy' }, { configFile: '' }, { onConfig: 1 }, { nope: 1 }]) {
      expect(VerifyOptionsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('flags become options: repeatable lists, comma-separated gates, "none", milliseconds', () => {
    expect(optionsFromFlags('verify', parse('verify', ['-t', '@a', '-n', 'x', '--name', 'y', '-g', 'lint,test', '--gate', 'types', '--fail-fast', '-c', 'c.json']))).toEqual({
      tags: '@a',
      names: ['x', 'y'],
      gates: ['lint', 'test', 'types'],
      failFast: true,
      configFile: 'c.json',
    });
    expect(optionsFromFlags('verify', parse('verify', ['--gate', 'none'])).gates).toBe(false);
    expect(optionsFromFlags('watch', parse('watch', ['--settle', '50', '--coverage']))).toEqual({ settleMs: 50, coverage: true });
    // Flags only the CLI reads set no option.
    expect(optionsFromFlags('verify', parse('verify', ['--json', '--format', 'agent', '--print-config']))).toEqual({});
  });

  it('a --settle that is not a number of milliseconds is a usage error naming it', async () => {
    const problem = await problemOf((async () => optionsFromFlags('watch', parse('watch', ['--settle', 'soon'])))());
    expect(problem).toMatchObject({ code: 'SPEC_USAGE', message: 'watch: --settle must be a number of milliseconds, got "soon"' });
  });

  it('--retry takes a whole number of retries, 0 or more; anything else is a usage error naming it', async () => {
    expect(optionsFromFlags('verify', parse('verify', ['--retry', '2', '--fail-on-flaky']))).toEqual({ retry: 2, failOnFlaky: true });
    expect(optionsFromFlags('verify', parse('verify', ['--retry', '0'])).retry).toBe(0);
    for (const bad of ['-1', 'x', '1.5', '', '2e0']) {
      const problem = await problemOf((async () => optionsFromFlags('verify', parse('verify', [`--retry=${bad}`])))());
      expect(problem, bad).toMatchObject({ code: 'SPEC_USAGE', message: `verify: --retry must be a whole number, 0 or more, got "${bad}"` });
    }
    expect(VerifyOptionsSchema.safeParse({ retry: 1.5 }).success).toBe(false);
    expect(VerifyOptionsSchema.safeParse({ retry: -1 }).success).toBe(false);
    // watch re-runs on every edit: a retry there would hide the flakiness an edit just made (config retry still applies).
    expect(() => parse('watch', ['--retry', '1'])).toThrow();
  });

  it('a command takes only its own flags', () => {
    expect(() => parse('watch', ['--fail-fast'])).toThrow();
    expect(() => parse('verify', ['--settle', '5'])).toThrow();
    expect(flagsByOption('watch')).toEqual({ tags: '--tags', names: '--name', coverage: '--coverage', profile: '--profile', configFile: '--config', settleMs: '--settle' });
  });
});
