/**
 * The build folders a suite loads code from. A watcher leaves build output out (it is rewritten
 * wholesale and is not what an author edits), except these: when steps import `../../dist/x.js` or
 * a linked package's entry is its dist/, a rebuild is the edit that puts new code under test.
 */
import path from 'node:path';
import { linkedPackages } from '../core/linked-packages.js';
import { readTextIfExists } from '../core/fs.js';
import { BUILD_DIR } from './build-output.js';
import type { ImportGraph } from './graph.js';

const ENTRY_FIELDS = ['main', 'module', 'exports'] as const;

/** Absolute build folders: those a project file's relative import runs through, and linked packages' that their entries point into. */
export function loadedBuildFolders(root: string, graph: ImportGraph | undefined): string[] {
  const folders = new Set<string>();
  for (const file of graph?.files() ?? []) {
    for (const record of graph!.importsOf(file)) {
      if (!record.specifier.startsWith('.')) continue;
      const folder = buildFolderOf(path.resolve(path.dirname(file), record.specifier));
      if (folder) folders.add(folder);
    }
  }
  for (const pkg of linkedPackages(root)) for (const name of entryBuildFolders(pkg.dir)) folders.add(path.join(pkg.dir, name));
  return [...folders];
}

/** Whether `file` lies in one of `folders` and not in a dependency or dot-folder inside it. */
export function inBuildFolders(folders: readonly string[], file: string): boolean {
  return folders.some((folder) => {
    const rel = path.relative(folder, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).some((p) => p === 'node_modules' || p.startsWith('.'));
  });
}

/** The innermost build folder an absolute path lies in (`/p/dist/a/b.js` → `/p/dist`). */
export function buildFolderOf(file: string): string | undefined {
  const posix = file.split(path.sep).join('/');
  const match = [...posix.matchAll(new RegExp(BUILD_DIR.source, 'g'))].at(-1);
  if (!match) return undefined;
  return posix.slice(0, match.index + match[0].length - 1).split('/').join(path.sep);
}

/** Build folder names a package.json's main/module/exports point into (`dist`, `build`, `out`). */
export function entryBuildFolders(dir: string): string[] {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readTextIfExists(path.join(dir, 'package.json')) ?? '{}') as Record<string, unknown>;
  } catch {
    return [];
  }
  const entries = ENTRY_FIELDS.map((k) => JSON.stringify(json[k] ?? '')).join(' ');
  return [...new Set([...entries.matchAll(/(?:^|["/])(?:\.\/)?(dist|build|out)\//g)].map((m) => m[1]!))];
}
