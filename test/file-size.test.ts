import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(root, 'src');
/** Over this many bytes, a file in src/ says at its top why (STYLE.md 9: small, single-purpose files). */
const LIMIT = 10_240;

/**
 * Files known to be too big while someone splits them (empty: every big file says why). The
 * stale check below fails when a listed file no longer needs the exception.
 */
const BEING_SPLIT: string[] = [];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : [full];
  });
}

/** The comments a file opens with (after a shebang), before its first line of code. */
function leadingComment(text: string): string {
  const lines = text.replace(/^#!.*\n/, '').split('\n');
  const comment: string[] = [];
  let inBlock = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (inBlock || trimmed.startsWith('/*')) {
      comment.push(trimmed);
      inBlock = !trimmed.includes('*/');
    } else if (trimmed.startsWith('//') || trimmed === '') comment.push(trimmed);
    else break;
  }
  return comment.join('\n');
}

/** Whether the leading comment has a line `Size: …` (in a block comment, after its `*`). */
function saysWhyItIsBig(text: string): boolean {
  return leadingComment(text)
    .split('\n')
    .some((line) => /^(?:\/\*\*?|\*|\/\/)?\s*Size:\s*\S/.test(line));
}

const relative = (file: string) => path.relative(src, file).split(path.sep).join('/');

describe(`files in src/ over ${LIMIT} bytes`, () => {
  const files = sourceFiles(src);
  const big = files.filter((file) => fs.statSync(file).size > LIMIT);

  it('say at their top why they are that big (a "Size:" line in the first comment)', () => {
    const unexplained = big.filter((file) => !BEING_SPLIT.includes(relative(file)) && !saysWhyItIsBig(fs.readFileSync(file, 'utf8')));
    const listed = unexplained.map((file) => `src/${relative(file)} (${fs.statSync(file).size} bytes)`);
    expect(listed, `split these by job (a module to one job), or say at the top why one job needs the size (" * Size: …"):\n${listed.join('\n')}`).toEqual([]);
  });

  it('lists as being split only files that are still big and unexplained', () => {
    const stale = BEING_SPLIT.filter((name) => {
      const file = path.join(src, name);
      return !fs.existsSync(file) || fs.statSync(file).size <= LIMIT || saysWhyItIsBig(fs.readFileSync(file, 'utf8'));
    });
    expect(stale, `no longer need an exception: remove them from BEING_SPLIT in test/file-size.test.ts:\n${stale.join('\n')}`).toEqual([]);
  });

  it('reads a "Size:" line only in the comment a file opens with', () => {
    expect(saysWhyItIsBig('/**\n * The registry.\n *\n * Size: one table.\n */\nexport const x = 1;\n')).toBe(true);
    expect(saysWhyItIsBig('#!/usr/bin/env node\n// Size: one table\nexport const x = 1;\n')).toBe(true);
    expect(saysWhyItIsBig('/** Size: one table. */\nexport const x = 1;\n')).toBe(true);
    expect(saysWhyItIsBig('/** The registry. */\nexport const x = 1;\n/** Size: too late */\n')).toBe(false);
    expect(saysWhyItIsBig('export const x = 1;\n// Size: too late\n')).toBe(false);
    expect(saysWhyItIsBig('/**\n * Size:\n */\n')).toBe(false);
    expect(saysWhyItIsBig("/** A file's size: small. */\n")).toBe(false);
  });
});
