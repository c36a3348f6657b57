// Steps for what a newcomer does around `spec init`: install specloop into the project, compare a
// file's lines, count how often the output says something.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { Given, Then } from '@cucumber/cucumber';
import { REPO, type SpecWorld } from './support/world.js';

// As `npm i -D specloop` would: the project's node_modules/specloop is this checkout (built by `npm test`).
Given('specloop is installed in the project', function (this: SpecWorld) {
  mkdirSync(this.file('node_modules'), { recursive: true });
  symlinkSync(REPO, this.file(path.join('node_modules', 'specloop')), 'dir');
});

Then('the file {string} has these lines, in this order:', function (this: SpecWorld, relative: string, expected: string) {
  const lines = readFileSync(this.file(relative), 'utf8').split(/\r\n|\r|\n/);
  let at = 0;
  for (const line of expected.split('\n')) {
    const found = lines.indexOf(line, at);
    assert.ok(found >= 0, `${relative} should have the line ${JSON.stringify(line)} after line ${at}:\n${lines.join('\n')}`);
    at = found + 1;
  }
});

Then('stdout contains {string} exactly once', function (this: SpecWorld, text: string) {
  const stdout = this.last?.stdout ?? '';
  assert.equal(stdout.split(text).length - 1, 1, `stdout should contain ${JSON.stringify(text)} once:\n${stdout}`);
});
