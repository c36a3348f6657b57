import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ownPackage } from '../core/own-package.js';

/*
 * The steps-only verdicts (steps-only.ts) of a project's support files, kept across runs in
 * .spec/steps-only.json by each file's content hash: a verdict is a function of the text, so an
 * unchanged file is not read token by token again. Reading every step file that way on each run
 * (≈ 20 ms for the 2,000-scenario bench suite's 40 step files, while the runner loads the support
 * code) slowed the run itself by more (bench/RESULTS.md, session 12 P1). A cache: a file that is
 * missing, unreadable or from another specloop is ignored, and only a project with a .spec/
 * folder gets one.
 */

const FILE = '.spec/steps-only.json';
/** Bump when steps-only.ts judges a text differently, so no verdict of the old rules is reused. */
const RULES = 1;

interface Entry {
  hash: string;
  stepsOnly: boolean;
}

export interface StepsOnlyCache {
  /** The verdict recorded for `file` (project-relative) when its text hashed to `hash`. */
  get(file: string, hash: string): boolean | undefined;
  set(file: string, hash: string, stepsOnly: boolean): void;
  /** Writes the verdicts when one changed (whole, by a rename); never throws. */
  save(): void;
}

export function stepsOnlyCache(root: string): StepsOnlyCache {
  const rules = `${RULES}:${ownPackage().version}`;
  let entries: Map<string, Entry> | undefined;
  let changed = false;
  const load = () => (entries ??= readEntries(root, rules));
  return {
    get: (file, hash) => {
      const entry = load().get(file);
      return entry?.hash === hash ? entry.stepsOnly : undefined;
    },
    set: (file, hash, stepsOnly) => {
      const entry = load().get(file);
      if (entry?.hash === hash && entry.stepsOnly === stepsOnly) return;
      entries!.set(file, { hash, stepsOnly });
      changed = true;
    },
    save: () => {
      if (!changed || !entries || !existsSync(path.join(root, '.spec'))) return;
      changed = false;
      const target = path.join(root, FILE);
      const temporary = `${target}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, `${JSON.stringify({ rules, files: Object.fromEntries(entries) })}\n`);
        renameSync(temporary, target);
      } catch {
        // A cache: the next run judges the files again.
        rmSync(temporary, { force: true });
      }
    },
  };
}

function readEntries(root: string, rules: string): Map<string, Entry> {
  try {
    const data = JSON.parse(readFileSync(path.join(root, FILE), 'utf8')) as { rules?: unknown; files?: Record<string, Partial<Entry>> };
    if (data.rules !== rules || !data.files || typeof data.files !== 'object') return new Map();
    const valid = Object.entries(data.files).filter((e): e is [string, Entry] => typeof e[1]?.hash === 'string' && typeof e[1].stepsOnly === 'boolean');
    return new Map(valid.map(([file, { hash, stepsOnly }]) => [file, { hash, stepsOnly }]));
  } catch {
    return new Map();
  }
}
