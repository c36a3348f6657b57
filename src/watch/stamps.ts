import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { shortHash } from '../core/hash.js';

/**
 * What a file was when a run started: its modification time (ns), size and content hash, or
 * `gone`. A change event for a file whose stamp is still the one the run under way took brings
 * nothing new: the run reads that content (editors and file systems often report one write twice).
 * The one case it cannot tell: two writes within one tick of the file clock, the second putting
 * back the exact bytes the run started with, with the run reading between them.
 */
export function stampOf(root: string, file: string): string {
  const abs = path.join(root, file);
  try {
    const stat = statSync(abs, { bigint: true });
    return `${stat.mtimeNs}:${stat.size}:${shortHash(readFileSync(abs))}`;
  } catch {
    return 'gone';
  }
}

export function stampAll(root: string, files: string[]): Map<string, string> {
  return new Map(files.map((file) => [file, stampOf(root, file)]));
}

/** Every file of `files` is as the run under way found it when it started: a cancel would only cost a runner. */
export function unchangedSince(root: string, stamps: Map<string, string>, files: string[]): boolean {
  return files.length > 0 && files.every((file) => stamps.get(file) !== undefined && stamps.get(file) === stampOf(root, file));
}
