import { readdirSync } from 'node:fs';
import path from 'node:path';

const GLOB_SPECIAL = /[*?[\]{}()!+@,\\]/;
/** cucumber's `file:line` filter, which it strips before globbing. */
const LINE_FILTER = /:\d+$/;

/**
 * cucumber globs every path it is given, one glob per path (≈ 0.35 ms each). Where a folder's files
 * of one extension are all selected, `folder/*.ext` selects exactly the same files in one glob.
 * Paths with :line filters, dotfiles and names glob would misread stay as they are.
 */
export function compactPaths(paths: string[], listDir: (dir: string) => string[] = safeReaddir): string[] {
  const groupOf = (file: string): string | undefined => {
    const ext = path.extname(file);
    if (LINE_FILTER.test(file) || path.basename(file).startsWith('.') || !ext || GLOB_SPECIAL.test(file)) return undefined;
    return `${path.dirname(file)}/*${ext}`;
  };
  const groups = new Map<string, string[]>();
  for (const file of paths) {
    const group = groupOf(file);
    if (group) groups.set(group, [...(groups.get(group) ?? []), file]);
  }
  const exact = new Set([...groups].filter(([group, files]) => isWholeFolder(group, files, listDir)).map(([group]) => group));
  const out: string[] = [];
  const emitted = new Set<string>();
  for (const file of paths) {
    const group = groupOf(file);
    if (!group || !exact.has(group)) out.push(file);
    else if (!emitted.has(group)) {
      emitted.add(group);
      out.push(group);
    }
  }
  return out;
}

function isWholeFolder(group: string, files: string[], listDir: (dir: string) => string[]): boolean {
  if (files.length < 2) return false;
  const ext = group.slice(group.lastIndexOf('*') + 1);
  const selected = new Set(files.map((f) => path.basename(f)));
  const onDisk = listDir(path.dirname(group)).filter((name) => !name.startsWith('.') && name.endsWith(ext));
  return onDisk.length === selected.size && onDisk.every((name) => selected.has(name));
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  } catch {
    return [];
  }
}

/** The files behind compactPaths' output: its folder globs expanded back (other paths as they are). */
export function expandCompacted(paths: string[], listDir: (dir: string) => string[] = safeReaddir): string[] {
  return paths.flatMap((p) => {
    const star = p.lastIndexOf('/*');
    if (star < 0 || p.indexOf('*') !== star + 1) return [p];
    const dir = p.slice(0, star);
    const ext = p.slice(star + 2);
    return listDir(dir).filter((name) => !name.startsWith('.') && name.endsWith(ext)).map((name) => path.join(dir, name));
  });
}

/**
 * The feature paths to give cucumber's loadSupport. It globs them only to find the support files
 * beside the features when no support path is named; otherwise its default, every
 * `features/**\/*.{feature,feature.md}`, walks all of a project's specs on every load for nothing.
 * One named support file stands in (a literal path: one lstat). With none named, or none to stand
 * in, the default stays: then it decides what loads.
 */
export function supportLoadSources(support: { requirePaths: string[]; importPaths: string[] }, files: readonly string[]): string[] {
  const named = support.requirePaths.length > 0 || support.importPaths.length > 0;
  const literal = files.find((file) => !GLOB_SPECIAL.test(file) && !LINE_FILTER.test(file));
  return named && literal !== undefined ? [literal] : [];
}
