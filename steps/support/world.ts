import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { After, Before, setDefaultTimeout, setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { ZodType } from 'zod';
import { fixtureDependencies } from './fixture-deps.js';

setDefaultTimeout(60_000);

export const REPO = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'spec.js');
const FIXTURES = path.join(REPO, 'fixtures');

export interface CliRun {
  args: string[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Set once a step has looked at the exit code: an unchecked failing run fails the scenario. */
  checked: boolean;
}

/**
 * Each scenario gets its own copy of a fixture project and drives the real `spec` binary in it.
 * Copies live inside the repository so the project resolves the repo's @cucumber/cucumber, as a
 * user's project resolves its own; a fixture copied "outside" has no cucumber at all.
 */
export class SpecWorld extends World {
  project = '';
  last: CliRun | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  useFixture(name: string, where: 'inside' | 'outside' = 'inside'): void {
    const base = where === 'inside' ? path.join(REPO, '.tmp', 'acceptance') : os.tmpdir();
    mkdirSync(base, { recursive: true });
    this.project = mkdtempSync(path.join(base, `${name}-`));
    cpSync(path.join(FIXTURES, name), this.project, { recursive: true });
    // A fixture with its own lock file runs on its own dependencies (e.g. an older cucumber), as a user's project would.
    const modules = fixtureDependencies(REPO, name);
    if (modules) symlinkSync(modules, path.join(this.project, 'node_modules'), 'dir');
  }

  file(relative: string): string {
    return path.join(this.project, relative);
  }

  /** `env` overrides the inherited environment; a variable given as undefined is removed. */
  /**
   * Runs spec; with `interrupt`, sends that signal once `afterFile` exists in the project (the
   * scenario's own steps write it when the run is under way), as a person pressing Ctrl-C would.
   * With `answered`, `input` is JSON-RPC lines, and stdin closes once each request is answered.
   */
  async runSpec(args: string[], env: Record<string, string | undefined> = {}, interrupt?: { signal: NodeJS.Signals; afterFile: string }, input?: string, folder = this.project, answered = false): Promise<CliRun> {
    const merged: NodeJS.ProcessEnv = { ...stripAgentVariables(process.env), NO_COLOR: '1', ...env };
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: folder,
      env: merged,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    if (input !== undefined && !answered) child.stdin!.end(input);
    if (input !== undefined && answered) {
      // A JSON-RPC client keeps stdin open until its requests are answered: a server may drop what is in flight when stdin ends.
      child.stdin!.write(input.endsWith('\n') ? input : `${input}\n`);
      const ids = input.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as { id?: unknown; method?: string }).filter((m) => m.id !== undefined && m.method).map((m) => m.id);
      const done = () => ids.every((id) => stdout.split('\n').some((line) => line.includes(`"id":${JSON.stringify(id)}`) && /"(result|error)"/.test(line)));
      const deadline = setTimeout(() => child.stdin!.end(), 50_000).unref();
      child.on('close', () => clearTimeout(deadline));
      child.stdout!.on('data', () => {
        if (done() && !child.stdin!.writableEnded) clearTimeout(deadline), child.stdin!.end();
      });
    }
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (interrupt) void this.signalWhen(child, interrupt);
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    this.last = { args, exitCode, stdout, stderr, checked: false };
    return this.last;
  }

  private async signalWhen(child: ChildProcess, interrupt: { signal: NodeJS.Signals; afterFile: string }): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!existsSync(this.file(interrupt.afterFile))) {
      if (child.exitCode !== null || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child.kill(interrupt.signal);
  }

  lastRun(): CliRun {
    if (!this.last) throw new Error('no spec command has run in this scenario');
    return this.last;
  }

  json<T = Record<string, unknown>>(): T {
    const run = this.lastRun();
    try {
      return JSON.parse(run.stdout) as T;
    } catch {
      throw new Error(`stdout is not one JSON document:\n${run.stdout}\nstderr:\n${run.stderr}`);
    }
  }

  /** stdout as one JSON document that `schema` (named `name` in the failure) accepts. */
  jsonMatching<T>(schema: ZodType<T>, name: string): T {
    const checked = schema.safeParse(this.json());
    if (!checked.success) throw new Error(`stdout does not match ${name}: ${checked.error.message}`);
    return checked.data;
  }
}

/** The suite may itself run under an agent; the CLI's reporter choice must not depend on that. */
function stripAgentVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^(AI_AGENT|CLAUDECODE|CLAUDE_CODE|CODEX_|CURSOR_AGENT|GEMINI_CLI|OPENCODE|AIDER)/.test(k)));
}

setWorldConstructor(SpecWorld);

Before(function (this: SpecWorld) {
  this.project = '';
  this.last = undefined;
});

After(function (this: SpecWorld, { result }) {
  const run = this.last;
  // A spec watch killed by a step leaves runner children that exit a moment later, and on Node >= 22
  // may still write .spec/compile-cache while this removes it (ENOTEMPTY): rmSync retries those.
  if (this.project) rmSync(this.project, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  if (result?.status === 'PASSED' && run && !run.checked && run.exitCode !== 0) {
    throw new Error(`spec ${run.args.join(' ')} exited ${run.exitCode} and no step checked it:\n${run.stdout}\n${run.stderr}`);
  }
});
