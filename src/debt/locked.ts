import type { SpecProblem } from '../core/errors.js';
import { hashText, readAll, type ProjectFiles } from './ack-files.js';
import { ACK_FILE, loadAck } from './ack-store.js';

/** What made the ack unusable for --locked; the problem says how to get one. */
export function noAckProblem(reason?: string): SpecProblem {
  return {
    code: 'SPEC_NO_ACK',
    message: reason ? `${ACK_FILE} cannot be read (${reason}), so there is no reviewed baseline to lock to` : `--locked compares the specs and steps with the reviewed baseline, and there is none yet (${ACK_FILE})`,
    hint: 'review the specs and steps, then run spec ack (spec review shows what changed since the last one)',
  };
}

/**
 * `--locked`: one problem per spec or step-definition file added, changed or removed since the
 * ack, naming it. Only hashes are compared (no diff): this runs on every locked verify. An agent
 * may change the code, never the oracle that judges it.
 */
export async function oracleChanges(root: string, files: ProjectFiles): Promise<SpecProblem[]> {
  let moved;
  try {
    moved = await oracleMoves(root, files);
  } catch (error) {
    return [noAckProblem((error as Error).message.split('\n')[0])];
  }
  if (!moved) return [noAckProblem()];
  return moved.moves.map(({ file, change }) => changedProblem(file, change, moved.at));
}

export type OracleChange = 'added' | 'changed' | 'removed';
export interface OracleMove {
  file: string;
  kind: 'spec' | 'step';
  change: OracleChange;
}

/**
 * Each spec and step-definition file added, changed or removed since the ack, sorted by file;
 * undefined when there is no ack. Throws when ack.json cannot be read.
 */
export async function oracleMoves(root: string, files: ProjectFiles): Promise<{ at: string; moves: OracleMove[] } | undefined> {
  const ack = await loadAck(root);
  if (!ack) return undefined;
  const oracle = [...files.specs, ...files.steps];
  const specs = new Set(files.specs);
  const texts = await readAll(root, oracle);
  const moves: OracleMove[] = [];
  for (const file of oracle) {
    const text = texts.get(file);
    const then = ack.files[file];
    if (text === undefined || (then && then.kind !== 'source' && then.hash === hashText(text))) continue;
    moves.push({ file, kind: specs.has(file) ? 'spec' : 'step', change: then && then.kind !== 'source' ? 'changed' : 'added' });
  }
  const present = new Set(oracle.filter((f) => texts.has(f)));
  for (const [file, entry] of Object.entries(ack.files)) {
    if (entry.kind !== 'source' && !present.has(file)) moves.push({ file, kind: entry.kind, change: 'removed' });
  }
  return { at: ack.at, moves: moves.sort((a, b) => a.file.localeCompare(b.file)) };
}

function changedProblem(file: string, change: OracleChange, at: string): SpecProblem {
  const what = file.match(/\.(?:feature|md)$/) ? 'spec' : 'step-definition file';
  return {
    code: 'SPEC_ORACLE_CHANGED',
    message: `${what} ${file} ${change === 'changed' ? 'changed' : `was ${change}`} since the ack (${at}): --locked lets the code change, never the oracle that judges it`,
    location: { file, line: 1 },
    hint: 'undo the change, or have a person review it (spec review) and run spec ack',
  };
}
