import { ack, review } from '../api/ack.js';
import { colorFor } from '../report/color.js';
import { parseCommandArgs } from './args.js';
import { ACK_HELP, REVIEW_HELP } from './help.js';
import { locate } from './shared.js';

const COMMON = {
  config: { type: 'string', short: 'c' },
  profile: { type: 'string', short: 'p' },
  cwd: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runAck(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs('ack', argv, { ...COMMON, message: { type: 'string', short: 'm' } });
  if (values.help) return help(ACK_HELP);
  const record = await ack({ cwd: locate(values.cwd).base, configFile: values.config, profile: values.profile, ...(values.message === undefined ? {} : { message: values.message }) });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(record)}\n`);
    return 0;
  }
  const { specs, steps, sources } = record.counts;
  process.stdout.write(`Acked ${specs} spec${specs === 1 ? '' : 's'}, ${steps} step file${steps === 1 ? '' : 's'} and ${sources} source file${sources === 1 ? '' : 's'}${record.config.length ? `, with the config ${record.config.join(' and ')}` : ''}${record.commit ? ` at commit ${record.commit.slice(0, 12)}` : ''}: ${record.file}\n`);
  if (record.debtNotKept) process.stdout.write(debtNotKeptNote(record.debtNotKept));
  return 0;
}

function debtNotKeptNote(files: string[]): string {
  const named = files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
  return `No debt figures kept with it: ${named} changed since the last full verify, which measured other text (run spec verify, then spec ack, for spec review to compare with the figures at the ack)\n`;
}

export async function runReview(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs('review', argv, COMMON);
  if (values.help) return help(REVIEW_HELP);
  const result = await review({ cwd: locate(values.cwd).base, configFile: values.config, profile: values.profile });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const { renderReview } = await import('../report/review.js');
  process.stdout.write(renderReview(result, colorFor(process.stdout, process.env)));
  return 0;
}

function help(text: string): number {
  process.stdout.write(text);
  return 0;
}
