import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Then, When } from '@cucumber/cucumber';
import { DebtReportSchema, HistoryEntrySchema } from '../src/debt/model.js';
import { REPO, type SpecWorld } from './support/world.js';

Then('stdout is a debt report matching its schema', function (this: SpecWorld) {
  this.jsonMatching(DebtReportSchema, 'DebtReportSchema');
});

// Two verify runs at once in one project: each appends its history line under the .spec/ lock.
When('I run {string} twice at once', async function (this: SpecWorld, command: string) {
  const args = command.replace(/^spec /, '').split(' ');
  const once = () => new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin/spec.js'), ...args], { cwd: this.project, stdio: 'ignore' });
    child.on('close', resolve);
  });
  const codes = await Promise.all([once(), once()]);
  assert.deepEqual(codes, [0, 0], `both runs of ${command} should pass`);
});

Then('{string} holds {int} whole history entries', function (this: SpecWorld, relative: string, count: number) {
  const text = readFileSync(path.join(this.project, relative), 'utf8');
  assert.ok(text.endsWith('\n'), `${relative} should end with a newline:\n${text}`);
  const lines = text.split('\n').filter(Boolean);
  for (const line of lines) assert.ok(HistoryEntrySchema.safeParse(JSON.parse(line)).success, `not a whole history entry: ${line}`);
  assert.equal(lines.length, count, `${relative}:\n${text}`);
});
