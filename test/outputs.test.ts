import path from 'node:path';
import { thrownProblem } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { planOutputs } from '../src/cli/outputs.js';
import { REPORTER_NAMES } from '../src/core/reporters.js';

const root = path.resolve('/projects/shop');


describe('planOutputs', () => {
  it('reads --format NAME as stdout and NAME:FILE as a file under the project root', () => {
    expect(planOutputs({ format: ['agent', 'json:.tmp-out/v.json', 'human:/abs/report.txt'] }, root)).toEqual([
      { name: 'agent', flag: '--format agent' },
      { name: 'json', file: path.join(root, '.tmp-out/v.json'), flag: '--format json:.tmp-out/v.json' },
      { name: 'human', file: path.resolve('/abs/report.txt'), flag: '--format human:/abs/report.txt' },
    ]);
  });

  it('splits at the first colon only, so a path may hold colons (C:\\…)', () => {
    const [output] = planOutputs({ format: ['json:reports/a:b.json'] }, root);
    expect(output).toMatchObject({ name: 'json', file: path.join(root, 'reports/a:b.json') });
  });

  it('keeps --reporter, --json and --output-file as shorthands', () => {
    expect(planOutputs({ reporter: 'agent', outputFile: 'out/v.json' }, root)).toEqual([
      { name: 'agent', flag: '--reporter agent' },
      { name: 'json', file: path.resolve('out/v.json'), flag: `--output-file ${path.resolve('out/v.json')}` },
    ]);
    // --json wins over --reporter, as it always has.
    expect(planOutputs({ json: true, reporter: 'human' }, root)).toEqual([{ name: 'json', flag: '--json' }]);
    expect(planOutputs({}, root)).toEqual([]);
  });

  it('refuses an unknown name, listing the registered ones', () => {
    expect(thrownProblem(() => planOutputs({ format: ['tap:out.txt'] }, root))).toEqual({ code: 'SPEC_USAGE', message: 'unknown format "tap"', hint: `use one of: ${REPORTER_NAMES.join(', ')}` });
    expect(thrownProblem(() => planOutputs({ reporter: 'tap' }, root)).message).toBe('unknown reporter "tap"');
  });

  it('refuses a file-only report (html) sent to stdout, naming the flag that writes it to a file', () => {
    expect(thrownProblem(() => planOutputs({ format: ['html'] }, root))).toEqual({ code: 'SPEC_USAGE', message: '--format html: the html report is written to a file, not to a terminal', hint: 'write --format html:FILE' });
    expect(thrownProblem(() => planOutputs({ reporter: 'html' }, root)).hint).toBe('write --format html:FILE');
    expect(planOutputs({ format: ['junit', 'html:r.html'] }, root).map((o) => o.name)).toEqual(['junit', 'html']);
  });

  it('refuses two reports to stdout, an empty file and one file written twice', () => {
    expect(thrownProblem(() => planOutputs({ reporter: 'agent', format: ['json'] }, root)).message).toBe('only one report can go to stdout, and --reporter agent and --format json both send one there');
    expect(thrownProblem(() => planOutputs({ format: ['json:'] }, root)).message).toBe('--format json: names no file');
    expect(thrownProblem(() => planOutputs({ format: ['json:v.json', 'agent:./v.json'] }, root)).message).toBe('--format json:v.json and --format agent:./v.json write the same file');
  });
});
