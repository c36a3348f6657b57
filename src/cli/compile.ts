import path from 'node:path';
import { compile } from '../api/compile.js';
import { colorFor } from '../report/color.js';
import { renderProblem } from '../report/problem.js';
import { parseCommandArgs } from './args.js';
import { COMPILE_HELP } from './help.js';
import { locate, placeForPaths } from './shared.js';

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
  const place = locate(values.cwd);
  const target = await placeForPaths(place, positionals, 'compile');
  const configFile = values.config && target.place !== place ? path.resolve(place.base, values.config) : values.config;
  const report = await compile({ cwd: target.place.base, paths: target.paths, configFile });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.exitCode;
  }
  const c = colorFor(process.stdout, process.env);
  const lines: string[] = [];
  lines.push(...report.problems.map((p) => renderProblem(p, c, c.red('error'))));
  lines.push(...report.warnings.map((w) => renderProblem(w, c, c.yellow('warning'))));
  for (const f of report.files.filter((file) => file.draft)) lines.push(`${f.path} (draft): ${f.scenarios} scenario${f.scenarios === 1 ? '' : 's'} run but never fail the verdict`);
  const scenarios = report.files.reduce((n, f) => n + f.scenarios, 0);
  const markdown = report.files.filter((f) => f.compiledPath).length;
  lines.push(`${report.files.length} spec file${report.files.length === 1 ? '' : 's'}, ${scenarios} scenarios; ${markdown} Markdown document${markdown === 1 ? '' : 's'} compiled to ${report.outDir}/`);
  if (report.problems.length) lines.push(c.red(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`));
  process.stdout.write(`${lines.join('\n')}\n`);
  return report.exitCode;
}
