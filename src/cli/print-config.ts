import type { ResolvedRunConfig } from '../api/config.js';
import { describeSource, type Source } from '../config/sources.js';

/**
 * What the user at the terminal knows an option of the call as: the flag they typed, or specloop's
 * default for an option the command sets itself (verify's thread, watch's child process).
 */
export type FlagOf = (option: string) => Source | undefined;

/** `--print-config`: the resolved config as a table (key, value, sources) or as JSON checked against its schema. */
export async function renderConfig(resolved: ResolvedRunConfig, flagOf: FlagOf, json: boolean | undefined): Promise<string> {
  const asFlags = withFlags(resolved, flagOf);
  if (json) {
    const { RunConfigSchema } = await import('../config/run-config-schema.js');
    return `${JSON.stringify(RunConfigSchema.parse(asFlags), null, 2)}\n`;
  }
  const rows = Object.entries(asFlags.values).map(([key, { value, sources }]) => [key, showValue(key, value), sources.map(describeSource).join(' + ')] as const);
  const width = (column: 0 | 1) => Math.max(...rows.map((row) => row[column].length));
  const files = [asFlags.configFile ?? 'no spec.config', asFlags.cucumberConfig ?? 'no cucumber config'].join(', ');
  const lines = rows.map(([key, value, source]) => `  ${key.padEnd(width(0))}  ${value.padEnd(width(1))}  ${source}`);
  return `The resolved config (${files}); nothing ran.\n\n${lines.join('\n')}\n`;
}

function withFlags(resolved: ResolvedRunConfig, flagOf: FlagOf): ResolvedRunConfig {
  const rename = (source: Source): Source => (source.kind === 'option' ? (flagOf(source.option) ?? source) : source);
  const values = Object.fromEntries(Object.entries(resolved.values).map(([key, entry]) => [key, { ...entry, sources: entry.sources.map(rename) }]));
  return { ...resolved, values: values as ResolvedRunConfig['values'] };
}

/** Flags by option name, as a FlagOf. */
export function flagsOf(flags: Record<string, string>, commandSets: string[]): FlagOf {
  return (option) => (commandSets.includes(option) ? { kind: 'default' } : flags[option] ? { kind: 'flag', flag: flags[option] } : undefined);
}

function showValue(key: string, value: unknown): string {
  if (value === undefined) return key === 'reporter' ? '(detected when printing)' : '(none)';
  if (key === 'gates' && typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) return '(every detected gate)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  if (value === '') return '(none)';
  return String(value);
}
