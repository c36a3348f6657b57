import path from 'node:path';
import { debtReport } from '../api/debt-report.js';
import { locateProject } from '../config/project-root.js';
import { ensureDir } from '../core/fs.js';
import type { DebtReport } from '../debt/model.js';
import { colorFor } from '../report/color.js';
import { parseCommandArgs } from './args.js';
import { refuseFolder } from './outputs.js';
import { DEBT_HELP } from './help.js';
import { SpecloopError } from '../core/errors.js';

export async function runDebt(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('debt', argv, {
    config: { type: 'string', short: 'c' },
    cwd: { type: 'string' },
    json: { type: 'boolean' },
    last: { type: 'string' },
    html: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(DEBT_HELP);
    return 0;
  }
  if (positionals.length) throw new SpecloopError({ code: 'SPEC_USAGE', message: `debt: takes no paths (got ${positionals.join(' ')})`, hint: 'see spec debt --help' });
  const last = values.last === undefined ? undefined : Number(values.last);
  if (last !== undefined && !(Number.isInteger(last) && last > 0)) throw new SpecloopError({ code: 'SPEC_USAGE', message: `debt: --last must be 1 or more (a whole number of runs), got "${values.last}"`, hint: 'e.g. --last 20' });
  const page = values.html === undefined ? undefined : path.resolve(locateProject(values.cwd ?? process.cwd()).root, values.html);
  if (page) refuseFolder(page, `--html ${values.html}`, 'debt.html');
  const report = await debtReport({ cwd: values.cwd, configFile: values.config, ...(last ? { last } : {}) });
  if (page) {
    await writePage(report, page, `--html ${values.html}`);
    // With --json, stdout is the report and must parse: the notice goes to stderr.
    (values.json ? process.stderr : process.stdout).write(`wrote the debt page to ${page}\n`);
    if (!values.json) return 0;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const { renderDebt } = await import('../report/debt-text.js');
  process.stdout.write(renderDebt(report, colorFor(process.stdout, process.env), new Date()));
  return 0;
}

/** The page whole or not at all (a temp file renamed over it): a reader never opens half a page. */
async function writePage(report: DebtReport, file: string, flag: string): Promise<void> {
  const [{ renderDebtHtml }, { default: writeFileAtomic }] = await Promise.all([import('../report/debt-html.js'), import('write-file-atomic')]);
  try {
    ensureDir(path.dirname(file));
    await writeFileAtomic(file, renderDebtHtml(report));
  } catch (error) {
    throw new SpecloopError({ code: 'SPEC_OUTPUT_UNWRITABLE', message: `debt: cannot write ${flag}: ${(error as Error).message}`, hint: 'pass a path in a folder you can write to' });
  }
}
