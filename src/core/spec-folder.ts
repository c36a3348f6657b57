/**
 * specloop keeps every record it writes in the project's `.spec/` folder: compiled specs, the run
 * history, the scenario map, the ack. When that folder is a file, or a record's place is taken by
 * a folder, each write would fail deep inside a run (a stack trace) or be dropped without a word
 * (history a debt figure then lacks), so every command looks once, before it starts.
 */
import { accessSync, constants, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { SpecProblem } from './errors.js';

const FOLDER = '.spec';
/** The folders specloop keeps inside `.spec/`; every other record there is a `.json`/`.jsonl` file. */
const SUBFOLDERS = ['compiled', 'ack'];

/** What keeps specloop from writing its records under `root`, or undefined when nothing does. */
export function specFolderProblem(root: string): SpecProblem | undefined {
  const folder = path.join(root, FOLDER);
  const stats = statOf(folder);
  if (!stats) return undefined;
  if (!stats.isDirectory()) return problem(`${FOLDER} is a file, not a folder`, `move the file away (mv ${FOLDER} ${FOLDER}.bak), or delete it`);
  if (!writable(folder)) return problem(`${FOLDER}/ cannot be written`, `give your user write access to ${FOLDER}/ (chmod u+w ${FOLDER}), or delete it`);
  for (const entry of entries(folder)) {
    const wantsFolder = SUBFOLDERS.includes(entry.name);
    const isRecord = /\.jsonl?$/.test(entry.name);
    if (!wantsFolder && !isRecord) continue;
    const place = `${FOLDER}/${entry.name}`;
    const full = path.join(folder, entry.name);
    const isDir = statOf(full)?.isDirectory() ?? false;
    if (wantsFolder && !isDir) return problem(`${place} is a file, where specloop keeps a folder`, `move it away, or delete it (specloop makes it again)`);
    if (isRecord && isDir) return problem(`${place} is a folder, where specloop keeps a file`, `move it away, or delete it (specloop makes it again)`);
    if (!writable(full)) return problem(`${place} cannot be written`, `give your user write access to it (chmod u+w ${place}), or delete it`);
  }
  return undefined;
}

function problem(what: string, fix: string): SpecProblem {
  return {
    code: 'SPEC_DIR_UNUSABLE',
    message: `${what}; specloop keeps its records in .spec/ (compiled specs, run history, scenario map, the ack) and would lose them`,
    hint: fix,
  };
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function entries(folder: string): { name: string }[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
