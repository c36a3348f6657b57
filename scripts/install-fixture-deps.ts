// Installs, one after another, the dependencies of every fixture that has its own lock file, before
// the acceptance specs run (scripts/test.mjs). Scenarios on parallel workers would otherwise start
// the same first install at once, and concurrent `npm ci` runs trip over each other (ENOTEMPTY).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureDependencies } from '../steps/support/fixture-deps.js';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const fixtures = readdirSync(path.join(repo, 'fixtures')).filter((name) => existsSync(path.join(repo, 'fixtures', name, 'package-lock.json')));
for (const fixture of fixtures) fixtureDependencies(repo, fixture);
process.stdout.write(`fixture dependencies ready: ${fixtures.join(', ')}\n`);
