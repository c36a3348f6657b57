/**
 * The README's install commands for users: specloop is not on the npm registry, so `npm i -D
 * specloop` would 404. The commands must install it from a tarball packed from this repository,
 * named as `npm pack` names it for this package.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };

function installBlock(): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Using it in a project'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('the README has no ```sh block under "Using it in a project"');
  return block[1]!;
}

describe("README's install commands", () => {
  it('never install specloop from the registry it is not published on', () => {
    const commands = installBlock().split('\n').map((line) => line.replace(/#.*$/, ''));
    for (const line of commands) expect(line).not.toMatch(/npm (?:i|install)\b[^\n]*\s(?:-D\s+)?specloop(?:@\S*)?(?:\s|$)/);
  });

  it('pack it here and install the tarball by the name npm pack gives it', () => {
    const block = installBlock();
    expect(block).toContain('npm pack');
    expect(block).toMatch(new RegExp(`npm i -D \\S*${pkg.name}-${pkg.version.replace(/\./g, '\\.')}\\.tgz`));
  });
});
