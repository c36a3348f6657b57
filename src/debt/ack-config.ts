import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProfileOverlay } from '../config/profile.js';
import type { ResolvedConfig } from '../config/schema.js';
import { z } from '../core/zod.js';
import { hashText } from './ack-files.js';

/*
 * spec.config and the cucumber profile decide what a run checks (tags, names, paths, gates,
 * strict, retry, passWithNoScenarios, debt thresholds, locked): they are part of the oracle as
 * much as the specs. The ack keeps, per config file, a hash of its text (any edit to it) and the
 * value of every key the run took from it (an edit in a file it imports, and which keys moved).
 */

export const AckConfigSchema = z.record(
  z.string().describe('the config file, project-relative'),
  z.strictObject({
    hash: z.string().describe('of its text (package.json: of its "spec" key only)'),
    keys: z.record(z.string(), z.string()).describe('key (one level into objects: gates.typecheck) → its value as JSON'),
  }),
);
export type AckConfig = z.infer<typeof AckConfigSchema>;

/** The config a run resolved: spec.config as loaded, and the cucumber profile as the run reads it. */
export interface ConfigSeen {
  config: ResolvedConfig;
  cucumberConfig: string | undefined;
  overlay: ProfileOverlay | undefined;
}

export interface ConfigMove {
  file: string;
  change: 'added' | 'changed' | 'removed';
  /** The keys whose value differs (none: only the text changed, a comment or a value computed the same). */
  keys: string[];
}

/** The record `spec ack` keeps of the config files a run reads now. */
export async function configRecord(root: string, seen: ConfigSeen): Promise<AckConfig> {
  const record: AckConfig = {};
  const { config, cucumberConfig, overlay } = seen;
  if (config.configFile) {
    const own = Object.entries(config.sources).filter(([, source]) => source?.kind === 'spec.config');
    const keys = flatten(own.map(([key]) => [key, config[key as keyof ResolvedConfig]]));
    record[config.configFile] = { hash: await hashOf(root, config.configFile), keys };
  }
  if (cucumberConfig) {
    const { notes: _notes, parallel, ...values } = overlay ?? ({} as Partial<ProfileOverlay>);
    record[cucumberConfig] = { hash: await hashOf(root, cucumberConfig), keys: flatten([...Object.entries(values), ...(parallel ? [['parallel', parallel.workers] as [string, unknown]] : [])]) };
  }
  return record;
}

/** Each config file added, changed or removed since the ack, with the keys that moved, sorted by file. */
export function configMoves(then: AckConfig, now: AckConfig): ConfigMove[] {
  const files = [...new Set([...Object.keys(then), ...Object.keys(now)])].sort();
  return files.flatMap((file): ConfigMove[] => {
    const before = then[file];
    const after = now[file];
    if (!before) return [{ file, change: 'added', keys: Object.keys(after!.keys).sort() }];
    if (!after) return [{ file, change: 'removed', keys: Object.keys(before.keys).sort() }];
    const names = [...new Set([...Object.keys(before.keys), ...Object.keys(after.keys)])];
    const keys = names.filter((k) => before.keys[k] !== after.keys[k]).sort();
    return keys.length || before.hash !== after.hash ? [{ file, change: 'changed', keys }] : [];
  });
}

/** `spec.config.ts (tags, gates.typecheck)`: a move as one short phrase. */
export function describeConfigMove(move: ConfigMove): string {
  return move.keys.length ? `${move.file} (${move.keys.join(', ')})` : move.file;
}

/** Locked when acked: a person's `locked: true` holds until a person acks again, whatever the config says now. */
export function ackedLocked(then: AckConfig | undefined): boolean {
  return Object.values(then ?? {}).some((entry) => entry.keys.locked === 'true');
}

async function hashOf(root: string, file: string): Promise<string> {
  const text = await readFile(path.join(root, file), 'utf8').catch(() => '');
  if (path.basename(file) !== 'package.json') return hashText(text);
  // Only the "spec" key is config: a dependency bump is no change to the oracle.
  try {
    return hashText(JSON.stringify((JSON.parse(text) as { spec?: unknown }).spec ?? null));
  } catch {
    return hashText(text);
  }
}

/**
 * Values as JSON, one level into plain objects so a gate or a threshold is named on its own. Empty
 * values ('', [], {}) say nothing and are left out, so a later specloop that reads one more profile
 * key (unset: empty) does not make every older ack look changed.
 */
function flatten(entries: [string, unknown][]): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (isEmpty(value) || typeof value === 'function') continue;
    const inner = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : undefined;
    if (inner?.length) for (const [k, v] of inner) keys[`${key}.${k}`] = JSON.stringify(v) ?? 'undefined';
    else keys[key] = JSON.stringify(value) ?? 'undefined';
  }
  return keys;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return Boolean(value && typeof value === 'object' && Object.keys(value).length === 0);
}
