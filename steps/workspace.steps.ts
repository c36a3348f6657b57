import { mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { Given } from '@cucumber/cucumber';
import type { SpecWorld } from './support/world.js';

/**
 * As `npm install` does in a workspaces monorepo: each workspace package gets a symlink in the
 * root's node_modules (a relative one, so the link survives the copy), named by its package.json.
 * Links are made here rather than committed to the fixture: a copied symlink would point back into
 * fixtures/.
 */
Given('npm has linked the workspace packages into node_modules', function (this: SpecWorld) {
  const root = JSON.parse(readFileSync(this.file('package.json'), 'utf8')) as { workspaces?: string[] };
  for (const pattern of root.workspaces ?? []) {
    if (!pattern.endsWith('/*')) throw new Error(`this step links "folder/*" workspaces only, not ${pattern}`);
    const parent = pattern.slice(0, -2);
    for (const entry of readdirSync(this.file(parent), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const folder = path.join(parent, entry.name);
      const { name } = JSON.parse(readFileSync(this.file(path.join(folder, 'package.json')), 'utf8')) as { name: string };
      const link = this.file(path.join('node_modules', name));
      mkdirSync(path.dirname(link), { recursive: true });
      symlinkSync(path.relative(path.dirname(link), this.file(folder)), link, 'dir');
    }
  }
});
