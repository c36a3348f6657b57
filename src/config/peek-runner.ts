import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULTS } from './defaults.js';

type RunnerKind = 'thread' | 'process';

/**
 * The runner kind spec.config asks for, read from its text before the config is loaded: verify
 * starts its runner first thing, so its start-up overlaps the rest, and a runner of the wrong kind
 * would be started only to be killed. JSON (spec.config.json, package.json "spec") is read as
 * such; a JS/TS config is not run here (a .ts one costs a compile), so its first `runner: '…'`
 * outside comments is a guess. The loaded config has the last word: api/verify-run.ts replaces a
 * runner of the wrong kind. Undefined when the config says nothing, or cannot be read.
 */
export function peekConfiguredRunner(root: string, explicitFile?: string): RunnerKind | undefined {
  try {
    const file = explicitFile ? path.resolve(root, explicitFile) : DEFAULTS.configFiles.map((name) => path.join(root, name)).find(existsSync);
    if (!file) return runnerIn((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { spec?: unknown }).spec);
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) return runnerIn(JSON.parse(text));
    const said = /(?:^|[\s{,])['"]?runner['"]?\s*:\s*['"](thread|process)['"]/m.exec(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''));
    return said?.[1] as RunnerKind | undefined;
  } catch {
    return undefined;
  }
}

function runnerIn(config: unknown): RunnerKind | undefined {
  const runner = config && typeof config === 'object' ? (config as { runner?: unknown }).runner : undefined;
  return runner === 'thread' || runner === 'process' ? runner : undefined;
}
