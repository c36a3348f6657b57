import { colorFor } from '../report/color.js';
import { SpecloopError } from '../core/errors.js';
import type { StepsCatalogue } from '../bind/catalogue-schema.js';
import { parseCommandArgs } from './args.js';
import { STEPS_HELP } from './help.js';
import { locate, placeForPaths } from './shared.js';

/** `spec steps`: 0 when every step binds, 1 with undefined or ambiguous steps, 2 on bad input (thrown). */
export async function runSteps(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('steps', argv, {
    config: { type: 'string', short: 'c' },
    profile: { type: 'string', short: 'p' },
    cwd: { type: 'string' },
    json: { type: 'boolean' },
    generate: { type: 'boolean' },
    undefined: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(STEPS_HELP);
    return 0;
  }
  if (values.undefined && (values.json || values.generate)) {
    const other = values.json ? '--json' : '--generate';
    const hint = values.json ? 'spec steps --json has every undefined step, with its snippet, under "undefined"' : 'spec steps --generate already writes only the undefined steps';
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `steps: --undefined and ${other} do not go together`, hint });
  }
  if (values.generate && values.json) throw new SpecloopError({ code: 'SPEC_USAGE', message: 'steps: --generate and --json do not go together', hint: 'run spec steps --generate, then spec steps --json' });
  // Paths at a workspace root that are a package's are listed with that package's steps.
  const target = positionals.length ? await placeForPaths(locate(values.cwd), positionals, 'steps') : undefined;
  const options = { ...(target ? { cwd: target.place.base, paths: target.paths } : values.cwd ? { cwd: values.cwd } : {}), ...(values.config ? { configFile: values.config } : {}), ...(values.profile ? { profile: values.profile } : {}) };
  if (values.generate) return generate(options);
  const { listSteps } = await import('../api/steps.js');
  const catalogue = await listSteps(options);
  if (values.json) process.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
  else process.stdout.write((await import('../report/steps-text.js')).renderSteps(catalogue, colorFor(process.stdout, process.env), { undefinedOnly: values.undefined === true }));
  return exitCode(catalogue);
}

async function generate(options: Parameters<typeof import('../api/steps-generate.js').generateStubs>[0]): Promise<number> {
  const { generateStubs } = await import('../api/steps-generate.js');
  const { written, catalogue } = await generateStubs(options);
  const c = colorFor(process.stdout, process.env);
  if (catalogue.undefined.length === 0) {
    process.stdout.write(`spec steps --generate: no undefined steps: nothing to generate\n`);
    return exitCode(catalogue);
  }
  const stubs = written.reduce((n, f) => n + f.stubs.length, 0);
  for (const f of written) process.stdout.write(`${c.bold(f.file)}: ${f.stubs.length} stub${f.stubs.length === 1 ? '' : 's'}${f.created ? ' (new file)' : ''}\n${f.stubs.map((s) => c.dim(`  ${s}\n`)).join('')}`);
  process.stdout.write(
    stubs
      ? `spec steps --generate: wrote ${stubs} pending stub${stubs === 1 ? '' : 's'} in ${written.length} file${written.length === 1 ? '' : 's'}; the scenarios using them stay pending (failing) until the stubs are written\n`
      : 'spec steps --generate: every undefined step already has a stub in its file: nothing new written\n',
  );
  return catalogue.ambiguous.length ? 1 : 0;
}

function exitCode(catalogue: StepsCatalogue): number {
  return catalogue.undefined.length || catalogue.ambiguous.length ? 1 : 0;
}
