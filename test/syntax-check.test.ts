import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsSyntaxErrorAt } from '../src/core/syntax-check.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

describe('jsSyntaxErrorAt', () => {
  it("gives the line and column Node's parser stops at in an ES module", () => {
    const file = path.join(tempDir('syntax-check-'), 'steps.mjs');
    writeFileSync(file, "import { Given } from '@cucumber/cucumber';\n\nGiven('x', function () {\n  return {;\n});\n");
    expect(jsSyntaxErrorAt(file)).toEqual({ line: 4, column: 11 });
  });

  it('says nothing of a file that parses, or one that is not JavaScript', () => {
    const dir = tempDir('syntax-check-');
    writeFileSync(path.join(dir, 'fine.mjs'), 'export const a = 1;\n');
    writeFileSync(path.join(dir, 'steps.ts'), 'const a: number = {;\n');
    expect(jsSyntaxErrorAt(path.join(dir, 'fine.mjs'))).toBeUndefined();
    expect(jsSyntaxErrorAt(path.join(dir, 'steps.ts'))).toBeUndefined();
  });
});
