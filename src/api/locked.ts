import { supportGlobsOf } from '../bind/support-files.js';
import type { SpecProblem } from '../core/errors.js';
import { projectFiles } from '../debt/ack-files.js';
import { oracleChanges } from '../debt/locked.js';
import type { RunOptions } from '../run/options.js';
import type { Prepared } from './stages.js';

/**
 * verify --locked: every spec and step-definition file that differs from the ack, as failures
 * (SPEC_ORACLE_CHANGED, exit 1); no ack is bad input (SPEC_NO_ACK, exit 2). The whole suite's
 * specs are compared, not only the ones this run selected: a locked run vouches for the oracle.
 */
export async function lockedProblems(root: string, prepared: Prepared, options: Pick<RunOptions, 'locked' | 'runKind'>): Promise<SpecProblem[]> {
  // spec.config's locked binds every verify and hook; watch is the person's own editing loop.
  if (!options.locked && !(prepared.config.locked && options.runKind !== 'watch')) return [];
  const files = await projectFiles(root, prepared.run.values.specs.value, supportGlobsOf(prepared.config, prepared.overlay));
  return oracleChanges(root, files);
}
