/**
 * What an agent's hooks say about the oracle once a person has reviewed it (`spec ack`): a spec
 * removed since then checks nothing any more, so a green suite without it proves nothing and the
 * agent must not stop on it; a spec or step file changed is the person's to review. Specs added
 * are ordinary work and go unmentioned.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { locateProject } from '../config/project-root.js';
import type { SpecEnvironment } from '../core/env.js';
import { nameFew } from '../core/name-few.js';
import type { Verdict } from '../report/verdict.js';
import { describeConfigMove } from '../debt/ack-config.js';
import { ACK_FILE } from '../debt/ack-store.js';
import { oracleMoves } from '../debt/locked.js';
import { filesOf } from './ack.js';

export interface OracleSinceAck {
  at: string;
  /** Specs in the ack that are gone: the agent is sent back until they are restored or acked. */
  removedSpecs: string[];
  /** Specs changed, step files changed or removed, and config files moved (with their keys): told to the person. */
  changed: string[];
}

/** undefined when nothing was acked, nothing moved that matters, or the project cannot be read (verify reports that). */
export async function oracleSinceAck(env: SpecEnvironment): Promise<OracleSinceAck | undefined> {
  try {
    const root = locateProject(env.cwd).root;
    if (!existsSync(path.join(root, ACK_FILE))) return undefined;
    const { files, seen } = await filesOf(root, {}, env);
    const moved = await oracleMoves(root, files, seen);
    if (!moved) return undefined;
    const removedSpecs = moved.moves.filter((m) => m.kind === 'spec' && m.change === 'removed').map((m) => m.file);
    // A config file added since the ack is a change too: it can narrow what runs as much as an edit.
    const config = (moved.config ?? []).map(describeConfigMove);
    const changed = [...moved.moves.filter((m) => m.change !== 'added' && !removedSpecs.includes(m.file)).map((m) => m.file), ...config];
    return removedSpecs.length || changed.length ? { at: moved.at, removedSpecs, changed } : undefined;
  } catch {
    return undefined;
  }
}

/** For the agent: why it may not stop, and the two ways out. */
export function removedSpecsMessage(moved: OracleSinceAck): string {
  const one = moved.removedSpecs.length === 1;
  return `specloop: ${one ? 'the spec' : 'the specs'} ${nameFew(moved.removedSpecs, 20)} ${one ? 'was' : 'were'} removed since the last spec ack (${moved.at}): a removed spec checks nothing, so the suite passing without ${one ? 'it' : 'them'} does not mean the work is done. Restore ${one ? 'it' : 'them'} (git checkout, or the reviewed text under .spec/ack/) and make the code pass; removing a spec is a person's decision (spec review, then spec ack).`;
}

/** For the person: what moved under the agent, what the suite said against it, and how to look at it. */
export function changedOracleMessage(moved: OracleSinceAck, exitCode: number): string {
  const outcome = exitCode === 0 ? 'the suite passes against' : exitCode === 1 ? 'the suite fails against' : 'spec could not check the suite against';
  return `specloop: ${nameFew(moved.changed, 10)} changed since the last spec ack (${moved.at}); ${outcome} the changed specs, steps and config, not the reviewed ones. Review the change with spec review, and accept it with spec ack.`;
}

/** Of the files changed since the ack, the failing scenarios' specs and the step files their failing steps bound to. */
export function changedAndFailing(moved: OracleSinceAck | undefined, verdict: Verdict): string[] {
  if (!moved?.changed.length || verdict.exitCode !== 1) return [];
  const failing = new Set(verdict.failures.flatMap((f) => (f.location && !f.draft ? [f.location.file] : [])));
  for (const scenario of verdict.scenarios) if (scenario.status === 'failed') for (const step of scenario.steps) if (step.status === 'failed' && step.definition) failing.add(step.definition.file);
  return moved.changed.filter((file) => failing.has(file));
}

/** For the agent, instead of "fix the code": the expectation it fails was changed since the person reviewed it. */
export function changedFailingMessage(files: string[], moved: OracleSinceAck): string {
  const one = files.length === 1;
  return `${nameFew(files, 10)} changed since the last spec ack (${moved.at}): the failing expectation is not the reviewed one. If the person asked for this change, make the code meet it; if not, restore the reviewed text (spec review shows the change) rather than bend the code to ${one ? 'it' : 'them'}. A changed spec or step is the person's to accept (spec review, then spec ack).`;
}
