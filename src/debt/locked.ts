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
  let ack;
  try {
    ack = await loadAck(root);
  } catch (error) {
    return [noAckProblem((error as Error).message.split('\n')[0])];
  }
  if (!ack) return [noAckProblem()];
  const oracle = [...files.specs, ...files.steps];
  const texts = await readAll(root, oracle);
  const acked = Object.entries(ack.files).filter(([, entry]) => entry.kind !== 'source');
  const problems: SpecProblem[] = [];
  for (const file of oracle) {
    const text = texts.get(file);
    const then = ack.files[file];
    if (text === undefined || (then && then.kind !== 'source' && then.hash === hashText(text))) continue;
    problems.push(changedProblem(file, then && then.kind !== 'source' ? 'changed' : 'added', ack.at));
  }
  const present = new Set(oracle.filter((f) => texts.has(f)));
  for (const [file] of acked) if (!present.has(file)) problems.push(changedProblem(file, 'removed', ack.at));
  return problems.sort((a, b) => a.location!.file.localeCompare(b.location!.file));
}

function changedProblem(file: string, change: 'added' | 'changed' | 'removed', at: string): SpecProblem {
  const what = file.match(/\.(?:feature|md)$/) ? 'spec' : 'step-definition file';
  return {
    code: 'SPEC_ORACLE_CHANGED',
    message: `${what} ${file} ${change === 'changed' ? 'changed' : `was ${change}`} since the ack (${at}): --locked lets the code change, never the oracle that judges it`,
    location: { file, line: 1 },
    hint: 'undo the change, or have a person review it (spec review) and run spec ack',
  };
}
