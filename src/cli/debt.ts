import { debtReport } from '../api/debt-report.js';
import { colorFor } from '../report/color.js';
import { parseCommandArgs } from './args.js';
import { DEBT_HELP } from './help.js';
import { SpecloopError } from '../core/errors.js';

export async function runDebt(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('debt', argv, {
    config: { type: 'string', short: 'c' },
    cwd: { type: 'string' },
    json: { type: 'boolean' },
    last: { type: 'string' },
    // `--html FILE` (the self-contained page) is added here when report/debt-html.ts lands.
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(DEBT_HELP);
    return 0;
  }
  if (positionals.length) throw new SpecloopError({ code: 'SPEC_USAGE', message: `debt: takes no paths (got ${positionals.join(' ')})`, hint: 'see spec debt --help' });
  const last = values.last === undefined ? undefined : Number(values.last);
  if (last !== undefined && !(Number.isInteger(last) && last > 0)) throw new SpecloopError({ code: 'SPEC_USAGE', message: `debt: --last must be a whole number of runs, got "${values.last}"`, hint: 'e.g. --last 20' });
  const report = await debtReport({ cwd: values.cwd, configFile: values.config, ...(last ? { last } : {}) });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const { renderDebt } = await import('../report/debt-text.js');
  process.stdout.write(renderDebt(report, colorFor(process.stdout, process.env), new Date()));
  return 0;
}
