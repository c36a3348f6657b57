import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { After, Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { REPO, type SpecWorld } from './support/world.js';

interface WatchEvent {
  type: string;
  trigger?: string[];
  reason?: string;
  verdict?: { summary: string; exitCode: number; scenarios: { id: string; status: string }[]; failures: { kind: string; location?: { file: string; line: number }; stack?: string }[]; watch?: { trigger: string[] } };
}

interface WatchState {
  watcher?: ChildProcessWithoutNullStreams;
  events: WatchEvent[];
  seen: number;
  exit?: Promise<number | null>;
  stdoutRest: string;
  /** Without --json: everything printed, and how far steps have read it. */
  text: string;
  read: number;
  /** Everything the watcher wrote to stderr. */
  stderr: string;
}

type WatchWorld = SpecWorld & { watch?: WatchState };

const WAIT_MS = 30_000;

function state(world: WatchWorld): WatchState {
  assert.ok(world.watch?.watcher, 'no watcher: start one with "When I start spec watch"');
  return world.watch;
}

/** Waits for the next event (after the ones already looked at) that matches. */
async function nextEvent(world: WatchWorld, matches: (e: WatchEvent) => boolean, what: string): Promise<WatchEvent> {
  const s = state(world);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const index = s.events.findIndex((e, i) => i >= s.seen && matches(e));
    if (index >= 0) {
      s.seen = index + 1;
      return s.events[index]!;
    }
    assert.ok(Date.now() < deadline, `no ${what} within ${WAIT_MS} ms; events so far:\n${s.events.map((e) => JSON.stringify(e).slice(0, 300)).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

When('I start {string}', async function (this: WatchWorld, command: string) {
  await startWatch(this, command, this.project);
});

When('I start {string} in the folder {string}', async function (this: WatchWorld, command: string, folder: string) {
  await startWatch(this, command, path.join(this.project, folder));
});

When('I start {string} with the variable {word} set to {string}', async function (this: WatchWorld, command: string, name: string, value: string) {
  await startWatch(this, command, this.project, { [name]: value });
});

Then("the watcher's stderr gets a line starting with {string}", async function (this: WatchWorld, start: string) {
  const s = state(this);
  const deadline = Date.now() + WAIT_MS;
  while (!s.stderr.split('\n').some((line) => line.startsWith(start))) {
    assert.ok(Date.now() < deadline, `no stderr line starting with ${JSON.stringify(start)} within ${WAIT_MS} ms; stderr so far:\n${s.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

async function startWatch(world: WatchWorld, command: string, folder: string, env: Record<string, string> = {}): Promise<void> {
  const args = command.split(/\s+/).slice(1);
  const watcher = spawn(process.execPath, [path.join(REPO, 'bin', 'spec.js'), ...args], { cwd: folder, env: { ...process.env, NO_COLOR: '1', CLAUDECODE: '', AI_AGENT: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const s: WatchState = { watcher, events: [], seen: 0, stdoutRest: '', text: '', read: 0, stderr: '' };
  watcher.stderr.on('data', (chunk: Buffer) => void (s.stderr += chunk.toString()));
  const json = args.includes('--json') || args.includes('--format=json') || args.some((arg, i) => (arg === '--format' || arg === '-f') && args[i + 1] === 'json');
  watcher.stdout.on('data', (chunk: Buffer) => {
    if (!json) return void (s.text += chunk.toString());
    const text = s.stdoutRest + chunk.toString();
    const lines = text.split('\n');
    s.stdoutRest = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) s.events.push(JSON.parse(line) as WatchEvent);
  });
  s.exit = new Promise((resolve) => watcher.on('close', (code) => resolve(code)));
  world.watch = s;
  if (json) await nextEvent(world, (e) => e.type === 'run-finished', 'first full run');
  else await printed(world, /^spec: /m, 'the first full run\'s closing line');
}

/** Waits until the human output, past what earlier steps read, matches; reading moves past the match. */
async function printed(world: WatchWorld, pattern: RegExp | string, what: string): Promise<void> {
  const s = state(world);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const rest = s.text.slice(s.read);
    const at = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
    if (at >= 0) {
      s.read += at + (typeof pattern === 'string' ? pattern.length : 1);
      return;
    }
    assert.ok(Date.now() < deadline, `the watcher did not print ${what} within ${WAIT_MS} ms; it printed after the last check:\n${rest}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

Then('the watcher prints {string}', async function (this: WatchWorld, text: string) {
  await printed(this, text, JSON.stringify(text));
});

Then('the watcher prints {string}, then waits', async function (this: WatchWorld, text: string) {
  await printed(this, text, JSON.stringify(text));
  // The legend says what the keys do, again, whenever the watcher is waiting for them.
  await printed(this, 'keys: a all · f failed · enter re-run · q quit', 'the key legend after the run');
});

Then('the next run\'s whole-suite state is {int} failing, {int} passed, {int} not run yet \\({int} fixed, {int} new)', async function (this: WatchWorld, failing: number, passed: number, notRunYet: number, fixed: number, newlyFailing: number) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  (this as WatchWorld & { watchVerdict?: unknown }).watchVerdict = event.verdict;
  const watch = event.verdict!.watch as unknown as { suite?: { failing: number; passed: number; notRunYet: number }; delta: { fixed: string[]; newlyFailing: string[] } };
  assert.deepEqual({ ...pick(watch.suite), fixed: watch.delta.fixed.length, newlyFailing: watch.delta.newlyFailing.length }, { failing, passed, notRunYet, fixed, newlyFailing });
});

Then('the next run\'s verdict has {string} as {string}', async function (this: WatchWorld, dotted: string, expected: string) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  (this as WatchWorld & { watchVerdict?: unknown }).watchVerdict = event.verdict;
  assert.deepEqual(valueAt(event.verdict, dotted), JSON.parse(expected), `${dotted} in the verdict:\n${JSON.stringify(event.verdict?.watch)}`);
});

Then('the next run\'s verdict warns {word}', async function (this: WatchWorld, code: string) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  const warnings = (event.verdict as { warnings?: { code: string }[] } | undefined)?.warnings ?? [];
  assert.ok(warnings.some((w) => w.code === code), `no ${code} among the verdict's warnings: ${JSON.stringify(warnings.map((w) => w.code))}`);
});

Then('that verdict has {string} as {string}', function (this: WatchWorld, dotted: string, expected: string) {
  const verdict = (this as WatchWorld & { watchVerdict?: unknown }).watchVerdict;
  assert.ok(verdict, 'no verdict yet: use "the next run\'s verdict has … as …" first');
  assert.deepEqual(valueAt(verdict, dotted), JSON.parse(expected), `${dotted} in the verdict:\n${JSON.stringify((verdict as { watch?: unknown }).watch)}`);
});

function valueAt(value: unknown, dotted: string): unknown {
  for (const key of dotted.split('.')) value = value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[key];
  return value;
}

function pick(suite: { failing: number; passed: number; notRunYet: number } | undefined) {
  return { failing: suite?.failing, passed: suite?.passed, notRunYet: suite?.notRunYet };
}

When('I append {string} to {string}', function (this: WatchWorld, text: string, relative: string) {
  appendFileSync(this.file(relative), `${text}\n`);
});

When('I write {string} with:', function (this: WatchWorld, relative: string, content: string) {
  mkdirSync(path.dirname(this.file(relative)), { recursive: true });
  writeFileSync(this.file(relative), content);
});

When('I delete {string}', function (this: WatchWorld, relative: string) {
  rmSync(this.file(relative));
});

When('I rename {string} to {string}', function (this: WatchWorld, from: string, to: string) {
  renameSync(this.file(from), this.file(to));
});

When('I write {string} {int} times within a second, ending with:', async function (this: WatchWorld, relative: string, times: number, content: string) {
  const file = this.file(relative);
  const original = readFileSync(file, 'utf8');
  for (let i = 0; i < times - 1; i++) {
    writeFileSync(file, `${original}\n// burst ${i}\n`);
    if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 4));
  }
  writeFileSync(file, content);
});

When('I press {string} in the watcher', function (this: WatchWorld, key: string) {
  state(this).watcher!.stdin.write(`${key === 'enter' ? '' : key}\n`);
});

When('I send {word} to the watcher', function (this: WatchWorld, signal: string) {
  state(this).watcher!.kill(signal as NodeJS.Signals);
});

Then('a run triggered by {string} finishes, having run exactly these scenarios:', async function (this: WatchWorld, relative: string, table: DataTable) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished' && (e.verdict?.watch?.trigger ?? []).includes(relative), `run triggered by ${relative}`);
  assert.deepEqual(event.verdict!.scenarios.map((s) => s.id).sort(), table.raw().map(([id]) => id!).sort(), `the scenarios the run after editing ${relative} ran`);
});

Then('the next run ran exactly these scenarios:', async function (this: WatchWorld, table: DataTable) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  const ran = event.verdict!.scenarios.map((s) => s.id).sort();
  assert.deepEqual(ran, table.raw().map(([id]) => id!).sort());
});

Then('the next run fails and ran exactly these scenarios:', async function (this: WatchWorld, table: DataTable) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  (this as WatchWorld & { watchVerdict?: unknown }).watchVerdict = event.verdict;
  assert.equal(event.verdict!.exitCode, 1, `expected a failing run: ${event.verdict!.summary}`);
  assert.deepEqual(event.verdict!.scenarios.map((s) => s.id).sort(), table.raw().map(([id]) => id!).sort());
});

Then('the next run passes and ran exactly these scenarios:', async function (this: WatchWorld, table: DataTable) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  (this as WatchWorld & { watchVerdict?: unknown }).watchVerdict = event.verdict;
  assert.equal(event.verdict!.exitCode, 0, `expected a passing run: ${event.verdict!.summary} ${JSON.stringify(event.verdict!.failures).slice(0, 400)}`);
  assert.deepEqual(event.verdict!.scenarios.map((s) => s.id).sort(), table.raw().map(([id]) => id!).sort());
});

Then('the next run reports a {string} failure at {string}', async function (this: WatchWorld, kind: string, where: string) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  const found = event.verdict!.failures.some((f) => f.kind === kind && f.location && `${f.location.file}:${f.location.line}` === where);
  assert.ok(found, `no ${kind} failure at ${where}: ${JSON.stringify(event.verdict!.failures).slice(0, 600)}`);
});

Then('the next run fails with a stack frame at {string}', async function (this: WatchWorld, where: string) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  // A frame is "file:line:column": the line must match whole, not as a prefix of a longer one.
  const found = event.verdict!.failures.some((f) => f.stack?.split('\n').some((frame) => frame.includes(`${where}:`)));
  assert.ok(event.verdict!.exitCode === 1 && found, `no failure with a frame at ${where}: ${JSON.stringify(event.verdict!.failures.map((f) => f.stack)).slice(0, 600)}`);
});

Then('the next run\'s closing line is {string} with exit code {int}', async function (this: WatchWorld, expected: string, code: number) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  assert.deepEqual({ summary: event.verdict!.summary, exitCode: event.verdict!.exitCode }, { summary: expected, exitCode: code }, JSON.stringify(event.verdict!.failures).slice(0, 600));
});

Then('the first run\'s closing line was {string}', function (this: WatchWorld, expected: string) {
  const first = state(this).events.find((e) => e.type === 'run-finished');
  assert.ok(first, 'no run has finished');
  assert.equal(first.verdict!.summary, expected, JSON.stringify(first.verdict!.failures).slice(0, 600));
});

Then('the next run passes', async function (this: WatchWorld) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run');
  assert.equal(event.verdict!.exitCode, 0, `expected a passing run: ${event.verdict!.summary} ${JSON.stringify(event.verdict!.failures).slice(0, 400)}`);
});

Then('the watcher says no scenario reaches {string}', async function (this: WatchWorld, relative: string) {
  await nextEvent(this, (e) => e.type === 'idle' && (e.trigger ?? []).includes(relative), `idle event for ${relative}`);
});

Then('the watcher says {string} about {string}', async function (this: WatchWorld, reason: string, relative: string) {
  const event = await nextEvent(this, (e) => e.type === 'idle' || e.type === 'run-finished', `idle event for ${relative}`);
  assert.equal(event.type, 'idle', `a run followed instead of an idle event: ${event.verdict?.summary} ${JSON.stringify(event.verdict?.failures ?? []).slice(0, 400)} ${JSON.stringify(event.verdict?.watch ?? {}).slice(0, 400)}`);
  assert.deepEqual(event.trigger, [relative]);
  assert.ok(event.reason?.includes(reason), `the idle reason: ${event.reason}`);
});

Then('the watcher says {string} about nothing', async function (this: WatchWorld, reason: string) {
  const event = await nextEvent(this, (e) => e.type === 'idle' || e.type === 'run-finished', 'idle event');
  assert.equal(event.type, 'idle', `a run followed instead of an idle event: ${event.verdict?.summary}`);
  assert.deepEqual(event.trigger, []);
  assert.ok(event.reason?.includes(reason), `the idle reason: ${event.reason}`);
});

Then('exactly one run follows, on the final content', async function (this: WatchWorld) {
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run after the burst');
  const s = state(this);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const later = s.events.slice(s.seen).filter((e) => e.type === 'run-started' || e.type === 'run-finished');
  assert.deepEqual(later, [], 'more runs followed the burst');
  const startedDuringBurst = s.events.filter((e) => e.type === 'run-started').length;
  assert.equal(startedDuringBurst, 2, 'the full run plus exactly one run for the burst');
  assert.equal(event.verdict!.exitCode, 0, `the final content passes: ${event.verdict!.summary}`);
});

Then('the watcher stays quiet for {int} ms', async function (this: WatchWorld, ms: number) {
  const s = state(this);
  await new Promise((resolve) => setTimeout(resolve, ms));
  const later = s.events.slice(s.seen);
  assert.deepEqual(later.map((e) => JSON.stringify(e).slice(0, 300)), [], 'the watcher acted on its own (no edit was made)');
});

When('a run starts', async function (this: WatchWorld) {
  await nextEvent(this, (e) => e.type === 'run-started', 'run-started');
  // The run's child needs a moment to reach the slow step; the edit must land mid-run.
  await new Promise((resolve) => setTimeout(resolve, 300));
});

Then('a run is cancelled and the next one covers both edits', async function (this: WatchWorld) {
  await nextEvent(this, (e) => e.type === 'run-cancelled', 'cancelled run');
  const event = await nextEvent(this, (e) => e.type === 'run-finished', 'run after the cancel');
  assert.ok((event.verdict!.watch?.trigger.length ?? 0) >= 2, `the run after the cancel covers both edits: ${JSON.stringify(event.verdict!.watch)}`);
});

Then('the watcher exits with code {int} within {int} seconds', async function (this: WatchWorld, code: number, seconds: number) {
  const s = state(this);
  const exit = await Promise.race([s.exit, new Promise((resolve) => setTimeout(() => resolve('timeout'), seconds * 1000))]);
  assert.equal(exit, code);
  s.watcher = undefined;
});

// Stopped as a user stops it, so it ends its runners itself: a SIGKILL'd watcher orphans runner
// children, which exit a moment later and (Node >= 22) write .spec/compile-cache while the world's
// After hook removes the project. SIGKILL only a watcher that does not end.
After({ timeout: 30_000 }, async function (this: WatchWorld) {
  const s = this.watch;
  const watcher = s?.watcher;
  if (!s || !watcher || watcher.exitCode !== null || watcher.signalCode !== null) return;
  watcher.kill('SIGTERM');
  const ended = await Promise.race([s.exit!.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000).unref())]);
  if (!ended) watcher.kill('SIGKILL');
});

Given('a step that takes a second is used by {string}', function (this: WatchWorld, _feature: string) {
  appendFileSync(this.file('steps/todo.steps.ts'), `\nThen('the work takes a second', () => new Promise((resolve) => setTimeout(resolve, 1000)));\n`);
});
