/**
 * Generic steps for specloop's own acceptance suite: set up a copy of a fixture project, vary its
 * files, run the real `spec` binary in it, and check what a user (or an agent) would see: the exit
 * code, the human report, the JSON verdict and the files on disk.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { parse as parseToml } from 'smol-toml';
import { VerdictSchema, type Failure, type Verdict, type Warning } from '../src/report/verdict.js';
import { REPO, type CliRun, type SpecWorld } from './support/world.js';

/** What these steps remember between steps, beyond the shared world. */
interface CliState {
  /** The failure the last "the verdict has a … failure" step found. */
  failure?: Failure;
  /** The warning the last "the verdict has a … warning at …" step found. */
  warning?: Warning;
  /** Wall-clock duration of the last command, in ms. */
  elapsedMs?: number;
  /** File contents recorded by "I note the contents of every file". */
  snapshot?: Map<string, Buffer>;
}

type CliWorld = SpecWorld & CliState;

const ANSI = /\u001b\[[0-9;]*m/;

// ── project set-up ─────────────────────────────────────────────────────────────────────────────

// The first use of a fixture with its own lock file installs its dependencies (once per checkout).
Given('the {string} fixture', { timeout: 10 * 60_000 }, function (this: CliWorld, name: string) {
  this.useFixture(name);
});

Given('the {string} fixture outside any node_modules', { timeout: 10 * 60_000 }, function (this: CliWorld, name: string) {
  this.useFixture(name, 'outside');
  assert.ok(!isInside(this.project, REPO), `the "outside" copy ${this.project} is inside the repository`);
});

Given('an empty folder outside any project', function (this: CliWorld) {
  // The system temp folder: no package.json or spec config above it, as in a hook run from /tmp.
  this.project = mkdtempSync(path.join(os.tmpdir(), 'no-project-'));
  assert.equal(projectMarkersAbove(this.project), undefined, `${this.project} is inside a project`);
});

Given('an empty project directory', function (this: CliWorld) {
  const base = path.join(REPO, '.tmp', 'acceptance');
  mkdirSync(base, { recursive: true });
  // Inside the repository, so the scaffolded project resolves the repo's @cucumber/cucumber.
  this.project = mkdtempSync(path.join(base, 'empty-'));
});

Given('the file {string} contains:', function (this: CliWorld, relative: string, content: string) {
  const target = projectFile(this, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content.endsWith('\n') ? content : `${content}\n`);
});

/** An image or archive saved under a spec's name: NUL, ESC and bytes that are no UTF-8. */
Given('the file {string} holds binary data', function (this: CliWorld, relative: string) {
  const target = projectFile(this, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x0a, 0x46, 0x00, 0x08]));
});

Given('there is no file {string}', function (this: CliWorld, relative: string) {
  rmSync(projectFile(this, relative), { recursive: true, force: true });
});

Given('I note the contents of every file in the project', function (this: CliWorld) {
  this.snapshot = readTree(this.project);
});

// ── running spec ───────────────────────────────────────────────────────────────────────────────

When('I run {string}', async function (this: CliWorld, command: string) {
  await run(this, command, {});
});

When('I run {string} with the environment:', async function (this: CliWorld, command: string, table: DataTable) {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of table.raw()) {
    assert.ok(name, 'each row of the environment table names a variable');
    // An empty cell removes the variable (NO_COLOR is set for every run unless removed).
    env[name] = value === undefined || value === '' ? undefined : value;
  }
  await run(this, command, env);
});

When('I run {string} with this on stdin:', async function (this: CliWorld, command: string, input: string) {
  await run(this, command, {}, undefined, input.replaceAll('<project>', this.project));
});

When('I run {string} with these requests on stdin, closing it once each is answered:', async function (this: CliWorld, command: string, input: string) {
  const [program, ...args] = splitCommand(command);
  assert.equal(program, 'spec', `commands start with "spec": ${command}`);
  await this.runSpec(args, {}, undefined, input.replaceAll('<project>', this.project), this.project, true);
});

When('I run {string} with {word} set to {string} and this on stdin:', async function (this: CliWorld, command: string, name: string, value: string, input: string) {
  await run(this, command, { [name]: value }, undefined, input.replaceAll('<project>', this.project));
});

When('I run {string} in the folder {string}', async function (this: CliWorld, command: string, folder: string) {
  await run(this, command, {}, undefined, undefined, projectFile(this, folder));
});

When('I run {string} in the folder {string} with this on stdin:', async function (this: CliWorld, command: string, folder: string, input: string) {
  await run(this, command, {}, undefined, input.replaceAll('<project>', this.project), projectFile(this, folder));
});

When('I run {string} and press Ctrl-C once {string} exists', async function (this: CliWorld, command: string, marker: string) {
  await run(this, command, {}, { signal: 'SIGINT', afterFile: marker });
});

When('I run {string} and send SIGTERM once {string} exists', async function (this: CliWorld, command: string, marker: string) {
  await run(this, command, {}, { signal: 'SIGTERM', afterFile: marker });
});

async function run(world: CliWorld, command: string, env: Record<string, string | undefined>, interrupt?: { signal: NodeJS.Signals; afterFile: string }, input?: string, folder?: string): Promise<void> {
  assert.ok(world.project, 'no project: start the scenario with a "Given the … fixture" step');
  const [program, ...args] = splitCommand(command);
  assert.equal(program, 'spec', `commands start with "spec": ${command}`);
  const started = performance.now();
  await world.runSpec(args, env, interrupt, input, folder);
  world.elapsedMs = performance.now() - started;
}

// ── exit code and output ───────────────────────────────────────────────────────────────────────

Then('the exit code is {int}', function (this: CliWorld, expected: number) {
  const run = checked(this);
  assert.equal(run.exitCode, expected, `spec ${run.args.join(' ')} exited ${run.exitCode}, expected ${expected}\n${transcript(run)}`);
});

Then('the command finished within {int} seconds', function (this: CliWorld, seconds: number) {
  assert.ok(this.elapsedMs !== undefined, 'no command has run');
  assert.ok(this.elapsedMs < seconds * 1000, `spec took ${(this.elapsedMs / 1000).toFixed(1)} s, more than ${seconds} s`);
});

Then('stdout contains {string}', function (this: SpecWorld, text: string) {
  assertContains(this.lastRun(), 'stdout', text);
});

Then('stdout contains:', function (this: SpecWorld, text: string) {
  assertContains(this.lastRun(), 'stdout', text);
});

Then('stderr contains {string}', function (this: SpecWorld, text: string) {
  assertContains(this.lastRun(), 'stderr', text);
});

/** Raw bytes of a spec (ESC, NUL, backspace) printed to a terminal corrupt it; colour is off here. */
Then('stdout holds no control characters', function (this: SpecWorld) {
  const run = this.lastRun();
  const found = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(run.stdout);
  assert.ok(!found, `stdout holds the control character ${JSON.stringify(found?.[0])}\n${transcript(run)}`);
});

Then('the output contains {string}', function (this: SpecWorld, text: string) {
  const run = this.lastRun();
  assert.ok(run.stdout.includes(text) || run.stderr.includes(text), `stdout or stderr should contain ${JSON.stringify(text)}\n${transcript(run)}`);
});

Then('the output does not contain {string}', function (this: SpecWorld, text: string) {
  const run = this.lastRun();
  assert.ok(!run.stdout.includes(text) && !run.stderr.includes(text), `neither stdout nor stderr should contain ${JSON.stringify(text)}\n${transcript(run)}`);
});

Then('stdout does not contain {string}', function (this: SpecWorld, text: string) {
  const run = this.lastRun();
  assert.ok(!run.stdout.includes(text), `stdout should not contain ${JSON.stringify(text)}\n${transcript(run)}`);
});

Then('stderr does not contain {string}', function (this: SpecWorld, text: string) {
  const run = this.lastRun();
  assert.ok(!run.stderr.includes(text), `stderr should not contain ${JSON.stringify(text)}\n${transcript(run)}`);
});

Then('stderr contains {string} once', function (this: SpecWorld, text: string) {
  const run = this.lastRun();
  assert.equal(run.stderr.split(text).length - 1, 1, `stderr should contain ${JSON.stringify(text)} exactly once\n${transcript(run)}`);
});

Then('stdout has these lines, each containing its cells in order:', function (this: SpecWorld, table: DataTable) {
  const run = this.lastRun();
  const lines = run.stdout.split('\n').map((line) => line.trim());
  for (const [first, ...rest] of table.raw()) {
    // The first cell starts the line (a key, not a word inside some value); the rest follow it in order.
    const found = lines.some((line) => {
      if (!new RegExp(`^${escapeRegExp(first!)}(\\s|$)`).test(line)) return false;
      let at = first!.length;
      for (const cell of rest) {
        const next = line.indexOf(cell, at);
        if (next < 0) return false;
        at = next + cell.length;
      }
      return true;
    });
    assert.ok(found, `stdout should have a line starting with ${JSON.stringify(first)} then ${rest.map((c) => JSON.stringify(c)).join(', ')}\n${transcript(run)}`);
  }
});

Then('stdout is JSON in which {string} is {string}', function (this: SpecWorld, dotted: string, expected: string) {
  const run = this.lastRun();
  let value: unknown;
  try {
    value = JSON.parse(run.stdout);
  } catch (error) {
    assert.fail(`stdout is not JSON: ${(error as Error).message}\n${transcript(run)}`);
  }
  for (const key of dotted.split('.')) value = value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[key];
  assert.deepEqual(value, JSON.parse(expected), `${dotted} in stdout's JSON\n${transcript(run)}`);
});

Then('stdout is JSON in which {string} contains {string}', function (this: SpecWorld, dotted: string, text: string) {
  const run = this.lastRun();
  const value = valueAt(parsedOr(run.stdout, JSON.parse, transcript(run)), dotted);
  assert.ok(typeof value === 'string' && value.includes(text), `${dotted} in stdout's JSON is ${JSON.stringify(value)}, not a text containing ${JSON.stringify(text)}\n${transcript(run)}`);
});

Then('stderr is empty', function (this: SpecWorld) {
  const run = this.lastRun();
  assert.equal(run.stderr, '', `stderr should be empty\n${transcript(run)}`);
});

Then('stdout is empty', function (this: SpecWorld) {
  const run = this.lastRun();
  assert.equal(run.stdout, '', `stdout should be empty\n${transcript(run)}`);
});

Then('stdout has nothing but JSON-RPC messages', function (this: SpecWorld) {
  const run = this.lastRun();
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  assert.ok(lines.length > 0, `stdout should hold JSON-RPC messages\n${transcript(run)}`);
  for (const line of lines) {
    let message: unknown;
    assert.doesNotThrow(() => (message = JSON.parse(line)), `not JSON on stdout: ${line}\n${transcript(run)}`);
    assert.equal((message as { jsonrpc?: unknown }).jsonrpc, '2.0', `not a JSON-RPC 2.0 message on stdout: ${line}`);
  }
});

Then('the last line of stdout is {string}', function (this: SpecWorld, expected: string) {
  const run = this.lastRun();
  assert.ok(run.stdout.endsWith('\n'), `stdout should end with a newline\n${transcript(run)}`);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines[lines.length - 1], expected, `last line of stdout\n${transcript(run)}`);
});

Then('the last line of stdout matches {string}', function (this: SpecWorld, pattern: string) {
  const run = this.lastRun();
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[lines.length - 1] ?? '', new RegExp(pattern), `last line of stdout\n${transcript(run)}`);
});

Then('stderr is one line containing {string}', function (this: SpecWorld, text: string) {
  const run = this.lastRun();
  const lines = run.stderr.trimEnd().split('\n').filter((line) => !/^\s+→/.test(line));
  assert.equal(lines.length, 1, `stderr should be one message line (plus an optional "→ hint" line)\n${transcript(run)}`);
  assert.ok(lines[0]!.includes(text), `stderr should contain ${JSON.stringify(text)}\n${transcript(run)}`);
});

Then('stdout lists these locations, each with a column:', function (this: SpecWorld, table: DataTable) {
  const run = this.lastRun();
  for (const [where] of table.raw()) {
    const located = new RegExp(`(^|\\s)${escapeRegExp(where!)}:\\d+(\\s|$)`, 'm');
    assert.match(run.stdout, located, `stdout should list ${where}:<column>\n${transcript(run)}`);
  }
});

Then('stdout shows line {int} of the spec marked with ">":', function (this: SpecWorld, line: number, text: string) {
  const run = this.lastRun();
  const marked = new RegExp(`^\\s*>\\s*${line} \\| ${escapeRegExp(text)}$`, 'm');
  assert.match(run.stdout, marked, `stdout should show line ${line} marked with ">" reading ${JSON.stringify(text)}\n${transcript(run)}`);
});

Then('stdout shows the stack frame {string}', function (this: SpecWorld, frame: string) {
  const run = this.lastRun();
  const line = run.stdout.split('\n').find((l) => /^\s+at /.test(l) && l.includes(frame));
  assert.ok(line, `stdout should show a stack frame in ${frame}\n${transcript(run)}`);
});

Then('the output does not mention the project\'s absolute path', function (this: SpecWorld) {
  const run = this.lastRun();
  for (const [name, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
    assert.ok(!text.includes(this.project), `${name} mentions ${this.project}; locations should be project-relative\n${transcript(run)}`);
  }
});

Then('the output has no stack trace', function (this: SpecWorld) {
  const run = this.lastRun();
  const frames = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /^\s+at\s/.test(line));
  assert.deepEqual(frames, [], `the output should have no stack trace\n${transcript(run)}`);
});

Then('the output shows no stack frames of specloop or node internals', function (this: SpecWorld) {
  const run = this.lastRun();
  const internal = /(node:internal|node_modules|\/dist\/|\/src\/(api|bind|cli|config|core|report|run|spec)\/|SPEC_INTERNAL|internal error)/;
  const bad = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => internal.test(line));
  assert.deepEqual(bad, [], `the output should show only the project's own frames\n${transcript(run)}`);
});

Then('stdout has ANSI colour codes', function (this: SpecWorld) {
  const run = this.lastRun();
  assert.match(run.stdout, ANSI, `stdout should be coloured\n${transcript(run)}`);
});

Then('stdout has no ANSI colour codes', function (this: SpecWorld) {
  const run = this.lastRun();
  assert.doesNotMatch(run.stdout, ANSI, `stdout should have no ANSI escapes\n${JSON.stringify(run.stdout)}`);
});

// ── the JSON verdict ───────────────────────────────────────────────────────────────────────────

Then('the verdict is valid JSON matching the schema', function (this: CliWorld) {
  verdictOf(this);
});

Then('the verdict says the project\'s cucumber {string} ran it', function (this: CliWorld, version: string) {
  const verdict = verdictOf(this);
  assert.equal(verdict.tool.cucumber, version, 'the @cucumber/cucumber version the verdict names');
});

Then('the verdict status is {string}', function (this: CliWorld, status: string) {
  const verdict = verdictOf(this);
  assert.equal(verdict.status, status, `verdict status\n${summaryOf(verdict)}`);
});

Then('the verdict counts {int} passed and {int} failed scenario(s)', function (this: CliWorld, passed: number, failed: number) {
  const verdict = verdictOf(this);
  const s = verdict.counts.scenarios;
  // As the summary line counts them: undefined, ambiguous and pending scenarios are failed ones (flaky ones are neither).
  const actual = { passed: s.passed, failed: s.total - s.passed - s.skipped - (s.flaky ?? 0) };
  assert.deepEqual(actual, { passed, failed }, `scenario counts ${JSON.stringify(s)}\n${summaryOf(verdict)}`);
});

Then('the verdict\'s closing line is {string}', function (this: CliWorld, expected: string) {
  const verdict = verdictOf(this);
  assert.equal(verdict.summary, expected, `the verdict's summary\n${summaryOf(verdict)}`);
});

Then('the verdict counts {int} skipped scenario(s)', function (this: CliWorld, skipped: number) {
  const verdict = verdictOf(this);
  assert.equal(verdict.counts.scenarios.skipped, skipped, `skipped scenarios\n${summaryOf(verdict)}`);
});

Then('the verdict ran exactly these scenarios:', function (this: CliWorld, table: DataTable) {
  const verdict = verdictOf(this);
  const expected = table.raw().map((row) => row[0]!).sort();
  const actual = verdict.scenarios.map((s) => s.id).sort();
  assert.deepEqual(actual, expected, 'the scenarios the verdict reports (file:line)');
});

Then('the verdict counts {int} draft scenario(s), {int} of them failed', function (this: CliWorld, total: number, failed: number) {
  const verdict = verdictOf(this);
  const d = verdict.counts.drafts;
  const actual = { total: d?.total ?? 0, failed: d ? d.total - d.passed - d.skipped : 0 };
  assert.deepEqual(actual, { total, failed }, `draft counts ${JSON.stringify(d)}\n${summaryOf(verdict)}`);
});

Then('the verdict has no warnings', function (this: CliWorld) {
  const verdict = verdictOf(this);
  assert.deepEqual(verdict.warnings.map(describeWarning), [], 'warnings');
});

Then('the verdict has a(n) {string} warning at {string}', function (this: CliWorld, code: string, where: string) {
  const verdict = verdictOf(this);
  const found = verdict.warnings.find((w) => w.code === code && w.location && matchesLocation(w.location, where));
  assert.ok(found, `no ${code} warning at ${where}; warnings:\n${verdict.warnings.map(describeWarning).join('\n') || '  (none)'}`);
  this.warning = found;
});

Then('the verdict has a(n) {string} warning', function (this: CliWorld, code: string) {
  const verdict = verdictOf(this);
  const found = verdict.warnings.filter((w) => w.code === code);
  assert.equal(found.length, 1, `one ${code} warning expected; warnings:\n${verdict.warnings.map(describeWarning).join('\n') || '  (none)'}`);
  this.warning = found[0];
});

Then('the verdict has no {string} warning', function (this: CliWorld, code: string) {
  const verdict = verdictOf(this);
  assert.deepEqual(verdict.warnings.filter((w) => w.code === code).map(describeWarning), [], `no ${code} warning expected`);
});

Then('that warning\'s {word} contains {string}', function (this: CliWorld, field: 'message' | 'hint', text: string) {
  assert.ok(this.warning, 'no warning selected: use "the verdict has a … warning at …" first');
  const value = this.warning[field] ?? '';
  assert.ok(value.includes(text), `warning ${field} should contain ${JSON.stringify(text)}, got:\n${value}`);
});

Then('that warning has no location', function (this: CliWorld) {
  assert.ok(this.warning, 'no warning selected: use "the verdict has a … warning" first');
  assert.equal(this.warning.location, undefined, `the warning should name no line: ${describeWarning(this.warning)}`);
});

Then('the verdict has a(n) {string} warning saying {string}', function (this: CliWorld, code: string, text: string) {
  const verdict = verdictOf(this);
  const found = verdict.warnings.some((w) => w.code === code && w.message.includes(text));
  assert.ok(found, `no ${code} warning saying ${JSON.stringify(text)}; warnings:\n${verdict.warnings.map((w) => `  ${w.code}: ${w.message}`).join('\n') || '  (none)'}`);
});

Then('the verdict has a(n) {string} failure at {string}', function (this: CliWorld, kind: string, where: string) {
  const verdict = verdictOf(this);
  const found = verdict.failures.find((f) => f.kind === kind && f.location && matchesLocation(f.location, where));
  assert.ok(found, `no ${kind} failure at ${where}; failures:\n${failureList(verdict)}`);
  this.failure = found;
});

Then('the verdict has a(n) {string} failure', function (this: CliWorld, kind: string) {
  const verdict = verdictOf(this);
  const found = verdict.failures.find((f) => f.kind === kind);
  assert.ok(found, `no ${kind} failure; failures:\n${failureList(verdict)}`);
  this.failure = found;
});

Then('the verdict has {int} failure(s)', function (this: CliWorld, count: number) {
  const verdict = verdictOf(this);
  assert.equal(verdict.failures.length, count, `failures:\n${failureList(verdict)}`);
});

Then('the verdict has these {string} failures:', function (this: CliWorld, kind: string, table: DataTable) {
  const verdict = verdictOf(this);
  for (const [where] of table.raw()) {
    const found = verdict.failures.some((f) => f.kind === kind && f.location && matchesLocation(f.location, where!));
    assert.ok(found, `no ${kind} failure at ${where}; failures:\n${failureList(verdict)}`);
  }
});

Then('every {string} failure has a line and a column', function (this: CliWorld, kind: string) {
  const verdict = verdictOf(this);
  const failures = verdict.failures.filter((f) => f.kind === kind);
  assert.ok(failures.length > 0, `no ${kind} failures:\n${failureList(verdict)}`);
  const missing = failures.filter((f) => !f.location || f.location.column === undefined);
  assert.deepEqual(missing.map(describeFailure), [], `every ${kind} failure should be located as file:line:column`);
});

Then('that failure\'s {word} is {string}', function (this: CliWorld, field: string, expected: string) {
  assert.equal(failureField(this, field), expected, `failure ${field}\n${describeFailure(this.failure!)}`);
});

Then('that failure\'s {word} contains {string}', function (this: CliWorld, field: string, text: string) {
  const value = failureField(this, field);
  assert.ok(value.includes(text), `failure ${field} should contain ${JSON.stringify(text)}, got:\n${value}`);
});

Then('that failure\'s {word} contains:', function (this: CliWorld, field: string, text: string) {
  const value = failureField(this, field);
  assert.ok(value.includes(text), `failure ${field} should contain:\n${text}\ngot:\n${value}`);
});

Then('that failure\'s {word} does not contain {string}', function (this: CliWorld, field: string, text: string) {
  const value = failureField(this, field);
  assert.ok(!value.includes(text), `failure ${field} should not contain ${JSON.stringify(text)}, got:\n${value}`);
});

Then('that failure has no {word}', function (this: CliWorld, field: string) {
  const failure = currentFailure(this);
  assert.equal((failure as Record<string, unknown>)[field], undefined, `failure should have no ${field}\n${describeFailure(failure)}`);
});

Then('that failure names the definitions:', function (this: CliWorld, table: DataTable) {
  const failure = currentFailure(this);
  const actual = (failure.matches ?? []).map((m) => ({ pattern: m.pattern, at: `${m.file}:${m.line}` }));
  const expected = table.hashes().map((row) => ({ pattern: row.pattern!, at: row.at! }));
  const key = (d: { at: string }) => d.at;
  assert.deepEqual([...actual].sort((a, b) => key(a).localeCompare(key(b))), [...expected].sort((a, b) => key(a).localeCompare(key(b))), 'the matching definitions');
});

Then('that failure\'s column points at {string} on its line', function (this: CliWorld, keyword: string) {
  const failure = currentFailure(this);
  const location = failure.location;
  assert.ok(location, 'the failure has no location');
  assert.ok(location.column !== undefined, `the failure at ${location.file}:${location.line} has no column`);
  const source = readFileSync(path.join(this.project, location.file), 'utf8').split(/\r?\n/)[location.line - 1] ?? '';
  assert.equal(source.slice(location.column - 1, location.column - 1 + keyword.length), keyword, `column ${location.column} of ${JSON.stringify(source)}`);
});

Then('the verdict lists the unused step {string} at {string}', function (this: CliWorld, pattern: string, where: string) {
  const verdict = verdictOf(this);
  const found = verdict.unusedSteps.some((u) => u.pattern === pattern && `${u.file}:${u.line}` === where);
  assert.ok(found, `unusedSteps should list "${pattern}" at ${where}: ${JSON.stringify(verdict.unusedSteps)}`);
});

Then('the verdict does not list the unused step {string}', function (this: CliWorld, pattern: string) {
  const verdict = verdictOf(this);
  assert.ok(!verdict.unusedSteps.some((u) => u.pattern === pattern), `unusedSteps should not list "${pattern}": ${JSON.stringify(verdict.unusedSteps)}`);
});

Then('the verdict says unused steps were {string}', function (this: CliWorld, text: string) {
  const verdict = verdictOf(this);
  assert.ok(verdict.unusedNote?.includes(text), `unusedNote should contain ${JSON.stringify(text)}: ${JSON.stringify(verdict.unusedNote)}`);
});

Then('the verdict lists no unused steps', function (this: CliWorld) {
  const verdict = verdictOf(this);
  assert.deepEqual(verdict.unusedSteps, []);
});

Then('the verdict has a gate {string} with the status {string}', function (this: CliWorld, name: string, status: string) {
  const verdict = verdictOf(this);
  const gate = verdict.gates.find((g) => g.name === name);
  assert.ok(gate, `no gate "${name}" in ${JSON.stringify(verdict.gates)}`);
  assert.equal(gate.status, status, `gate ${name}: ${JSON.stringify(gate)}`);
});

Then('the verdict has no gate {string}', function (this: CliWorld, name: string) {
  const verdict = verdictOf(this);
  assert.deepEqual(verdict.gates.filter((g) => g.name === name), [], `gate "${name}" ran`);
});

Then('the verdict ran no gates', function (this: CliWorld) {
  const verdict = verdictOf(this);
  assert.deepEqual(verdict.gates.map((g) => g.name), []);
});

Then('the verdict reports the scenario {string} as {word}', function (this: CliWorld, id: string, status: string) {
  const verdict = verdictOf(this);
  const scenario = verdict.scenarios.find((s) => s.id === id);
  assert.ok(scenario, `no scenario ${id} in ${JSON.stringify(verdict.scenarios.map((s) => s.id))}`);
  assert.equal(scenario.status, status, `scenario ${id}`);
});

// ── files ──────────────────────────────────────────────────────────────────────────────────────

Then('the file {string} exists', function (this: SpecWorld, relative: string) {
  assert.ok(existsSync(projectFile(this, relative)), `${relative} should exist`);
});

Then('the file {string} does not exist', function (this: SpecWorld, relative: string) {
  assert.ok(!existsSync(projectFile(this, relative)), `${relative} should not exist`);
});

Then('the file {string} contains {string}', function (this: SpecWorld, relative: string, text: string) {
  const content = readFileSync(projectFile(this, relative), 'utf8');
  assert.ok(content.includes(text), `${relative} should contain ${JSON.stringify(text)}:\n${content}`);
});

Then('the file {string} contains {string} once', function (this: SpecWorld, relative: string, text: string) {
  const content = readFileSync(projectFile(this, relative), 'utf8');
  assert.equal(content.split(text).length - 1, 1, `${relative} should contain ${JSON.stringify(text)} exactly once:\n${content}`);
});

Then('the file {string} does not contain {string}', function (this: SpecWorld, relative: string, text: string) {
  const content = readFileSync(projectFile(this, relative), 'utf8');
  assert.ok(!content.includes(text), `${relative} should not contain ${JSON.stringify(text)}:\n${content}`);
});

Then('the file {string} has no ANSI colour codes', function (this: SpecWorld, relative: string) {
  const content = readFileSync(projectFile(this, relative), 'utf8');
  assert.doesNotMatch(content, ANSI, `${relative} should have no ANSI escapes\n${JSON.stringify(content)}`);
});

Then('the file {string} is a verdict matching the schema that counts {int} passed and {int} failed scenarios', function (this: CliWorld, relative: string, passed: number, failed: number) {
  const file = projectFile(this, relative);
  assert.ok(existsSync(file), `${relative} should exist\n${transcript(this.lastRun())}`);
  const verdict = parseVerdict(readFileSync(file, 'utf8'), relative);
  assert.equal(verdict.exitCode, this.lastRun().exitCode, `${relative}: the verdict's exitCode is the process exit code`);
  const s = verdict.counts.scenarios;
  assert.deepEqual({ passed: s.passed, failed: s.total - s.passed - s.skipped }, { passed, failed }, `${relative}: scenario counts ${JSON.stringify(s)}`);
});

Then('the file {string} has the same number of lines as {string}', function (this: SpecWorld, compiled: string, source: string) {
  const count = (relative: string) => readFileSync(projectFile(this, relative), 'utf8').split(/\r\n|\r|\n/).length;
  assert.equal(count(compiled), count(source), `${compiled} should have as many lines as ${source}`);
});

Then('line {int} of {string} contains {string}', function (this: SpecWorld, line: number, relative: string, text: string) {
  const lines = readFileSync(projectFile(this, relative), 'utf8').split(/\r\n|\r|\n/);
  const actual = lines[line - 1];
  assert.ok(actual !== undefined && actual.includes(text), `line ${line} of ${relative} should contain ${JSON.stringify(text)}, it is ${JSON.stringify(actual)}`);
});

Then('these files exist:', function (this: SpecWorld, table: DataTable) {
  const missing = table.raw().map((row) => row[0]!).filter((f) => !existsSync(projectFile(this, f)));
  assert.deepEqual(missing, [], 'files that should exist');
});

Then('no file in the project has changed', function (this: CliWorld) {
  assert.ok(this.snapshot, 'no snapshot: use "I note the contents of every file in the project" first');
  const now = readTree(this.project, (rel) => !rel.startsWith('.spec/'));
  const before = new Map([...this.snapshot].filter(([rel]) => !rel.startsWith('.spec/')));
  assert.deepEqual([...now.keys()].sort(), [...before.keys()].sort(), 'the files in the project');
  const changed = [...before].filter(([rel, content]) => !content.equals(now.get(rel)!)).map(([rel]) => rel);
  assert.deepEqual(changed, [], 'files whose contents changed');
});

Then('the only files added or changed in the project are:', function (this: CliWorld, table: DataTable) {
  assert.ok(this.snapshot, 'no snapshot: use "I note the contents of every file in the project" first');
  const now = readTree(this.project, (rel) => !rel.startsWith('.spec/'));
  const touched = [...now].filter(([rel, content]) => !this.snapshot!.get(rel)?.equals(content)).map(([rel]) => rel);
  const removed = [...this.snapshot.keys()].filter((rel) => !rel.startsWith('.spec/') && !now.has(rel));
  assert.deepEqual(removed, [], 'files that were removed');
  assert.deepEqual(touched.sort(), table.raw().map((row) => row[0]!).sort(), 'the files added or changed');
});

Then('the only {string} folder in the project is the one at its root', function (this: SpecWorld, name: string) {
  const stray = foldersNamed(this.project, name).filter((rel) => rel !== name);
  assert.deepEqual(stray, [], `"${name}" folders below the project root`);
});

Then('there is no {string} folder anywhere in the project', function (this: SpecWorld, name: string) {
  assert.deepEqual(foldersNamed(this.project, name), [], `"${name}" folders in the project`);
});

Then('there is no {string} folder under {string}', function (this: SpecWorld, name: string, folder: string) {
  assert.deepEqual(foldersNamed(projectFile(this, folder), name), [], `"${name}" folders under ${folder}`);
});

Then('the project folder is empty', function (this: SpecWorld) {
  assert.deepEqual(readdirSync(this.project), [], 'what was written into the project folder');
});

Then('the JSON file {string} has {string} equal to:', function (this: SpecWorld, relative: string, dotted: string, expected: string) {
  const text = readFileSync(projectFile(this, relative), 'utf8');
  assert.deepEqual(valueAt(parsedOr(text, JSON.parse, text), dotted), JSON.parse(expected), `${dotted} in ${relative}:\n${text}`);
});

Then('the TOML file {string} has {string} equal to:', function (this: SpecWorld, relative: string, dotted: string, expected: string) {
  const text = readFileSync(projectFile(this, relative), 'utf8');
  // Through JSON: smol-toml's tables have no prototype, which deepEqual tells from a JSON object.
  const toml = parsedOr(text, (t) => JSON.parse(JSON.stringify(parseToml(t))), text);
  assert.deepEqual(valueAt(toml, dotted), JSON.parse(expected), `${dotted} in ${relative}:\n${text}`);
});

Then('the file {string} is byte-identical to what it was', function (this: CliWorld, relative: string) {
  assert.ok(this.snapshot, 'no snapshot: use "I note the contents of every file in the project" first');
  const before = this.snapshot.get(relative);
  assert.ok(before, `${relative} was not in the snapshot`);
  assert.ok(before.equals(readFileSync(projectFile(this, relative))), `${relative} changed:\n${readFileSync(projectFile(this, relative), 'utf8')}`);
});

// ── helpers ────────────────────────────────────────────────────────────────────────────────────

function parsedOr(text: string, parse: (text: string) => unknown, shown: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    return assert.fail(`not parseable: ${(error as Error).message}\n${shown}`);
  }
}

/** The value at a dotted path (array items by index), undefined where the path leads nowhere. */
function valueAt(value: unknown, dotted: string): unknown {
  for (const key of dotted.split('.')) value = value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[key];
  return value;
}

/** Splits a command line on spaces, keeping "double" or 'single' quoted parts together. */
function splitCommand(command: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let started = false;
  for (const ch of command.trim()) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  assert.equal(quote, undefined, `unbalanced quote in: ${command}`);
  if (started) args.push(current);
  return args;
}

function checked(world: SpecWorld): CliRun {
  const run = world.lastRun();
  run.checked = true;
  return run;
}

function projectFile(world: SpecWorld, relative: string): string {
  assert.ok(world.project, 'no project: start the scenario with a "Given the … fixture" step');
  const target = path.resolve(world.project, relative);
  assert.ok(isInside(target, world.project), `${relative} is outside the project`);
  return target;
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Project-relative paths of every folder called `name`, not looking into node_modules. */
function foldersNamed(root: string, name: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // A running spec watch makes and removes short-lived folders (a write lock): gone is not found.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.name === name) found.push(path.relative(root, full).split(path.sep).join('/'));
      walk(full);
    }
  };
  walk(root);
  return found.sort();
}

/** The first folder at or above `dir` holding a package.json or a spec or cucumber config. */
function projectMarkersAbove(dir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    if (readdirSync(at).some((f) => f === 'package.json' || /^(spec\.config|cucumber)\.[a-z]+$/.test(f))) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

function readTree(root: string, keep: (rel: string) => boolean = () => true): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (keep(rel)) files.set(rel, readFileSync(path.join(root, rel)));
  }
  return files;
}

function assertContains(run: CliRun, stream: 'stdout' | 'stderr', text: string): void {
  assert.ok(run[stream].includes(text), `${stream} should contain:\n${text}\n${transcript(run)}`);
}

/** Parses stdout as the one JSON document `--json` prints, and validates it against the verdict schema. */
function verdictOf(world: CliWorld): Verdict {
  const run = world.lastRun();
  assert.ok(run.stdout.trim().startsWith('{'), `stdout should be a JSON verdict\n${transcript(run)}`);
  let parsed: unknown;
  try {
    // JSON.parse rejects anything after the first document, so this also proves there is only one.
    parsed = JSON.parse(run.stdout);
  } catch (error) {
    assert.fail(`stdout is not exactly one JSON document (${(error as Error).message})\n${transcript(run)}`);
  }
  const verdict = parseVerdict(parsed, 'stdout');
  assert.equal(verdict.exitCode, run.exitCode, 'the verdict\'s exitCode is the process exit code');
  return verdict;
}

/** A verdict checked against the published schema; `where` names its source in the failure. */
function parseVerdict(input: unknown, where: string): Verdict {
  let parsed = input;
  if (typeof input === 'string') {
    try {
      parsed = JSON.parse(input);
    } catch (error) {
      assert.fail(`${where} is not exactly one JSON document (${(error as Error).message})\n${input}`);
    }
  }
  const result = VerdictSchema.safeParse(parsed);
  if (!result.success) {
    assert.fail(`${where} does not match the verdict schema:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return result.data;
}

function currentFailure(world: CliWorld): Failure {
  assert.ok(world.failure, 'no failure selected: use "the verdict has a … failure" first');
  return world.failure;
}

function failureField(world: CliWorld, field: string): string {
  const failure = currentFailure(world);
  const value = (failure as Record<string, unknown>)[field];
  assert.ok(value !== undefined, `the failure has no ${field}:\n${describeFailure(failure)}`);
  if (field === 'excerpt' && failure.excerpt) return failure.excerpt.lines.join('\n');
  if (field === 'location' && failure.location) return formatWhere(failure.location);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "file:line" matches any column; "file:line:column" must match the column too. */
function matchesLocation(location: NonNullable<Failure['location']>, where: string): boolean {
  const withColumn = /:\d+:\d+$/.test(where);
  return withColumn ? formatWhere(location) === where : `${location.file}:${location.line}` === where;
}

function formatWhere(location: NonNullable<Failure['location']>): string {
  return location.column === undefined ? `${location.file}:${location.line}` : `${location.file}:${location.line}:${location.column}`;
}

function describeFailure(failure: Failure): string {
  return `${failure.kind} ${failure.location ? formatWhere(failure.location) : '(no location)'}: ${failure.message.split('\n')[0]}`;
}

function describeWarning(warning: Warning): string {
  return `${warning.code} ${warning.location ? formatWhere(warning.location) : '(no location)'}: ${warning.message}`;
}

function failureList(verdict: Verdict): string {
  return verdict.failures.map((f) => `  ${describeFailure(f)}`).join('\n') || '  (none)';
}

function summaryOf(verdict: Verdict): string {
  return `${verdict.summary}; failures:\n${failureList(verdict)}`;
}

function transcript(run: CliRun): string {
  return `--- spec ${run.args.join(' ')} (exit ${run.exitCode})\n--- stdout:\n${run.stdout}--- stderr:\n${run.stderr}---`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ── processes ──────────────────────────────────────────────────────────────────────────────────

Then('the process whose id is in {string} is no longer running', function (this: CliWorld, relative: string) {
  const pid = Number(readFileSync(this.file(relative), 'utf8').trim());
  assert.ok(pid > 0, `${relative} holds no process id`);
  assert.equal(isAlive(pid), false, `process ${pid}, started by a step, outlived spec`);
});

Then('no process is left running in the project folder', function (this: CliWorld) {
  const left = processesIn(this.project);
  assert.deepEqual(left, [], `processes still running in ${this.project}: ${left.join(', ')}`);
});

/** A killed process whose parent died too stays a zombie until init reaps it (some sandboxes' init never does). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Linux: every process whose working folder is inside the project (spec's runner child, anything it started). */
function processesIn(folder: string): number[] {
  if (!existsSync('/proc')) return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === folder || cwd.startsWith(`${folder}/`)) pids.push(Number(entry));
    } catch {
      // gone already, or not ours to read
    }
  }
  return pids;
}

// ── git ────────────────────────────────────────────────────────────────────────────────────────

Given('the project is a git repository with everything committed', function (this: CliWorld) {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: this.project, stdio: 'ignore' });
  writeFileSync(this.file('.gitignore'), 'node_modules/\n.spec/\n');
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=spec@example.com', '-c', 'user.name=spec', 'commit', '-qm', 'start');
});

Given('the project is a git repository of its own, its .gitignore as it is', function (this: CliWorld) {
  execFileSync('git', ['init', '-q'], { cwd: this.project, stdio: 'ignore' });
});

Then('git ignores these paths:', function (this: CliWorld, table: DataTable) {
  for (const [relative] of table.raw()) assert.ok(gitIgnores(this, relative!), `git does not ignore ${relative}`);
});

Then('git does not ignore these paths:', function (this: CliWorld, table: DataTable) {
  for (const [relative] of table.raw()) assert.ok(!gitIgnores(this, relative!), `git ignores ${relative}`);
});

/** `git check-ignore` exits 0 when the path is ignored, 1 when it is not (it need not exist). */
function gitIgnores(world: CliWorld, relative: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '-q', '--no-index', relative], { cwd: world.project, stdio: 'ignore' });
    return true;
  } catch (error) {
    if ((error as { status?: number }).status === 1) return false;
    throw error;
  }
}

Given('I commit every change', function (this: CliWorld) {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: this.project, stdio: 'ignore' });
  git('add', '-A');
  git('-c', 'user.email=spec@example.com', '-c', 'user.name=spec', 'commit', '-qm', 'agent commit');
});

Given('I append {string} to the file {string}', function (this: CliWorld, text: string, relative: string) {
  writeFileSync(this.file(relative), `${readFileSync(this.file(relative), 'utf8')}${text}\n`);
});

Given('I replace {string} with {string} in the file {string}', function (this: CliWorld, from: string, to: string, relative: string) {
  const before = readFileSync(this.file(relative), 'utf8');
  assert.ok(before.includes(from), `${relative} does not contain ${JSON.stringify(from)}`);
  writeFileSync(this.file(relative), before.replace(from, to));
});

Given('I touch the file {string}', function (this: CliWorld, relative: string) {
  const now = new Date();
  utimesSync(this.file(relative), now, now);
});

/** A file older than its neighbours: a checkout writes files in its own order, whatever was built from what. */
Given('I set the modification time of {string} to one minute ago', function (this: CliWorld, relative: string) {
  const before = new Date(Date.now() - 60_000);
  utimesSync(this.file(relative), before, before);
});

/** An edit the file's modification time does not show: a coarse clock, or a copy that keeps times. */
Given('I replace {string} with {string} in the file {string}, keeping its modification time', function (this: CliWorld, from: string, to: string, relative: string) {
  const before = readFileSync(this.file(relative), 'utf8');
  assert.ok(before.includes(from), `${relative} does not contain ${JSON.stringify(from)}`);
  keepingTimes(this.file(relative), () => writeFileSync(this.file(relative), before.replace(from, to)));
});

Given('I append {string} to the file {string}, keeping its modification time', function (this: CliWorld, text: string, relative: string) {
  keepingTimes(this.file(relative), () => writeFileSync(this.file(relative), `${readFileSync(this.file(relative), 'utf8')}${text}\n`));
});

function keepingTimes(file: string, edit: () => void): void {
  const { atime, mtime } = statSync(file);
  edit();
  utimesSync(file, atime, mtime);
}

Then('the verdict says {string} selected {string} because {string}', function (this: CliWorld, _trigger: string, target: string, because: string) {
  const verdict = this.json<Verdict>();
  const reasons = verdict.watch?.selected ?? [];
  assert.ok(reasons.some((r) => r.target === target && r.because === because), `no reason "${because}" for ${target}: ${JSON.stringify(reasons)}`);
});

Given('I remove the key {string} from the JSON file {string}', function (this: CliWorld, key: string, relative: string) {
  const data = JSON.parse(readFileSync(this.file(relative), 'utf8')) as Record<string, unknown>;
  assert.ok(key in data, `${relative} has no key ${JSON.stringify(key)}`);
  delete data[key];
  writeFileSync(this.file(relative), `${JSON.stringify(data)}\n`);
});

// ── workspaces ─────────────────────────────────────────────────────────────────────────────────

When('I run {string} in the folder {string} with the environment:', async function (this: CliWorld, command: string, folder: string, table: DataTable) {
  const env = Object.fromEntries(table.raw().map(([name, value]) => [name!, value?.replaceAll('<project>', this.project)]));
  await run(this, command, env, undefined, undefined, projectFile(this, folder));
});

// As npm installs a `file:` dependency: a link in the root's node_modules, which every workspace package resolves.
Given('specloop is installed in the project\'s node_modules', function (this: CliWorld) {
  mkdirSync(projectFile(this, 'node_modules'), { recursive: true });
  symlinkSync(REPO, projectFile(this, 'node_modules/specloop'), 'dir');
});

Given('I rename the file {string} to {string}', function (this: CliWorld, from: string, to: string) {
  const target = projectFile(this, to);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, readFileSync(projectFile(this, from)));
  rmSync(projectFile(this, from));
});
