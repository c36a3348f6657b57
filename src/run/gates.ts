import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { GateConfig, ResolvedConfig, ResolvedGate } from '../config/schema.js';
import { DEFAULTS } from '../config/defaults.js';
import type { GateResult } from '../core/results.js';
import { SpecloopError } from '../core/errors.js';

const LOG_TAIL = 4_000;

/** Finds an executable in node_modules/.bin from the project up, as npm scripts would. */
export function findBin(root: string, name: string): string | undefined {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Gates the project evidently has: typecheck (tsconfig + tsc), unit tests (vitest in package.json), lint (a linter's config). */
export function detectGates(root: string): Record<string, string[]> {
  const gates: Record<string, string[]> = {};
  if (existsSync(path.join(root, 'tsconfig.json')) && findBin(root, 'tsc')) gates.typecheck = ['tsc', '--noEmit'];
  if (declares(root, 'vitest') && findBin(root, 'vitest')) gates.test = ['vitest', 'run'];
  const eslintConfig = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts'].some((f) => existsSync(path.join(root, f)));
  if (eslintConfig && findBin(root, 'eslint')) gates.lint = ['eslint', '.'];
  else if ((existsSync(path.join(root, 'biome.json')) || existsSync(path.join(root, 'biome.jsonc'))) && findBin(root, 'biome')) gates.lint = ['biome', 'check', '.'];
  return gates;
}

/**
 * Gates the cucumber profile calls for: `cucumber-load` when specloop leaves out TypeScript loaders
 * the profile names, to load the support code as cucumber-js does (run/cucumber-load-check.cts).
 */
export function profileGates(droppedLoaders: readonly string[] | undefined, profile: string | undefined): Record<string, string[]> {
  if (!droppedLoaders?.length) return {};
  // cucumber picks its default profile itself, and names none when the config has no `default`.
  return { 'cucumber-load': [process.execPath, fileURLToPath(new URL('./cucumber-load-check.cjs', import.meta.url)), ...(profile && profile !== 'default' ? [profile] : [])] };
}

export function declares(root: string, dependency: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return Boolean(pkg.dependencies?.[dependency] ?? pkg.devDependencies?.[dependency]);
  } catch {
    return false;
  }
}

/**
 * The gates to run, in order: detected defaults overlaid by config (false removes one), then
 * narrowed to `only` when the user named gates. Unknown names are reported by the caller.
 */
export function resolveGates(config: ResolvedConfig, only: string[] | undefined, found: Record<string, string[]> = {}): { gates: ResolvedGate[]; unknown: string[] } {
  const merged: Record<string, GateConfig> = { ...detectGates(config.root), ...found, ...config.gates };
  const all: ResolvedGate[] = [];
  for (const [name, gate] of Object.entries(merged)) {
    if (gate === false) continue;
    const command = Array.isArray(gate) ? gate : gate.command;
    const timeout = Array.isArray(gate) ? DEFAULTS.gateTimeout : (gate.timeout ?? DEFAULTS.gateTimeout);
    all.push({ name, command, timeout });
  }
  if (!only) return { gates: all, unknown: [] };
  const wanted = only.filter((name) => name !== 'none');
  return { gates: all.filter((g) => wanted.includes(g.name)), unknown: wanted.filter((name) => !all.some((g) => g.name === name)) };
}

/** Runs one gate: an argv, never through a shell, killed with everything it started at its timeout. */
export function runGate(root: string, gate: ResolvedGate, env: Record<string, string | undefined>, signal?: AbortSignal): Promise<GateResult> {
  const started = performance.now();
  const [name, ...args] = gate.command as [string, ...string[]];
  const executable = name.includes('/') ? path.resolve(root, name) : (findBin(root, name) ?? name);
  return new Promise((resolve) => {
    let log = '';
    let settled = false;
    const child = spawn(executable, args, { cwd: root, env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1' } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true, shell: false });
    const append = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-LOG_TAIL * 4);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const done = (status: GateResult['status'], exitCode: number | null, extra = '') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      const text = stripVTControlCharacters(log + extra).trimEnd();
      resolve({ name: gate.name, command: gate.command, status, durationMs: Math.round(performance.now() - started), exitCode, log: text.length > LOG_TAIL ? `…${text.slice(-LOG_TAIL)}` : text });
    };
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      killGroup();
      done('timeout', null, `\n[specloop] gate "${gate.name}" exceeded ${gate.timeout} ms and was stopped`);
    }, gate.timeout);
    const onAbort = () => {
      killGroup();
      done('error', null, '\n[specloop] cancelled');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? `command not found: ${name} (install it, or change gates.${gate.name} in the config)` : error.message;
      done('error', null, `[specloop] ${why}`);
    });
    child.on('close', (code) => done(code === 0 ? 'passed' : 'failed', code));
  });
}

/**
 * The gates a run will run, checked before it: a typo in a gate name must not cost a whole run first.
 * `debtGate`: whether the debt thresholds make a `debt` gate (decided in debt/, which run/ must not import).
 */
export function planGates(config: ResolvedConfig, only: string[] | false | undefined, debtGate = false, found: Record<string, string[]> = {}): ResolvedGate[] {
  if (only === false) return [];
  const { gates, unknown } = resolveGates(config, only, found);
  if (unknown.length === 0) return gates;
  const commands = resolveGates(config, undefined, found).gates.map((g) => g.name);
  const configured = [...commands, ...(debtGate ? ['debt'] : [])];
  // With no command gate at all, the name was likely meant as one: say how to add it.
  const example = exampleCommand(unknown[0]!).map((part) => JSON.stringify(part)).join(', ');
  const add = commands.length === 0 ? `; add a command gate in spec.config, e.g. "gates": { "${unknown[0]}": [${example}] }` : '';
  throw new SpecloopError({
    code: 'SPEC_USAGE',
    message: `unknown gate${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}`,
    hint: `configured gates: ${configured.join(', ') || 'none'} (or --gate none)${add}`,
  });
}

/** A command that gate name usually stands for, for the example; any other name gets an npm script. */
function exampleCommand(name: string): string[] {
  const known: Record<string, string[]> = { typecheck: ['tsc', '--noEmit'], lint: ['eslint', '.'], test: ['npm', 'test'] };
  return known[name] ?? ['npm', 'run', name];
}

/** Runs the gates one after another, until the run is cancelled. */
export async function runGates(root: string, gates: ResolvedGate[], env: Record<string, string | undefined>, signal: AbortSignal | undefined): Promise<GateResult[]> {
  const results: GateResult[] = [];
  for (const gate of gates) {
    if (signal?.aborted) break;
    results.push(await runGate(root, gate, env, signal));
  }
  return results;
}
