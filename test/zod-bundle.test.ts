import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import jsTokens from 'js-tokens';
import { describe, expect, it } from 'vitest';

/*
 * Every command validates with zod, and zod's package loads ≈ 95 modules with all its locales
 * (≈ 60 ms of CPU in verify's CLI thread, beside the runner). The build ships dist/core/zod.js as one
 * bundle of only the zod functions dist/ calls (scripts/bundle-zod.mjs). These tests keep that
 * bundle whole: one door to zod, `z` only used as `z.NAME`, and every such NAME in the bundle.
 */

const SRC = path.resolve('src');
const DIST = path.resolve('dist');
const BUNDLE = path.join(DIST, 'core', 'zod.js');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Significant tokens (no whitespace or comments) of JavaScript source. */
function tokens(text: string): { type: string; value: string }[] {
  return [...jsTokens(text)].filter((t) => !['WhiteSpace', 'LineTerminatorSequence', 'MultiLineComment', 'SingleLineComment'].includes(t.type));
}

/** How `z` is used in compiled JavaScript: the member names read, and any other use. */
function zUses(text: string): { members: string[]; other: string[] } {
  const list = tokens(text);
  const members: string[] = [];
  const other: string[] = [];
  list.forEach((token, i) => {
    if (token.type !== 'IdentifierName' || token.value !== 'z') return;
    const before = list[i - 1]?.value;
    const after = list[i + 1]?.value;
    if (before === '.' || before === '?.') return;
    if (after === '.' && list[i + 2]?.type === 'IdentifierName') members.push(list[i + 2]!.value);
    else if (!(before === '{' && after === '}' && list[i - 2]?.value === 'import')) other.push(list.slice(Math.max(0, i - 3), i + 4).map((t) => t.value).join(' '));
  });
  return { members, other };
}

describe("specloop's one door to zod", () => {
  it('is src/core/zod.ts: no other module imports zod', () => {
    const importers = filesUnder(SRC, /\.[cm]?ts$/).filter((file) => /\bfrom\s+['"]zod(\/[^'"]*)?['"]|import\(\s*['"]zod/.test(readFileSync(file, 'utf8')));
    expect(importers.map((f) => path.relative(SRC, f))).toEqual([path.join('core', 'zod.ts')]);
  });

  it('is used only as z.NAME in what the build ships, every NAME in the bundle', async () => {
    const compiled = filesUnder(DIST, /\.js$/).filter((file) => file !== BUNDLE);
    const used = new Set<string>();
    const otherUses: string[] = [];
    for (const file of compiled) {
      const text = readFileSync(file, 'utf8');
      if (!/from ['"][./]*(core\/)?zod\.js['"]/.test(text)) continue;
      const { members, other } = zUses(text);
      for (const name of members) used.add(name);
      otherUses.push(...other.map((use) => `${path.relative(DIST, file)}: ${use}`));
    }
    const { z } = (await import(pathToFileURL(BUNDLE).href)) as { z: Record<string, unknown> };
    expect(otherUses).toEqual([]);
    expect([...used].filter((name) => z[name] === undefined)).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });

  it('is a bundle that loads neither the zod package nor its locales', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    const imports = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imports).toEqual([]);
    expect(text).not.toMatch(/node_modules\/zod\/v4\/locales\/(?!en\.js)/);
  });

  it('sees a use other than z.NAME for what it is (the check can fail)', () => {
    expect(zUses("import { z } from '../core/zod.js';\nconst a = z.string(); const { object } = z; f(z);")).toEqual({ members: ['string'], other: [expect.stringContaining('} = z ;'), expect.stringContaining('f ( z )')] });
  });
});
