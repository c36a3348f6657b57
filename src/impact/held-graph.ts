import { statSync } from 'node:fs';
import path from 'node:path';
import { saveGraph } from './cache.js';
import type { ImportGraph } from './graph.js';

/**
 * Import graphs a long-lived process keeps between `--changed` selections (the MCP server), by
 * project root. Reloading from the disk cache globs the project and re-reads the cache on every
 * call (≈ 100–250 ms for 1,000 modules under load); a held graph is re-checked instead: every file
 * it knows is stat'ed and the ones whose mtime or size moved (or that are gone) are re-read, and
 * the changed files git reports (new ones among them) are read too. Nothing holds a graph unless a
 * front end asked to, so a CLI run always reads the disk cache.
 */
const held = new Map<string, { graph: ImportGraph | undefined }>();

export function holdGraph(root: string): void {
  if (!held.has(path.resolve(root))) held.set(path.resolve(root), { graph: undefined });
}

/** Forgets the held graph (a config file changed: tsconfig paths may resolve differently); the next selection reloads it. */
export function dropHeldGraph(root: string): void {
  const slot = held.get(path.resolve(root));
  if (slot) slot.graph = undefined;
}

/** Stops holding, writing the graph to the disk cache for the next process. */
export async function releaseGraph(root: string): Promise<void> {
  const slot = held.get(path.resolve(root));
  held.delete(path.resolve(root));
  if (slot?.graph) await saveGraph(slot.graph).catch(() => undefined);
}

export function isHeld(root: string): boolean {
  return held.has(path.resolve(root));
}

/** The held graph brought up to date with the disk (undefined when none is held yet). */
export function heldGraph(root: string, changed: string[]): ImportGraph | undefined {
  const graph = held.get(path.resolve(root))?.graph;
  if (!graph) return undefined;
  for (const entry of graph.modules()) {
    const stat = statOrUndefined(entry.path);
    if (!stat || stat.mtimeMs !== entry.mtimeMs || stat.size !== entry.size) graph.update(entry.path);
  }
  for (const file of changed) if (!graph.has(path.resolve(root, file))) graph.update(path.resolve(root, file));
  return graph;
}

export function keepGraph(root: string, graph: ImportGraph): void {
  const slot = held.get(path.resolve(root));
  if (slot) slot.graph = graph;
}

function statOrUndefined(file: string): { mtimeMs: number; size: number } | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
