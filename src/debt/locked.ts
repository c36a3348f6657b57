import type { SpecProblem } from '../core/errors.js';
import { ackedLocked, configMoves, configRecord, type ConfigMove, type ConfigSeen } from './ack-config.js';
import { hashText, readAll, type ProjectFiles } from './ack-files.js';
import { ACK_FILE, loadAck, type Ack } from './ack-store.js';

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
 * ack, and per config file whose text or keys changed, naming it. Only hashes are compared (no
 * diff): this runs on every locked verify. An agent may change the code, never the oracle that judges it.
 */
export async function oracleChanges(root: string, files: ProjectFiles, seen?: ConfigSeen): Promise<SpecProblem[]> {
  return (await lockedOracle(root, async () => files, seen, true)).problems;
}

export interface LockedOutcome {
  problems: SpecProblem[];
  /** Said beside a pass: what the ack could not vouch for (an ack older than config records). */
  warnings: SpecProblem[];
}

/**
 * The locked check of one run. `bound`: the run was asked to be locked (--locked, or spec.config's
 * locked); when it was not, it still is if the ack was taken with `locked: true` (dropping the key
 * is itself a change to the oracle), and otherwise nothing is checked.
 */
export async function lockedOracle(root: string, files: () => Promise<ProjectFiles>, seen: ConfigSeen | undefined, bound: boolean): Promise<LockedOutcome> {
  let ack: Ack | undefined;
  try {
    ack = await loadAck(root);
  } catch (error) {
    return { problems: bound ? [noAckProblem((error as Error).message.split('\n')[0])] : [], warnings: [] };
  }
  if (!ack) return { problems: bound ? [noAckProblem()] : [], warnings: [] };
  if (!bound && !ackedLocked(ack.config)) return { problems: [], warnings: [] };
  const moved = await movesSince(ack, root, await files(), seen);
  const because = bound ? '' : ' (the ack was taken with locked: true, which holds until the next spec ack)';
  const problems = [...moved.moves.map(({ file, change }) => changedProblem(file, change, moved.at)), ...(moved.config ?? []).map((m) => configProblem(m, moved.at, because))];
  const unacked = seen && !moved.config ? Object.keys(await configRecord(root, seen)) : [];
  return { problems, warnings: unacked.length ? [unackedConfigWarning(ack.at, unacked)] : [] };
}

export type OracleChange = 'added' | 'changed' | 'removed';
export interface OracleMove {
  file: string;
  kind: 'spec' | 'step';
  change: OracleChange;
}

export interface OracleMoves {
  at: string;
  moves: OracleMove[];
  /** Config files moved since the ack; undefined when the ack holds no config record (an older spec wrote it) or no config was given. */
  config?: ConfigMove[] | undefined;
}

/**
 * Each spec and step-definition file added, changed or removed since the ack, sorted by file (and,
 * given the config the run resolved, each config file); undefined when there is no ack. Throws
 * when ack.json cannot be read.
 */
export async function oracleMoves(root: string, files: ProjectFiles, seen?: ConfigSeen): Promise<OracleMoves | undefined> {
  const ack = await loadAck(root);
  return ack && movesSince(ack, root, files, seen);
}

async function movesSince(ack: Ack, root: string, files: ProjectFiles, seen: ConfigSeen | undefined): Promise<OracleMoves> {
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
  const config = seen && ack.config ? configMoves(ack.config, await configRecord(root, seen)) : undefined;
  return { at: ack.at, moves: moves.sort((a, b) => a.file.localeCompare(b.file)), ...(config ? { config } : {}) };
}

function configProblem(move: ConfigMove, at: string, because: string): SpecProblem {
  const keys = move.keys.length ? `: ${move.keys.join(', ')}` : move.change === 'changed' ? ' (its text; no key the run reads differs)' : '';
  return {
    code: 'SPEC_ORACLE_CHANGED',
    message: `config ${move.file} ${move.change === 'changed' ? 'changed' : `was ${move.change}`} since the ack (${at})${keys}${because}: the config decides what is checked, and --locked lets the code change, never the oracle that judges it`,
    location: { file: move.file, line: 1 },
    hint: 'undo the change, or have a person review it (spec review) and run spec ack',
  };
}

function unackedConfigWarning(at: string, files: string[]): SpecProblem {
  return {
    code: 'SPEC_ACK_NO_CONFIG',
    message: `the ack (${at}) was written before spec ack recorded the config, so ${files.join(' and ')} ${files.length === 1 ? 'is' : 'are'} not part of the reviewed baseline: --locked cannot tell whether ${files.length === 1 ? 'it' : 'they'} narrowed what is checked`,
    hint: 'have a person review the config, then run spec ack to record it',
  };
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
