/**
 * An edited source whose build the suite loads, and that build older than the edit: the run checks
 * the code before the edit (Node loads dist/, not src/). A verdict over that must say so.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { linkedPackageOf } from '../core/linked-packages.js';
import type { SpecProblem } from '../core/errors.js';
import type { ImportGraph } from './graph.js';
import { BUILD_DIR, buildCandidates, isBuildOutput } from './build-output.js';
import { isCode } from './project-files.js';
import { entryBuildFolders } from './loaded-builds.js';

/**
 * A problem per changed source (project-relative) that the suite loads through a build older than it.
 * A build file in the same change set was rebuilt with it, whatever the file times say: a checkout
 * writes `dist/` before `src/`, so times alone would call a committed, rebuilt build stale.
 */
export function staleBuilds(root: string, changed: readonly string[], graph: ImportGraph | undefined): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const inChange = new Set(changed);
  for (const file of changed) {
    if (!isCode(file) || isBuildOutput(file) || !/(^|\/)src\//.test(file)) continue;
    const build = builtFrom(root, file);
    if (!build || inChange.has(build) || !loadsBuild(root, file, graph)) continue;
    const [src, out] = [mtime(path.join(root, file)), mtime(path.join(root, build))];
    if (src === undefined || out === undefined || out >= src) continue;
    problems.push({
      code: 'SPEC_STALE_BUILD',
      message: `${build} is older than ${file}, which changed: the suite loads the build, so this run checked the code before the edit`,
      hint: `build first (the project's build script, e.g. npm run build or tsc -b), then verify again`,
    });
  }
  return problems;
}

/** The existing build file `src/a/b.ts` compiles to (build-output.ts `buildCandidates`). */
function builtFrom(root: string, file: string): string | undefined {
  return buildCandidates(file).find((candidate) => mtime(path.join(root, candidate)) !== undefined);
}

/**
 * Whether the suite loads `file` through its build: a linked package whose main/module/exports point
 * into a build folder, or a project file an importer reaches (directly or through others) with a path into a build folder.
 */
function loadsBuild(root: string, file: string, graph: ImportGraph | undefined): boolean {
  const abs = path.join(root, file);
  const pkg = linkedPackageOf(root, abs);
  if (pkg) return entryBuildFolders(pkg.dir).length > 0;
  if (!graph) return false;
  // The edited file or any file that imports it, directly or not, reached by a path into a build folder.
  const reached = graph.affectedBy([abs]);
  return [...reached].some((target) => graph.dependentsOf(target).some((importer) => graph.importsOf(importer).some((r) => r.target === target && BUILD_DIR.test(r.specifier))));
}

function mtime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
