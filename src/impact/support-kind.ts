import picomatch from 'picomatch';
import { statSync } from 'node:fs';
import path from 'node:path';
import { readTextIfExists } from '../core/fs.js';
import type { ScenarioMap } from './scenario-map.js';
import { definesStepsOnly } from './steps-only.js';

/**
 * Which support files every run must load (see steps-only.ts for how a file is read), remembered
 * per file by size and mtime so a watch run pays a stat per file, not a read.
 */
const verdicts = new Map<string, { stamp: string; stepsOnly: boolean }>();

/**
 * Of a run's support files (project-relative), those every run must load: all but the ones whose
 * current text defines steps and nothing else. Read from disk, remembered per size and mtime.
 */
export function sharedSupportFiles(root: string, supportFiles: string[]): string[] {
  return supportFiles.filter((file) => !stepsOnlyOnDisk(path.join(root, file)));
}

function stepsOnlyOnDisk(file: string): boolean {
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return false;
  }
  const known = verdicts.get(file);
  if (known?.stamp === stamp) return known.stepsOnly;
  const text = readTextIfExists(file);
  const stepsOnly = text !== undefined && definesStepsOnly(text);
  verdicts.set(file, { stamp, stepsOnly });
  return stepsOnly;
}

/**
 * Code no run loaded that the step globs match (a new step file in a new folder, too): it may
 * define steps for undefined ones. Maps recorded before the globs were kept: the folders of the
 * known step files instead.
 */
export function looksLikeSupport(file: string, map: ScenarioMap): boolean {
  if (!/\.(?:[cm]?[jt]sx?)$/.test(file) || file.endsWith('.d.ts') || file.includes('node_modules/')) return false;
  if (map.supportGlobs) return picomatch(map.supportGlobs, { dot: false })(file);
  const dirs = new Set(map.supportFiles.map((f) => path.posix.dirname(f)));
  return [...dirs].some((dir) => (dir === '.' ? !file.includes('/') : file.startsWith(`${dir}/`)));
}
