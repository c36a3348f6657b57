/** Steps for `spec steps`: its JSON against the catalogue schema, and the project's own tsc on what it wrote. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Then } from '@cucumber/cucumber';
import { StepsCatalogueSchema } from '../src/bind/catalogue-schema.js';
import { REPO, type SpecWorld } from './support/world.js';

Then('stdout is a steps catalogue matching its schema', function (this: SpecWorld) {
  this.jsonMatching(StepsCatalogueSchema, 'StepsCatalogueSchema');
});

// The repository's TypeScript (the project copy lives inside the repo, so it resolves @cucumber/cucumber and @types/node).
Then("the project's TypeScript compiler accepts the project", { timeout: 120_000 }, function (this: SpecWorld) {
  const tsc = path.join(REPO, 'node_modules', '.bin', 'tsc');
  const result = spawnSync(tsc, ['-p', 'tsconfig.json', '--noEmit'], { cwd: this.project, encoding: 'utf8' });
  assert.equal(result.status, 0, `tsc -p tsconfig.json in ${this.project} exited ${result.status}:\n${result.stdout}${result.stderr}`);
});
