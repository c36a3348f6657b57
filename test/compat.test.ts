/**
 * Cucumber compatibility kit: for every covered sample, run the kit's feature file(s) with real
 * step definitions (test/compat/steps/<name>.ts) through specloop's verify() API and check that
 * the verdict reports, for every pickle step, the status the kit's .ndjson records.
 *
 * Expected values are derived from the kit's message stream only (test/compat/kit.ts); the
 * samples left out, and why, are listed in test/compat/samples.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../src/api/verify.js';
import { VerdictSchema, type Verdict } from '../src/report/verdict.js';
import {
  countStatuses,
  expectedPickles,
  expectedUnusedPatterns,
  listSamples,
  readEnvelopes,
  runOptions,
  sampleFiles,
  type ExpectedPickle,
} from './compat/kit.js';
import { COVERED, SKIPPED, type CoveredSample } from './compat/samples.js';

const REPO = path.resolve(import.meta.dirname, '..');
const WORK_DIR = path.join(REPO, '.tmp', 'compat');
const STEPS_DIR = path.join(REPO, 'test', 'compat', 'steps');
const RUN_TIMEOUT_MS = 120_000;

function fileName(file: string): string {
  return file.split('/').pop() ?? file;
}

/** A verdict pattern as the bare expression source (regular expressions may be written /src/flags). */
function patternSource(pattern: string): string {
  const regexp = /^\/(.*)\/[a-z]*$/s.exec(pattern);
  return regexp?.[1] ?? pattern;
}

/**
 * Lays out <WORK_DIR>/<name>/{features,steps,assets} from the kit sample and our step definitions,
 * plus spec.config.json when the reference run had arguments specloop can express (--retry).
 */
function prepareProject(name: string): string {
  const dir = path.join(WORK_DIR, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const files = sampleFiles(name);
  const options = runOptions(files.argumentsTxt);
  if (options.unsupported.length > 0) {
    throw new Error(`${name}: the reference run used arguments specloop cannot express: ${options.unsupported.join(' ')}`);
  }
  fs.mkdirSync(path.join(dir, 'features'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'steps'), { recursive: true });
  // Its own package.json makes the folder a project: without one, specloop would run the
  // nearest project above it, this repository.
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `compat-${name}`, private: true }, null, 2)}\n`);
  for (const feature of files.features) fs.copyFileSync(feature, path.join(dir, 'features', path.basename(feature)));
  fs.copyFileSync(path.join(STEPS_DIR, `${name}.ts`), path.join(dir, 'steps', `${name}.ts`));
  if (files.assets.length > 0) {
    fs.mkdirSync(path.join(dir, 'assets'));
    for (const asset of files.assets) fs.copyFileSync(asset, path.join(dir, 'assets', path.basename(asset)));
  }
  if (options.retry !== undefined) {
    fs.writeFileSync(path.join(dir, 'spec.config.json'), `${JSON.stringify({ retry: options.retry }, null, 2)}\n`);
  }
  return dir;
}

/** One line per pickle (file:line name) followed by one line per step (line keyword text -> status), keyed by feature file. */
type Listing = Record<string, string[]>;

function pickleHeader(file: string, line: number, name: string): string {
  return `${file}:${line} ${name}`;
}

function stepRow(line: number, keyword: string, text: string, status: string): string {
  return `  ${line} ${keyword.trim()} ${text} -> ${status}`;
}

function expectedListing(pickles: readonly ExpectedPickle[], divergent: ReadonlySet<string>): Listing {
  const listing: Listing = {};
  for (const pickle of pickles) {
    if (divergent.has(pickle.name)) continue;
    const rows = (listing[pickle.file] ??= []);
    rows.push(pickleHeader(pickle.file, pickle.line, pickle.name));
    for (const step of pickle.steps) rows.push(stepRow(step.line, step.keyword, step.stepText, step.status));
  }
  return listing;
}

function actualListing(verdict: Verdict, divergent: ReadonlySet<string>): Listing {
  const listing: Listing = {};
  for (const scenario of verdict.scenarios) {
    if (divergent.has(scenario.name)) continue;
    const file = fileName(scenario.file);
    const rows = (listing[file] ??= []);
    rows.push(pickleHeader(file, scenario.line, scenario.name));
    for (const step of scenario.steps) rows.push(stepRow(step.line, step.keyword, step.text, step.status));
  }
  return listing;
}

interface SampleRun {
  verdict?: Verdict;
  raw?: unknown;
  error?: unknown;
  output: string;
}

function describeFailure(run: SampleRun): string {
  if (run.error === undefined) return 'verify() returned a value that does not match VerdictSchema (see the schema test)';
  const error = run.error instanceof Error ? `${run.error.name}: ${run.error.message}` : String(run.error);
  return `verify() threw: ${error}\n--- output ---\n${run.output.slice(-4000)}`;
}

async function runSample(name: string): Promise<SampleRun> {
  const projectDir = prepareProject(name);
  let output = '';
  const sink = {
    write(chunk: string): boolean {
      output += chunk;
      return true;
    },
  };
  try {
    const raw: unknown = await verify({ gates: false }, { cwd: projectDir, stdout: sink, stderr: sink, env: process.env });
    const parsed = VerdictSchema.safeParse(raw);
    return { raw, verdict: parsed.success ? parsed.data : undefined, output };
  } catch (error) {
    return { error, output };
  }
}

describe('compat kit expectations (derived from the .ndjson records)', () => {
  it('minimal: one pickle with one passed step on line 10', () => {
    const pickles = expectedPickles(readEnvelopes('minimal'));
    expect(pickles).toHaveLength(1);
    expect(pickles[0]).toMatchObject({ name: 'cukes', file: 'minimal.feature', line: 9, ran: true, status: 'passed' });
    expect(pickles[0]?.steps).toEqual([
      {
        pickleIndex: 0,
        pickleName: 'cukes',
        file: 'minimal.feature',
        keyword: 'Given ',
        stepText: 'I have 42 cukes in my belly',
        line: 10,
        status: 'passed',
      },
    ]);
  });

  it('examples-tables: outline pickles keep their own row line and share step lines', () => {
    const pickles = expectedPickles(readEnvelopes('examples-tables'));
    expect(pickles.map((p) => p.line)).toEqual([19, 20, 25, 26, 35, 36, 37]);
    expect(pickles.map((p) => p.steps.map((s) => s.line))).toEqual([
      [12, 13, 14],
      [12, 13, 14],
      [12, 13, 14],
      [12, 13, 14],
      [29, 30, 31],
      [29, 30, 31],
      [29, 30, 31],
    ]);
    expect(pickles[2]?.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'failed']);
    expect(pickles[4]?.name).toBe('Eating cucumbers with 11 friends');
  });

  it('background and rule-background steps resolve to their own lines', () => {
    const [first] = expectedPickles(readEnvelopes('rules-backgrounds'));
    expect(first?.steps.map((s) => s.line)).toEqual([8, 9, 10, 14, 15, 18, 19]);
  });

  it('markdown: steps resolve to lines of the .feature.md file', () => {
    const pickles = expectedPickles(readEnvelopes('markdown'));
    expect(pickles.map((p) => [p.file, p.line])).toEqual([
      ['markdown.feature.md', 38],
      ['markdown.feature.md', 39],
    ]);
    expect(pickles[0]?.steps.map((s) => `${s.line} ${s.status}`)).toEqual([
      '16 passed',
      '20 passed',
      '24 failed',
      '30 skipped',
    ]);
  });

  it('scenario status: the worst step or hook result; no steps at all is passed', () => {
    const status = (name: string) => expectedPickles(readEnvelopes(name)).map((p) => p.status);
    expect(status('hooks-conditional')).toEqual(['failed', 'failed', 'passed']);
    expect(status('skipped-failing-hook')).toEqual(['failed']);
    expect(status('all-statuses')).toEqual(['passed', 'failed', 'pending', 'skipped', 'undefined', 'ambiguous']);
    expect(status('empty')).toEqual(['passed']);
  });

  it('retries: the last attempt decides', () => {
    const pickles = expectedPickles(readEnvelopes('retry'));
    expect(pickles.map((p) => p.steps[0]?.status)).toEqual(['passed', 'passed', 'passed', 'failed']);
  });

  it('reference-run arguments: --retry maps to config, anything else is unsupported', () => {
    expect(runOptions(sampleFiles('retry').argumentsTxt)).toEqual({ retry: 2, unsupported: [] });
    expect(runOptions(null)).toEqual({ unsupported: [] });
    expect(runOptions(sampleFiles('multiple-features-reversed').argumentsTxt).unsupported).toEqual(['--order', 'reverse']);
  });

  it('unused step definitions', () => {
    expect(expectedUnusedPatterns(readEnvelopes('unused-steps'))).toEqual(['a step that is not used']);
    expect(expectedUnusedPatterns(readEnvelopes('minimal'))).toEqual([]);
  });

  it('pickles that never ran are marked so', () => {
    const pickles = expectedPickles(readEnvelopes('global-hooks-beforeall-error'));
    expect(pickles.length).toBeGreaterThan(0);
    expect(pickles.every((p) => !p.ran)).toBe(true);
  });

  it('every kit sample is either covered (with step definitions) or skipped with a reason', () => {
    const covered = COVERED.map((s) => s.name);
    const skipped = SKIPPED.map((s) => s.name);
    expect([...covered, ...skipped].sort()).toEqual(listSamples());
    for (const name of covered) expect(fs.existsSync(path.join(STEPS_DIR, `${name}.ts`)), name).toBe(true);
    for (const name of covered) {
      expect(expectedPickles(readEnvelopes(name)).every((p) => p.ran), `${name} has pickles that never ran`).toBe(true);
    }
  });
});

describe.each(COVERED)('compat kit sample $name through verify()', (sample: CoveredSample) => {
  const divergent = new Set((sample.divergent ?? []).map((d) => d.pickle));
  let run: SampleRun = { output: '' };

  beforeAll(async () => {
    run = await runSample(sample.name);
  }, RUN_TIMEOUT_MS);

  it('returns a verdict that matches VerdictSchema', () => {
    if (run.error !== undefined) throw new Error(describeFailure(run));
    VerdictSchema.parse(run.raw);
  });

  it('reports the kit status for every pickle step', () => {
    if (!run.verdict) throw new Error(describeFailure(run));
    const envelopes = readEnvelopes(sample.name);
    expect(actualListing(run.verdict, divergent)).toEqual(expectedListing(expectedPickles(envelopes), divergent));
  });

  it('reports the unused step definitions the kit records', () => {
    if (!run.verdict) throw new Error(describeFailure(run));
    const actual = run.verdict.unusedSteps.map((u) => patternSource(u.pattern)).sort();
    expect(actual).toEqual(expectedUnusedPatterns(readEnvelopes(sample.name)).sort());
  });

  it('reports as each scenario status the worst of its steps and hooks, as the kit records them', () => {
    if (!run.verdict) throw new Error(describeFailure(run));
    const expected = expectedPickles(readEnvelopes(sample.name))
      .filter((p) => !divergent.has(p.name))
      .map((p) => `${pickleHeader(p.file, p.line, p.name)} -> ${p.status}`);
    const actual = run.verdict.scenarios
      .filter((s) => !divergent.has(s.name))
      .map((s) => `${pickleHeader(fileName(s.file), s.line, s.name)} -> ${s.status}`);
    expect(actual).toEqual(expected);
  });

  it.skipIf(divergent.size > 0)('counts steps and scenarios as the kit records them', () => {
    if (!run.verdict) throw new Error(describeFailure(run));
    const pickles = expectedPickles(readEnvelopes(sample.name));
    expect(run.verdict.counts.steps).toEqual(countStatuses(pickles.flatMap((p) => p.steps)));
    expect(run.verdict.counts.scenarios.total).toBe(pickles.length);
  });
});

// Listed as skipped tests so every run shows which samples are left out and why.
describe('compat kit samples left out', () => {
  it.skip.each(SKIPPED)('$name: $reason', () => {});
});
