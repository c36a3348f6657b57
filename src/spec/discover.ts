import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { SpecloopError } from '../core/errors.js';
import { relativePath } from '../core/env.js';
import { specKind } from './model.js';

const IGNORE = ['**/node_modules/**', '.spec/**', '**/.git/**'];

export interface SpecSelection {
  /** Project-relative spec files to compile. */
  files: string[];
  /** Line filters per file (from `file:line` arguments); absent means the whole file. */
  lines: Map<string, number[]>;
  /** True when the user named paths: the run is a subset. */
  filtered: boolean;
}

/**
 * Spec files from the configured globs, or from the paths the user named (dirs, files, file:line).
 * A configured file with line numbers (a cucumber profile's `a.feature:8`) runs only those lines
 * unless the user names paths, which replace the configured ones, as in cucumber.
 */
export async function discoverSpecs(root: string, globs: string[], paths: string[] = []): Promise<SpecSelection> {
  const configured = globs.map(splitLines);
  const all = (await glob(configured.map((g) => g.file), { cwd: root, ignore: IGNORE, dot: false })).sort();
  const escaped = all.find(isOutside);
  if (escaped !== undefined) throw outsideProject(`the spec globs (${globs.join(', ')}) reach ${escaped}, which`, 'keep "specs" (and the cucumber profile\'s paths) inside the project; run spec in the other project for its specs');
  if (paths.length === 0) {
    const files = all.filter((f) => specKind(f));
    return { files, lines: linesOf(root, configured, new Set(files)), filtered: false };
  }
  const files = new Set<string>();
  const lines = new Map<string, number[]>();
  for (const arg of paths) {
    const { file, lineNumbers } = splitLines(arg);
    const absolute = path.resolve(root, file);
    const rel = relativePath(root, absolute);
    // Checked before existence: a spec outside the project would compile and record maps for files that are not its own.
    if (isOutside(rel)) throw outsideProject(`"${arg}"`, 'name spec files or folders inside the project, or run spec in (or with --cwd) the project that spec belongs to');
    if (!existsSync(absolute)) throw pathNotFound(arg);
    if (statSync(absolute).isDirectory()) {
      const prefix = rel === '' ? '' : `${rel}/`;
      const inDir = all.filter((f) => f.startsWith(prefix));
      const extra = inDir.length ? [] : await glob(['**/*.feature', '**/*.feature.md', '**/*.md'], { cwd: absolute, ignore: IGNORE });
      for (const f of inDir) files.add(f);
      for (const f of extra) files.add(relativePath(root, path.join(absolute, f)));
      continue;
    }
    if (!specKind(rel)) {
      throw new SpecloopError({
        code: 'SPEC_USAGE',
        message: `${arg} is not a spec file`,
        hint: 'name .feature, .feature.md or .md files, or folders that hold them',
      });
    }
    files.add(rel);
    if (lineNumbers.length) lines.set(rel, [...(lines.get(rel) ?? []), ...lineNumbers]);
  }
  return { files: [...files].sort(), lines, filtered: true };
}

/** Line numbers per file named in the configured globs, for the files they found. */
function linesOf(root: string, configured: { file: string; lineNumbers: number[] }[], found: Set<string>): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  for (const { file, lineNumbers } of configured) {
    const rel = relativePath(root, path.resolve(root, file));
    if (lineNumbers.length && found.has(rel)) lines.set(rel, [...(lines.get(rel) ?? []), ...lineNumbers]);
  }
  return lines;
}

function splitLines(arg: string): { file: string; lineNumbers: number[] } {
  const match = /^(.*?)((?::\d+)+)$/.exec(arg);
  if (!match) return { file: arg, lineNumbers: [] };
  return { file: match[1]!, lineNumbers: match[2]!.slice(1).split(':').map(Number) };
}

/** A project-relative path that leaves the project (`..`, `../x`, or another drive). */
function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith('../') || path.isAbsolute(rel);
}

function outsideProject(what: string, hint: string): SpecloopError {
  return new SpecloopError({ code: 'SPEC_PATH_OUTSIDE_PROJECT', message: `${what} is outside the project`, hint });
}

function pathNotFound(arg: string): SpecloopError {
  return new SpecloopError({
    code: 'SPEC_PATH_NOT_FOUND',
    message: `${arg} does not exist`,
    hint: 'name an existing spec file or folder, relative to the folder you run spec from',
  });
}
