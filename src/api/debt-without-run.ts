import type { DebtConfig } from '../config/schema.js';
import type { DebtSummary } from '../debt/model.js';
import { finishDebt, startDebt, type DebtGlobs } from './debt.js';

/**
 * The figures now, with no run: what watch shows when an edit reaches no scenario. Nothing ran, so
 * no history line is written (one line a run; the next run records the edit's figures anyway).
 */
export async function debtWithoutRun(root: string, config: false | DebtConfig, globs: DebtGlobs, env?: Record<string, string | undefined>): Promise<DebtSummary | undefined> {
  const work = startDebt(root, config, { stepFiles: [], globs, partial: true, analyse: false, env });
  return work && (await finishDebt(work, { result: undefined, partial: true, unused: undefined, kind: 'watch', because: 'no scenario ran: the edit reaches none' })).summary;
}
