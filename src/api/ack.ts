import { fromBase, locateProject } from '../config/project-root.js';
import { makeEnvironment, type EnvironmentInput } from '../core/env.js';
import { SpecloopError } from '../core/errors.js';
import { headCommit } from '../core/git-head.js';
import { configMoves, configRecord, type ConfigSeen } from '../debt/ack-config.js';
import { hashText, kindsOf, projectFiles, readAll, type ProjectFiles } from '../debt/ack-files.js';
import { ACK_FILE, loadAck, writeAck, type Ack } from '../debt/ack-store.js';
import { readLastReport, type LastReport } from '../debt/last-report.js';
import { valuesOf } from '../debt/measure.js';
import { changedSince, debtSinceAck } from '../debt/review-debt.js';
import { noAckProblem } from '../debt/locked.js';
import type { Review } from '../debt/review.js';
import type { Runner } from '../run/runner.js';
import { startRunner } from '../run/start.js';
import { AckOptionsSchema, checkCall, ReviewOptionsSchema } from './options.js';
import { loadRunConfig } from './run-config.js';

export interface AckOptions {
  /** A folder of the project (default: the current one). */
  cwd?: string;
  configFile?: string;
  /** The cucumber profile whose paths and support files decide which files are specs and steps. */
  profile?: string;
  /** Why this state was accepted, kept in the ack. */
  message?: string;
}

export type ReviewOptions = Omit<AckOptions, 'message'>;

/** What `spec ack` recorded. */
export interface AckRecord {
  file: typeof ACK_FILE;
  at: string;
  message: string | null;
  commit: string | null;
  counts: { specs: number; steps: number; sources: number };
  /** The config files recorded with them (spec.config, the cucumber config file): they decide what is checked. */
  config: string[];
  /**
   * Files that changed since the last full verify: its debt figures measured other text than the
   * one acked, so they were not kept as the figures at the ack.
   */
  debtNotKept?: string[];
}

/**
 * Records the reviewed state: a content hash per spec, step and source file, their text under
 * .spec/ack/, the time, the message and the git commit (null outside git). Throws SpecloopError
 * (exit 2) on bad config. Never prints.
 */
export async function ack(options: AckOptions = {}, environment: EnvironmentInput = {}): Promise<AckRecord> {
  const call = checkCall('ack', AckOptionsSchema, options, environment);
  const { root, files, seen } = await filesOf(call.cwd, call.options, call.environment);
  const kinds = kindsOf(files);
  const [texts, commit, last, config] = await Promise.all([readAll(root, [...kinds.keys()]), headCommit(root, makeEnvironment(call.environment).env), readLastReport(root), configRecord(root, seen)]);
  const edited = last ? await editedSince(root, [...files.specs, ...files.steps, ...files.sources], last) : [];
  const record: Ack = {
    version: 1,
    at: new Date().toISOString(),
    message: call.options.message ?? null,
    commit,
    files: Object.fromEntries([...texts].sort(([a], [b]) => a.localeCompare(b)).map(([file, text]) => [file, { kind: kinds.get(file)!, hash: hashText(text) }])),
    config,
    // What the debt was when reviewed, so `spec review` can show its change since (as the last full run
    // measured it): only when that run measured the text acked, or the review would credit the ack with another text's figures.
    ...(last && edited.length === 0 ? { debt: { measuredAt: last.summary.measuredAt, metrics: valuesOf(last.summary.metrics) } } : {}),
  };
  await writeAck(root, record, texts);
  const count = (list: string[]) => list.filter((f) => texts.has(f)).length;
  return { file: ACK_FILE, at: record.at, message: record.message, commit, counts: { specs: count(files.specs), steps: count(files.steps), sources: count(files.sources) }, config: Object.keys(config), ...(edited.length ? { debtNotKept: edited } : {}) };
}

/** The change since the last ack, by intent (debt/review.ts). Before the first ack its figures are null, saying so. */
export async function review(options: ReviewOptions = {}, environment: EnvironmentInput = {}): Promise<Review> {
  const call = checkCall('review', ReviewOptionsSchema, options, environment);
  const { root, files, seen } = await filesOf(call.cwd, call.options, call.environment);
  const [{ measureAckDebt }, { loadScenarioMap }, { buildReview }] = await Promise.all([import('../debt/ack-debt.js'), import('../impact/scenario-map.js'), import('../debt/review.js')]);
  const [map, acked, last] = await Promise.all([loadScenarioMap(root), loadAck(root).catch(() => undefined), readLastReport(root)]);
  let debt;
  try {
    debt = await measureAckDebt(root, files, map);
  } catch (error) {
    if (error instanceof SpecloopError) throw error;
    throw new SpecloopError(noAckProblem((error as Error).message.split('\n')[0]));
  }
  const edited = await editedSince(root, [...files.specs, ...files.steps, ...files.sources], last);
  const config = acked?.config ? configMoves(acked.config, await configRecord(root, seen)) : null;
  return buildReview(debt, map, acked && debtSinceAck(acked.debt, last?.summary, debt.figures, edited), await draftsAmong(root, debt.changed.filter((c) => c.kind === 'spec' && c.change !== 'removed').map((c) => c.file)), config);
}

/**
 * The files changed, gone or added since the last full verify measured its figures, by content (a
 * checkout or a `touch` is no edit; an edit within the clock's resolution is one). A report an
 * older spec wrote keeps no hashes: then a time newer than its measuring is all there is.
 */
async function editedSince(root: string, now: string[], last: LastReport | undefined): Promise<string[]> {
  if (!last?.measured) return changedSince(root, now, last?.summary.measuredAt);
  const { changedFromMeasured } = await import('../debt/measured-files.js');
  const { edited, added } = await changedFromMeasured(root, last.measured, now);
  return [...new Set([...edited, ...added])].sort();
}

/** The project's specs, steps and sources, as verify resolves its config (spec.config, the cucumber profile), and that config. */
export async function filesOf(cwd: string, options: ReviewOptions, environment: EnvironmentInput): Promise<{ root: string; files: ProjectFiles; seen: ConfigSeen }> {
  const place = locateProject(cwd);
  const env = makeEnvironment({ ...environment, cwd: place.root });
  const configFile = options.configFile === undefined ? undefined : fromBase(place, options.configFile);
  // Only a profile that cucumber alone can read (ESM, YAML, argv strings) needs a runner.
  let runner: Runner | undefined;
  try {
    const { config, run } = await loadRunConfig({ configFile, profile: options.profile }, env, () => () => (runner ??= startRunner('process', place.root, env.env)));
    const seen = { config, cucumberConfig: run.cucumberConfig, overlay: run.overlay };
    return { root: place.root, files: await projectFiles(place.root, run.values.specs.value, run.values.steps.value), seen };
  } finally {
    runner?.kill();
  }
}

async function draftsAmong(root: string, specs: string[]): Promise<Set<string>> {
  const markdown = specs.filter((f) => f.endsWith('.md'));
  if (!markdown.length) return new Set();
  const { compileSpecs } = await import('../spec/compile.js');
  const compiled = await compileSpecs(root, markdown);
  return new Set(compiled.files.filter((f) => f.frontMatter?.status === 'draft').map((f) => f.path));
}
