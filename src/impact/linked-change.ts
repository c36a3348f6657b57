import path from 'node:path';
import type { ImportGraph } from './graph.js';
import type { ScenarioMap } from './scenario-map.js';

/**
 * A changed file outside the project folder (project-relative `../core/src/x.ts`: a linked package,
 * see core/linked-packages.ts, or code the suite reaches through `../` or tsconfig paths) that
 * neither the import graph nor any scenario's coverage places: its code may still run in the suite
 * (a build output, a computed import), so it selects every scenario.
 */
export function unplacedLinkedChange(changed: readonly string[], root: string, graph: ImportGraph | undefined, map: ScenarioMap): string | undefined {
  return changed.find((f) => f.startsWith('../') && !graph?.has(path.join(root, f)) && !map.scenarios.some((s) => s.covered?.includes(f)));
}
