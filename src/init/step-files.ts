import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULTS } from '../config/defaults.js';

/** Where an undefined step's snippet goes in this project, as the agent instructions name it. */
export interface StepHome {
  language: 'TypeScript' | 'JavaScript';
  /** Relative to the project, with a trailing slash. */
  folder: string;
}

/** A project with no step definitions yet gets the scaffold's: TypeScript in steps/. */
export const DEFAULT_STEP_HOME: StepHome = { language: 'TypeScript', folder: 'steps/' };

const SOURCES = '**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx}';
const IGNORE = ['**/node_modules/**', '**/.git/**', `**/${DEFAULTS.outDir}/**`, '**/dist/**', '**/build/**', '**/coverage/**'];
/** Enough to find a suite's steps; a bigger tree is read no further than this. */
const MAX_FILES = 5000;
const MAX_BYTES = 256 * 1024;
const CUCUMBER = /['"]@cucumber\/cucumber['"]|['"]cucumber['"]/;
const DEFINES_STEP = /\b(?:Given|When|Then|defineStep)\s*\(/;

/**
 * The language and folder of the step definitions the project has, found by what the files do
 * (import cucumber and define a step), not by name: real suites keep steps in tests/steps/,
 * features/step_definitions/, test/support/steps/ and more, which no fixed glob list covers.
 * TypeScript when any step file is, as the verdict's snippets are typed then.
 */
export async function findStepHome(root: string): Promise<StepHome> {
  const files = (await glob(SOURCES, { cwd: root, ignore: IGNORE, dot: false })).sort().slice(0, MAX_FILES);
  const steps: string[] = [];
  for (const file of files) if (await definesSteps(path.join(root, file))) steps.push(file);
  if (!steps.length) return DEFAULT_STEP_HOME;
  return { language: steps.some((f) => /\.[mc]?tsx?$/.test(f)) ? 'TypeScript' : 'JavaScript', folder: homeFolder(steps) };
}

async function definesSteps(file: string): Promise<boolean> {
  try {
    const text = await readFile(file, 'utf8');
    return text.length <= MAX_BYTES && CUCUMBER.test(text) && DEFINES_STEP.test(text);
  } catch {
    return false;
  }
}

/** The folder all step files share; the one holding most of them when they share only the root. */
export function homeFolder(files: string[]): string {
  const dirs = files.map((f) => path.posix.dirname(f.split(path.sep).join('/')));
  let common = dirs[0]!.split('/');
  for (const dir of dirs.slice(1)) {
    const parts = dir.split('/');
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  const shared = common.join('/');
  if (shared && shared !== '.') return `${shared}/`;
  const counts = new Map<string, number>();
  for (const dir of dirs) counts.set(dir, (counts.get(dir) ?? 0) + 1);
  const [most] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return most![0] === '.' ? './' : `${most![0]}/`;
}
