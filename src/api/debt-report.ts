import { loadConfig } from '../config/load.js';
import { fromBase, locateProject } from '../config/project-root.js';
import { makeEnvironment } from '../core/env.js';
import { SpecloopError } from '../core/errors.js';
import { readHistory } from '../debt/history.js';
import { readLastReport, type LastReport } from '../debt/last-report.js';
import { DebtReportSchema, type DebtReport } from '../debt/model.js';
import { changedSince } from '../debt/review-debt.js';
import { nameFew } from '../core/name-few.js';
import { suitesElsewhere, workspaceSuites } from '../config/workspaces.js';
import { discoverSpecs } from '../spec/discover.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ACK_FILE } from '../debt/ack-store.js';
import { NO_ACK } from '../debt/ack-debt.js';

export interface DebtReportOptions {
  /** A folder of the project (default: the current one); its root is found at or above it. */
  cwd?: string;
  configFile?: string;
  /** How many of the last runs the report's history keeps (default 50). */
  last?: number;
}

/**
 * The comprehension-debt report `spec debt` prints: the last full run's figures and offenders
 * (.spec/debt.json) with the history of every run since (.spec/history.jsonl). Runs nothing: the
 * report says when it was measured. A project never measured (or with `debt: false`) is bad input
 * (SPEC_DEBT_NOT_MEASURED, exit 2) with the command that measures it.
 */
export async function debtReport(options: DebtReportOptions = {}): Promise<DebtReport> {
  const place = locateProject(makeEnvironment({ ...(options.cwd ? { cwd: options.cwd } : {}) }).cwd);
  const config = await loadConfig(place.root, options.configFile && fromBase(place, options.configFile));
  if (config.debt === false) throw new SpecloopError({ code: 'SPEC_DEBT_NOT_MEASURED', message: 'comprehension debt is off in this project (spec.config sets debt: false)', hint: 'remove `debt: false` from spec.config, then run spec verify' });
  const [last, history] = await Promise.all([readLastReport(place.root), readHistory(place.root)]);
  if (!last) throw new SpecloopError({ code: 'SPEC_DEBT_NOT_MEASURED', message: 'no debt measured yet in this project (no full spec verify has run here)', hint: await measureHint(place.root, config.specs) });
  const stale = await staleNote(place.root, last);
  // The hashes the figures were measured over are the stale check's, not the report's.
  const { measured: _hashes, ...figures } = last;
  const report: DebtReport = { ...figures, summary: ackedSince(place.root, figures.summary), history: history.entries.slice(-(options.last ?? 50)), warnings: [...stale, ...last.warnings.filter((w) => w.code !== 'SPEC_DEBT_HISTORY_TORN'), ...history.warnings] };
  return DebtReportSchema.parse(report);
}

/** An ack made since the figures were measured: "no ack yet" would no longer be true, and a verify measures against it. */
function ackedSince(root: string, summary: LastReport['summary']): LastReport['summary'] {
  if (!existsSync(path.join(root, ACK_FILE))) return summary;
  const metrics = Object.fromEntries(Object.entries(summary.metrics).map(([name, metric]) => [name, metric.because === NO_ACK ? { ...metric, because: ACKED_SINCE } : metric]));
  return { ...summary, metrics: metrics as typeof summary.metrics };
}

const ACKED_SINCE = 'acked since these figures were measured: run spec verify to measure against the ack';

/** How to measure it: here, unless this is a workspace root with no specs of its own, where a verify could never measure any. */
async function measureHint(root: string, specs: string[]): Promise<string> {
  const suites = await workspaceSuites(root);
  if (!suites.length || (await discoverSpecs(root, specs)).files.length) return 'run `spec verify` (every spec, no filter), then `spec debt`';
  const { said } = suitesElsewhere(suites);
  return `this is a workspace root with no specs of its own, and ${said} specs, each with its own debt: run spec verify --cwd ${suites[0]}, then spec debt --cwd ${suites[0]}`;
}

/** The report runs nothing: a spec, step or source file changed or added since it was measured makes its figures old news, said first. */
async function staleNote(root: string, last: LastReport): Promise<DebtReport['warnings']> {
  const { edited, added } = await changedSinceMeasured(root, last);
  if (edited.length === 0 && added.length === 0) return [];
  const what = [edited.length ? `${nameFew(edited)} changed` : '', added.length ? `${nameFew(added)} added` : ''].filter(Boolean).join(' and ');
  return [{ code: 'SPEC_DEBT_STALE', message: `${what} since these figures were measured (${last.summary.measuredAt}): they are stale: run \`spec verify\` for current figures` }];
}

/** By content, over the files the run's globs match now; a report an older spec wrote keeps no hashes: its measured files' times are all there is. */
async function changedSinceMeasured(root: string, last: LastReport): Promise<{ edited: string[]; added: string[] }> {
  if (!last.measured) {
    const measured = [...new Set([...last.specs.map((s) => s.file), ...last.files.map((f) => f.file)])];
    return { edited: await changedSince(root, measured, last.summary.measuredAt), added: [] };
  }
  const [{ projectFiles }, { changedFromMeasured }] = await Promise.all([import('../debt/ack-files.js'), import('../debt/measured-files.js')]);
  const now = await projectFiles(root, last.measured.globs.specs, last.measured.globs.steps);
  return changedFromMeasured(root, last.measured, [...now.specs, ...now.steps, ...now.sources]);
}
