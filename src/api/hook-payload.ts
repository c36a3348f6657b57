/**
 * Reading the files an agent's edit wrote from its hook payload, as paths in the project. Each
 * agent names them its own way: Claude Code's Write/Edit/MultiEdit `tool_input.file_path`
 * (NotebookEdit `notebook_path`), Cursor's afterFileEdit a top-level `file_path`, and Codex's
 * apply_patch none at all: its `tool_input.command` is the patch, whose headers name each file.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { linkedPackageOf } from '../core/linked-packages.js';
import { workTreeOf } from '../core/work-tree.js';
import { isCode, isIgnored } from '../impact/project-files.js';

/** What the payload says was edited: undefined when it names nothing (the hook then asks git). */
export interface EditedFiles {
  /** Project-relative paths of the edited files inside the project (or a linked package: `../core/x.ts`) and not in its own folders. */
  inside: string[];
  /** How many files the payload named at all, inside the project or not. */
  named: number;
}

export function editedFiles(payload: Record<string, unknown>, root: string): EditedFiles | undefined {
  const named = namedFiles(payload);
  if (!named.length) return undefined;
  // A relative path is the agent's, from where it stands (the payload's cwd), which may be a subfolder.
  const from = typeof payload.cwd === 'string' && path.isAbsolute(payload.cwd) ? payload.cwd : root;
  const inside = named.map((file) => projectFile(root, path.resolve(from, file))).filter((rel): rel is string => rel !== undefined && !ignoredHere(rel));
  return { inside: [...new Set(inside)], named: named.length };
}

function namedFiles(payload: Record<string, unknown>): string[] {
  const input = payload.tool_input as Record<string, unknown> | undefined;
  const file = input?.file_path ?? input?.notebook_path ?? payload.file_path;
  if (typeof file === 'string' && file !== '') return [file];
  return typeof input?.command === 'string' ? patchFiles(input.command) : [];
}

/**
 * The files a Codex patch adds, updates, deletes or moves to. Codex reads a header with its
 * surrounding whitespace trimmed, so an indented header counts too.
 */
export function patchFiles(patch: string): string[] {
  const files: string[] = [];
  for (const line of patch.split(/\r?\n/)) {
    const header = /^\s*\*\*\* (?:(?:Add|Update|Delete) File|Move to): (.+?)\s*$/.exec(line);
    if (header) files.push(header[1]!);
  }
  return files;
}

/**
 * The file relative to the project, also when one of the two paths goes through a symlink; a linked
 * package's file (a workspace sibling the project imports) or a code file elsewhere in the work tree
 * as `../core/src/x.ts`; undefined elsewhere.
 */
function projectFile(root: string, file: string): string | undefined {
  const inside = (from: string, to: string) => {
    const rel = path.relative(from, path.resolve(from, to));
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
  };
  const real = realpathOr(path.resolve(root, file));
  const own = inside(root, file) ?? inside(realpathOr(root), real);
  if (own !== undefined) return own;
  if (!linkedPackageOf(root, real) && !outsideCode(root, real)) return undefined;
  return path.relative(realpathOr(root), real).split(path.sep).join('/');
}

/** A code file elsewhere in the project's git work tree (../../src/x.ts): the suite may import it, and the graph decides. */
function outsideCode(root: string, file: string): boolean {
  const top = workTreeOf(realpathOr(root));
  if (top === undefined || !isCode(file) || isIgnored(top, file)) return false;
  const rel = path.relative(top, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function ignoredHere(rel: string): boolean {
  return /(^|\/)(node_modules|\.spec|\.git)(\/|$)/.test(rel);
}
