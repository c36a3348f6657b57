/**
 * What an agent's hooks say about the oracle once a person has reviewed it (`spec ack`): a spec
 * removed since then checks nothing any more, nor does a scenario the run now leaves out (tagged
 * out, deleted), and one marked `status: draft` since then no longer blocks, so a green suite
 * without them proves nothing and the agent must not stop on it; a spec or step file changed is
 * the person's to review. Specs added are ordinary work and go unmentioned.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { locateProject } from '../config/project-root.js';
import type { SpecEnvironment } from '../core/env.js';
import { nameFew } from '../core/name-few.js';
import type { Verdict } from '../report/verdict.js';
import { configRecord, describeConfigMove, type ConfigSeen } from '../debt/ack-config.js';
import { ACK_FILE, ackedText, loadAck } from '../debt/ack-store.js';
import { parseFrontMatter } from '../spec/front-matter.js';
import { oracleMoves, type OracleMove } from '../debt/locked.js';
import { filesOf } from './ack.js';
import { leftOutSince, type LeftOutScenario } from './hook-left-out.js';

export interface OracleSinceAck {
  at: string;
  /** Specs in the ack that are gone: the agent is sent back until they are restored or acked. */
  removedSpecs: string[];
  /** Acked specs marked `status: draft` since: their failures no longer block, so they are sent back as removed ones are. */
  draftedSpecs: string[];
  /** Scenarios the acked specs ran that the run now leaves out (tagged out, deleted): sent back as removed specs are. */
  leftOut: LeftOutScenario[];
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
    const draftedSpecs = await draftedSince(root, moved.moves.filter((m) => m.kind === 'spec' && m.change === 'changed').map((m) => m.file));
    const withdrawn = new Set([...removedSpecs, ...draftedSpecs]);
    const leftOut = await scenariosLeftOut(root, files.specs, moved.moves, withdrawn, seen);
    const changed = [...moved.moves.filter((m) => m.change !== 'added' && !withdrawn.has(m.file)).map((m) => m.file), ...config];
    return withdrawn.size || leftOut.length || changed.length ? { at: moved.at, removedSpecs, draftedSpecs, leftOut, changed } : undefined;
  } catch {
    return undefined;
  }
}

/** Only when a spec changed or a config file moved: an unchanged oracle leaves nothing out. */
async function scenariosLeftOut(root: string, specs: string[], moves: OracleMove[], withdrawn: Set<string>, seen: ConfigSeen): Promise<LeftOutScenario[]> {
  const ack = await loadAck(root);
  if (!ack) return [];
  const changedSpecs = moves.filter((m) => m.kind === 'spec' && m.change === 'changed' && !withdrawn.has(m.file)).map((m) => m.file);
  const present = new Set(specs.filter((file) => !withdrawn.has(file)));
  return leftOutSince(root, ack, changedSpecs, present, await configRecord(root, seen));
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function isDraft(text: string, file: string): boolean {
  const yaml = FRONT_MATTER.exec(text)?.[1];
  return yaml !== undefined && parseFrontMatter(yaml, 2, file).frontMatter.status === 'draft';
}

/** Markdown documents that say `status: draft` now while their reviewed text did not. */
async function draftedSince(root: string, specs: string[]): Promise<string[]> {
  const documents = specs.filter((file) => file.endsWith('.md') && !file.endsWith('.feature.md'));
  if (documents.length === 0) return [];
  const ack = await loadAck(root);
  const drafted: string[] = [];
  for (const file of documents) {
    const then = ack?.files[file];
    const before = then ? await ackedText(root, then.hash) : undefined;
    const now = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (before !== undefined && now !== undefined && isDraft(now, file) && !isDraft(before, file)) drafted.push(file);
  }
  return drafted;
}

export function hasWithdrawn(moved: OracleSinceAck | undefined): moved is OracleSinceAck {
  return Boolean(moved && (moved.removedSpecs.length || moved.draftedSpecs.length || moved.leftOut.length));
}

/** For the agent: why it may not stop, and the two ways out. */
export function removedSpecsMessage(moved: OracleSinceAck): string {
  return [removedLine(moved), draftedLine(moved), leftOutLine(moved)].filter(Boolean).join('\n');
}

function removedLine(moved: OracleSinceAck): string {
  if (!moved.removedSpecs.length) return '';
  const one = moved.removedSpecs.length === 1;
  return `specloop: ${one ? 'the spec' : 'the specs'} ${nameFew(moved.removedSpecs, 20)} ${one ? 'was' : 'were'} removed since the last spec ack (${moved.at}): a removed spec checks nothing, so the suite passing without ${one ? 'it' : 'them'} does not mean the work is done. Restore ${one ? 'it' : 'them'} (git checkout, or the reviewed text under .spec/ack/) and make the code pass; removing a spec is a person's decision (spec review, then spec ack).`;
}

function draftedLine(moved: OracleSinceAck): string {
  if (!moved.draftedSpecs.length) return '';
  const one = moved.draftedSpecs.length === 1;
  return `specloop: ${one ? 'the spec' : 'the specs'} ${nameFew(moved.draftedSpecs, 20)} ${one ? 'was' : 'were'} marked a draft since the last spec ack (${moved.at}) (status: draft): a draft's failures do not block, so the suite passing does not mean the work is done. Restore the reviewed status (git checkout, or the reviewed text under .spec/ack/) and make the code pass; making a spec a draft is a person's decision (spec review, then spec ack).`;
}

function leftOutLine(moved: OracleSinceAck): string {
  if (!moved.leftOut.length) return '';
  const one = moved.leftOut.length === 1 && (moved.leftOut[0]!.outline?.examples ?? 1) === 1;
  const named = nameFew(moved.leftOut.map((s) => `${s.outline ? `${s.outline.keyword} "${s.name}" (${s.outline.examples} ${s.outline.examples === 1 ? 'example' : 'examples'})` : `"${s.name}"`} (${s.file}: ${s.why})`), 10);
  return `specloop: ${one ? 'the scenario' : 'the scenarios'} ${named} ran at the last spec ack (${moved.at}) and ${one ? 'is' : 'are'} left out since the last spec ack: a scenario left out checks nothing, so the suite passing without ${one ? 'it' : 'them'} does not mean the work is done. Bring ${one ? 'it' : 'them'} back (remove the tag or the narrowed filter, or restore the reviewed text under .spec/ack/) and make the code pass; leaving a scenario out is a person's decision (spec review, then spec ack).`;
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
