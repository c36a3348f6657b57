import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { SpecloopError } from '../core/errors.js';
import { linkedPackageOf } from '../core/linked-packages.js';
import { isBuildOutput } from './build-output.js';
import { isCode, isIgnored } from './project-files.js';

const TIMEOUT_MS = 10_000;

function git(root: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // No shell: file names and refs are never interpreted.
    execFile('git', ['-C', root, ...args], { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr: String(stderr) }));
      else resolve(String(stdout));
    });
  });
}

/**
 * Files changed in the working tree (staged, unstaged and untracked), or since `since` (a commit,
 * branch or tag) plus untracked ones. Project-relative, forward slashes, sorted; files of a linked
 * package (core/linked-packages.ts) and code files elsewhere in the work tree are kept, as
 * `../core/src/x.ts`; the rest of the work tree is not.
 */
export async function changedFiles(root: string, since?: string): Promise<string[]> {
  if (since?.startsWith('-')) {
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `--since takes a commit, branch or tag, not "${since}"`, hint: 'e.g. --since main' });
  }
  let top: string;
  // Independent questions go to git at once: each spawn costs tens of ms on a busy machine.
  const committed = since === undefined ? hasCommits(root) : Promise.resolve(true);
  // From the work tree's top (`:/`): a linked workspace package's new file is outside the project folder.
  const untrackedFiles = git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ':/']);
  untrackedFiles.catch(() => undefined);
  try {
    top = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    throw new SpecloopError({
      code: 'SPEC_NO_GIT',
      message: `--changed needs a git repository: ${firstLine(error)}`,
      hint: 'run spec verify without --changed, or inside a git work tree',
    });
  }
  const base = since ?? 'HEAD';
  let diff: string;
  if (!(await committed)) {
    // A repository without commits yet: every staged file is new.
    diff = await git(root, ['ls-files', '-z', '--cached', '--full-name']);
  } else {
    try {
      diff = await git(root, ['diff', '--name-only', '-z', '--no-renames', '--end-of-options', base, '--']);
    } catch (error) {
      throw new SpecloopError({ code: 'SPEC_GIT_REVISION', message: `git cannot compare with "${base}": ${firstLine(error)}`, hint: 'name a commit, branch or tag that exists (e.g. --since main)' });
    }
  }
  const untracked = await untrackedFiles;
  // git speaks real paths: compare with the root's real path, or a symlinked root loses every file.
  const realRoot = realpathSync(root);
  const fromTop = diff.split('\0').filter(Boolean).map((f) => path.join(top, f));
  const fromUntracked = untracked.split('\0').filter(Boolean).map((f) => path.join(top, f));
  // Outside the project a linked package's files count (its code is the suite's code under test), and
  // any other code file of the work tree: the suite may import it through `../` or tsconfig paths, and
  // the import graph decides (one it cannot place selects every scenario). As `../core/src/x.ts`.
  const kept = [...fromTop, ...fromUntracked].filter((f) => !path.relative(realRoot, f).startsWith('..') || inLinkedPackage(realRoot, f) || outsideCode(top, f));
  const rel = kept.map((f) => path.relative(realRoot, f).split(path.sep).join('/'));
  return [...new Set(rel)].sort();
}

/** A linked package's own file: not its dependencies or dot-folders (its .spec/), as for the project's own; its build output is what Node loads. */
function inLinkedPackage(root: string, file: string): boolean {
  const pkg = linkedPackageOf(root, file);
  return pkg !== undefined && (!isIgnored(pkg.dir, file) || isBuildOutput(path.relative(pkg.dir, file)));
}

/** A code file elsewhere in the work tree, not in its dependencies, build output or dot-folders. */
function outsideCode(top: string, file: string): boolean {
  return isCode(file) && !isIgnored(top, file);
}

async function hasCommits(root: string): Promise<boolean> {
  try {
    await git(root, ['rev-parse', '--verify', '-q', 'HEAD']);
    return true;
  } catch {
    return false;
  }
}

function firstLine(error: unknown): string {
  const e = error as { stderr?: string; message?: string; code?: string };
  if (e.code === 'ENOENT') return 'git is not installed';
  return (e.stderr || e.message || String(error)).trim().split('\n')[0] ?? '';
}
