import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { SpecloopError, type SpecProblem } from '../src/core/errors.js';

/** The problem a rejected promise carries; fails the test if it resolves or throws anything else. */
export async function problemOf(promise: Promise<unknown>): Promise<SpecProblem> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SpecloopError);
    return (error as SpecloopError).problem;
  }
  throw new Error('expected the call to reject with a SpecloopError');
}

/** The problem a call throws; fails the test if it returns or throws anything else. */
export function thrownProblem(run: () => unknown): SpecProblem {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecloopError);
    return (error as SpecloopError).problem;
  }
  throw new Error('expected the call to throw a SpecloopError');
}

/** This repository's root. */
export const REPO = path.resolve(import.meta.dirname, '..');

/**
 * Starts one process per name in `whos`, each running the TypeScript `script` (through tsx) with
 * `root` and its name as arguments: writers racing on one project. Resolves each to its exit code.
 */
export function startWriters(script: string, root: string, whos: string[]): Promise<number | null>[] {
  return whos.map((who) => new Promise((resolve) => spawn(process.execPath, ['--import', 'tsx', script, root, who], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] }).on('close', resolve)));
}

const made: string[] = [];

/** A fresh folder in the system temp dir, removed after the test file (test/setup.ts). */
export function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** Writes `text` to `file` (relative to `root`), making its folders. */
export function writeIn(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** A fresh temp folder holding `files` (project-relative path → text), removed like tempDir's. */
export function tempProject(prefix: string, files: Record<string, string>): string {
  const root = tempDir(prefix);
  for (const [file, text] of Object.entries(files)) writeIn(root, file, text);
  return root;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
