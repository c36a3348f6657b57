import { existsSync } from 'node:fs';
import path from 'node:path';
import { supportGlobsOf } from '../bind/support-files.js';
import { projectFiles } from '../debt/ack-files.js';
import { ACK_FILE } from '../debt/ack-store.js';
import { lockedOracle, type LockedOutcome } from '../debt/locked.js';
import type { RunOptions } from '../run/options.js';
import type { Prepared } from './stages.js';

/**
 * verify --locked: every spec, step-definition and config file that differs from the ack, as
 * failures (SPEC_ORACLE_CHANGED, exit 1); no ack is bad input (SPEC_NO_ACK, exit 2). The whole
 * suite's specs are compared, not only the ones this run selected: a locked run vouches for the oracle.
 * An ack taken with `locked: true` locks every verify until the next ack, whatever the config says now.
 */
export async function lockedCheck(root: string, prepared: Prepared, options: Pick<RunOptions, 'locked' | 'runKind'>): Promise<LockedOutcome> {
  // spec.config's locked binds every verify and hook; watch is the person's own editing loop.
  const bound = Boolean(options.locked || (prepared.config.locked && options.runKind !== 'watch'));
  if (!bound && (options.runKind === 'watch' || !existsSync(path.join(root, ACK_FILE)))) return { problems: [], warnings: [] };
  const files = () => projectFiles(root, prepared.run.values.specs.value, supportGlobsOf(prepared.config, prepared.overlay));
  return lockedOracle(root, files, { config: prepared.config, cucumberConfig: prepared.run.cucumberConfig, overlay: prepared.overlay }, bound);
}
