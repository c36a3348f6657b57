import { compile } from '../api/compile.js';
import { formatLocation } from '../core/errors.js';
import { colorFor } from '../report/color.js';
import { parseCommandArgs } from './args.js';
import { COMPILE_HELP } from './help.js';
import { locate } from './shared.js';

export async function runCompile(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('compile', argv, {
    config: { type: 'string', short: 'c' },
    cwd: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(COMPILE_HELP);
    return 0;
  }
  const report = await compile({ cwd: locate(values.cwd).base, paths: positionals, configFile: values.config });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.exitCode;
  }
  const c = colorFor(process.stdout, process.env);
  const lines: string[] = [];
  for (const p of report.problems) {
    lines.push(`${c.red('error')} ${c.bold(p.location ? formatLocation(p.location) : '')} ${p.message} ${c.dim(`(${p.code})`)}`);
    if (p.hint) lines.push(`  ${c.yellow('→')} ${p.hint}`);
  }
  for (const w of report.warnings) {
    lines.push(`${c.yellow('warning')} ${c.bold(w.location ? formatLocation(w.location) : '')} ${w.message} ${c.dim(`(${w.code})`)}`);
    if (w.hint) lines.push(`  ${c.yellow('→')} ${w.hint}`);
  }
  for (const f of report.files.filter((file) => file.draft)) lines.push(`${f.path} (draft): ${f.scenarios} scenario${f.scenarios === 1 ? '' : 's'} run but never fail the verdict`);
  const scenarios = report.files.reduce((n, f) => n + f.scenarios, 0);
  const markdown = report.files.filter((f) => f.compiledPath).length;
  lines.push(`${report.files.length} spec file${report.files.length === 1 ? '' : 's'}, ${scenarios} scenarios; ${markdown} Markdown document${markdown === 1 ? '' : 's'} compiled to ${report.outDir}/`);
  if (report.problems.length) lines.push(c.red(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`));
  process.stdout.write(`${lines.join('\n')}\n`);
  return report.exitCode;
}
