import { createRequire } from 'node:module';
import path from 'node:path';

type Cache = Record<string, NodeModule | undefined>;

const cache = (createRequire(import.meta.url) as NodeJS.Require).cache as Cache;

/**
 * Drops edited modules, everything that (transitively) required them, and the given support files
 * from the CommonJS module cache, so the next require re-evaluates them with the new code while every
 * untouched module stays loaded. Modules under node_modules are never dropped.
 */
export function purgeModules(changed: string[], alwaysPurge: string[], root: string, linked: readonly string[] = []): number {
  const importers = reverseEdges();
  const doomed = new Set<string>();
  const roots = [root, ...linked];
  const visit = (id: string) => {
    if (doomed.has(id) || id.includes(`${path.sep}node_modules${path.sep}`) || !roots.some((r) => id.startsWith(r))) return;
    doomed.add(id);
    for (const parent of importers.get(id) ?? []) visit(parent);
  };
  for (const file of [...changed, ...alwaysPurge]) visit(path.resolve(file));
  for (const id of doomed) {
    const mod = cache[id];
    if (!mod) continue;
    delete cache[id];
    // Let the parents forget it too, or old module objects pile up across runs.
    for (const parent of importers.get(id) ?? []) {
      const p = cache[parent];
      if (p) p.children = p.children.filter((child) => child !== mod);
    }
  }
  return doomed.size;
}

function reverseEdges(): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  for (const [id, mod] of Object.entries(cache)) {
    for (const child of mod?.children ?? []) {
      const list = importers.get(child.id) ?? [];
      list.push(id);
      importers.set(child.id, list);
    }
  }
  return importers;
}
