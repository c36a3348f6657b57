/**
 * Steps that read the reports CI tools read back with those tools' own parsers: JUnit XML with
 * fast-xml-parser, cucumber's message stream with @cucumber/messages and cucumber's own JUnit
 * formatter, the HTML report in headless Chromium, GitHub annotations by the syntax of workflow
 * commands. A report is judged by what its reader finds in it, never by a string search alone.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Then, type DataTable } from '@cucumber/cucumber';
import { getWorstTestStepResult, parseEnvelope, TestStepResultStatus, type Envelope, type TestStepResult } from '@cucumber/messages';
import { JUnitXmlPrinter } from '@cucumber/junit-xml-formatter';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { chromium } from 'playwright-core';
import type { SpecWorld } from './support/world.js';

const CHROMIUM = '/usr/bin/chromium';

function fileOf(world: SpecWorld, relative: string): string {
  const file = path.resolve(world.project, relative);
  const run = world.lastRun();
  assert.ok(existsSync(file), `${relative} should exist\n--- stdout:\n${run.stdout}--- stderr:\n${run.stderr}`);
  return file;
}

interface JUnitCase {
  name: string;
  failure?: string;
}

/** Every <testcase> of a JUnit document (one <testsuite> or several under <testsuites>), checked well-formed first. */
function junitCases(xml: string, what: string): JUnitCase[] {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `${what} is not well-formed XML: ${JSON.stringify(valid)}`);
  const list = ['testsuite', 'testcase', 'failure', 'error'];
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => list.includes(name) }).parse(xml) as Record<string, unknown>;
  const suites = ((doc.testsuites as { testsuite?: unknown[] } | undefined)?.testsuite ?? doc.testsuite ?? []) as { testcase?: Record<string, unknown>[] }[];
  assert.ok(suites.length > 0, `${what} has no <testsuite>`);
  return suites.flatMap((suite) =>
    (suite.testcase ?? []).map((c) => {
      const failed = ((c.failure ?? c.error) as Record<string, unknown>[] | undefined)?.[0];
      return { name: String(c.name), ...(failed ? { failure: [failed.message, failed['#text']].filter(Boolean).join('\n') } : {}) };
    }),
  );
}

function expectCases(cases: JUnitCase[], total: number, failed: number, what: string): void {
  assert.deepEqual({ total: cases.length, failed: cases.filter((c) => c.failure !== undefined).length }, { total, failed }, `${what}: ${JSON.stringify(cases)}`);
}

Then('the file {string} is JUnit XML with {int} test cases, {int} of them failed', function (this: SpecWorld, relative: string, total: number, failed: number) {
  expectCases(junitCases(readFileSync(fileOf(this, relative), 'utf8'), relative), total, failed, relative);
});

Then('the JUnit test case {string} in {string} failed with {string}', function (this: SpecWorld, name: string, relative: string, text: string) {
  const found = junitCases(readFileSync(fileOf(this, relative), 'utf8'), relative).find((c) => c.name.includes(name));
  assert.ok(found?.failure, `${relative}: no failed test case named ${JSON.stringify(name)}`);
  assert.ok(found.failure.includes(text), `${relative}: the failure of ${name} should contain ${JSON.stringify(text)}:\n${found.failure}`);
});

function envelopesOf(world: SpecWorld, relative: string): Envelope[] {
  const lines = readFileSync(fileOf(world, relative), 'utf8').split('\n').filter((line) => line !== '');
  return lines.map((line, index) => {
    try {
      return parseEnvelope(line);
    } catch (error) {
      throw new Error(`${relative}:${index + 1} is not a cucumber message: ${(error as Error).message}`);
    }
  });
}

Then('the file {string} is a cucumber message stream of {int} test cases, {int} of them failed', function (this: SpecWorld, relative: string, total: number, failed: number) {
  const envelopes = envelopesOf(this, relative);
  assert.ok(envelopes[0]?.meta, `${relative} should start with cucumber's meta message`);
  assert.ok(envelopes.at(-1)?.testRunFinished, `${relative} should end with testRunFinished`);
  const results = new Map<string, TestStepResult[]>();
  for (const e of envelopes) if (e.testStepFinished) results.set(e.testStepFinished.testCaseStartedId, [...(results.get(e.testStepFinished.testCaseStartedId) ?? []), e.testStepFinished.testStepResult]);
  const finished = envelopes.filter((e) => e.testCaseFinished && !e.testCaseFinished.willBeRetried).map((e) => getWorstTestStepResult(results.get(e.testCaseFinished!.testCaseStartedId) ?? []).status);
  assert.deepEqual({ total: finished.length, failed: finished.filter((s) => s === TestStepResultStatus.FAILED).length }, { total, failed }, `${relative}: statuses ${finished.join(', ')}`);
});

// Cucumber reports every definition it loaded, bound or not: what support code the run loaded.
Then('the message stream {string} defines steps from exactly these files:', function (this: SpecWorld, relative: string, table: DataTable) {
  const files = new Set(envelopesOf(this, relative).flatMap((e) => (e.stepDefinition ? [e.stepDefinition.sourceReference.uri ?? '?'] : [])));
  assert.deepEqual([...files].sort(), table.raw().map((row) => row[0]!).sort(), `the files ${relative}'s step definitions come from`);
});

Then('the JUnit files {string} and {string} have the same test cases, statuses and failure messages', function (this: SpecWorld, relative: string, other: string) {
  const cases = (file: string) => junitCases(readFileSync(fileOf(this, file), 'utf8'), file).sort((a, b) => a.name.localeCompare(b.name));
  const mine = cases(relative);
  assert.ok(mine.length > 0, `${relative} has no test case`);
  assert.deepEqual(mine, cases(other), `the test cases of ${relative} against ${other}`);
});

/** Every id a message defines (`id` keys, nested ones too) and every id it names (`…Id`, `…Ids`; a worker's id is no message's). */
function idsOf(value: unknown, defined: string[], named: string[], key = ''): void {
  if (Array.isArray(value)) return value.forEach((item) => idsOf(item, defined, named, key.endsWith('Ids') ? key : ''));
  if (typeof value === 'string') {
    if (key === 'id') defined.push(value);
    else if ((key.endsWith('Id') || key.endsWith('Ids')) && key !== 'workerId') named.push(value);
    return;
  }
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) idsOf(v, defined, named, k);
}

// One run as one machine records it: one meta, start and finish, each spec file once, no id defined twice, none named that is not defined.
Then('the file {string} is one cucumber run whose every reference resolves', function (this: SpecWorld, relative: string) {
  const envelopes = envelopesOf(this, relative);
  const count = (key: keyof Envelope) => envelopes.filter((e) => e[key] !== undefined).length;
  assert.deepEqual({ meta: count('meta'), testRunStarted: count('testRunStarted'), testRunFinished: count('testRunFinished') }, { meta: 1, testRunStarted: 1, testRunFinished: 1 }, relative);
  const uris = envelopes.flatMap((e) => (e.gherkinDocument ? [e.gherkinDocument.uri] : []));
  assert.deepEqual(uris, [...new Set(uris)], `${relative}: a spec file's document more than once`);
  const pickles = envelopes.flatMap((e) => (e.pickle ? [`${e.pickle.uri} ${e.pickle.astNodeIds.join(',')}`] : []));
  assert.deepEqual(pickles, [...new Set(pickles)], `${relative}: a scenario's pickle more than once`);
  const defined: string[] = [];
  const named: string[] = [];
  for (const envelope of envelopes) idsOf(envelope, defined, named);
  const twice = defined.filter((id, index) => defined.indexOf(id) !== index);
  assert.deepEqual(twice, [], `${relative}: ids defined twice`);
  const known = new Set(defined);
  assert.deepEqual([...new Set(named.filter((id) => !known.has(id)))], [], `${relative}: ids named but never defined`);
});

Then("cucumber's JUnit formatter fed {string} reports {int} test cases, {int} of them failed", function (this: SpecWorld, relative: string, total: number, failed: number) {
  let xml = '';
  const printer = new JUnitXmlPrinter({}, (chunk) => (xml += chunk));
  for (const envelope of envelopesOf(this, relative)) printer.update(envelope);
  expectCases(junitCases(xml, `the JUnit formatter's report of ${relative}`), total, failed, relative);
});

Then('the file {string} renders in headless Chromium without console errors, showing {string}', async function (this: SpecWorld, relative: string, text: string) {
  const file = fileOf(this, relative);
  // Without Chromium the check is skipped, never passed: the scenario shows as skipped.
  if (!existsSync(CHROMIUM)) return 'skipped';
  const profile = mkdtempSync(path.join(os.tmpdir(), 'specloop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => (message.type() === 'error' ? errors.push(message.text()) : undefined));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // The report is a React app drawn from the embedded messages: the scenario appears once it rendered.
    await page.getByText(text).first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(200);
    assert.deepEqual(errors, [], `${relative}: console errors`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return undefined;
});

interface Annotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** GitHub's workflow commands in stdout: `::command key=value,…::message`, properties and message unescaped. */
function annotations(stdout: string): Annotation[] {
  const unescape = (value: string) => value.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  return stdout
    .split('\n')
    .map((line) => /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ command: m[1]!, properties: Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))])), message: unescape(m[3]!) }));
}

Then('stdout has exactly {int} GitHub annotation(s)', function (this: SpecWorld, count: number) {
  const found = annotations(this.lastRun().stdout);
  assert.equal(found.length, count, `annotations: ${JSON.stringify(found)}\n${this.lastRun().stdout}`);
});

Then('stdout has the GitHub annotation {string} at {string} line {int} titled {string}', function (this: SpecWorld, command: string, file: string, line: number, title: string) {
  const found = annotations(this.lastRun().stdout);
  const match = found.find((a) => a.command === command && a.properties.file === file && a.properties.line === String(line) && a.properties.title?.includes(title));
  assert.ok(match, `no ::${command} at ${file}:${line} titled ${title} in ${JSON.stringify(found)}\n${this.lastRun().stdout}`);
});
