/**
 * A Markdown spec's `covers:` globs are claims the debt figures trust (`declaredOnly`): a glob
 * that matches no file, or names files outside the project, claims nothing, and a typo there
 * would go unseen. Each such glob is a warning at its line of the front matter.
 */
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { SpecProblem } from '../core/errors.js';

const IGNORED = ['**/node_modules/**', '.spec/**', '.git/**'];

export async function checkCovers(root: string, file: string, source: string, covers: readonly string[]): Promise<SpecProblem[]> {
  const warnings: SpecProblem[] = [];
  for (const pattern of covers) {
    const why = outside(pattern) ? 'points outside the project, so it claims nothing' : (await matchesNothing(root, pattern)) ? 'matches no file in the project' : undefined;
    if (!why) continue;
    warnings.push({
      code: 'SPEC_COVERS_GLOB',
      message: `covers: "${pattern}" ${why}`,
      location: { file, line: lineOf(source, pattern) },
      hint: 'Fix the glob to name the project files this spec is about (project-relative, e.g. src/refunds/**), or remove it.',
    });
  }
  return warnings;
}

function outside(pattern: string): boolean {
  if (path.isAbsolute(pattern) || /^[A-Za-z]:[\\/]/.test(pattern)) return true;
  const normal = path.posix.normalize(pattern.replace(/\\/g, '/'));
  return normal === '..' || normal.startsWith('../');
}

async function matchesNothing(root: string, pattern: string): Promise<boolean> {
  const found = await glob(pattern.replace(/^\.\//, ''), { cwd: root, ignore: IGNORED, onlyFiles: true, expandDirectories: false, dot: true });
  return found.length === 0;
}

/** The front matter line that holds the glob; the `covers:` key's line when it cannot be told. */
function lineOf(source: string, pattern: string): number {
  const lines = source.split(/\r\n|\r|\n/);
  const end = lines.indexOf('---', 1);
  const front = lines.slice(0, end > 0 ? end : lines.length);
  const own = front.findIndex((line, i) => i > 0 && !/^\s*covers\s*:/.test(line) && line.includes(pattern));
  if (own > 0) return own + 1;
  const key = front.findIndex((line) => /^\s*covers\s*:/.test(line));
  return key >= 0 ? key + 1 : 1;
}
