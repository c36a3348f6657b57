import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typescript } from '../src/impact/typescript.js';
import { executedSourceLines } from '../src/run/source-lines.js';
import { tempDir } from './helpers.js';

const SOURCE = ['export function sign(x: number): number {', '  if (x > 0) {', '    return 1;', '  }', '  return -1;', '}', ''].join('\n');

/** What tsc emits for SOURCE, and the offsets that ran when sign() was only ever called with x ≤ 0. */
function compiled(options: { inlineSourceMap?: boolean; sourceMap?: boolean }) {
  const out = typescript().transpileModule(SOURCE, { fileName: 'sign.ts', compilerOptions: { module: 1, target: 9, ...options } });
  const skipped = out.outputText.indexOf('return 1;');
  return { text: out.outputText, map: out.sourceMapText, ran: [[0, skipped], [skipped + 'return 1;'.length, out.outputText.length]] as [number, number][] };
}

describe('executedSourceLines', () => {
  it('maps the offsets that ran back to the TypeScript lines through an inline source map', () => {
    const root = tempDir('specloop-lines-');
    const { text, ran } = compiled({ inlineSourceMap: true });
    // tsc names the source "sign.ts" beside the script: the original file is src/sign.ts.
    const lines = executedSourceLines(path.join(root, 'src', 'sign.js'), text, ran);
    expect([...lines.keys()]).toEqual([path.join(root, 'src', 'sign.ts')]);
    expect(lines.get(path.join(root, 'src', 'sign.ts'))).toEqual([1, 2, 4, 5, 6]);
  });

  it('reads a .map file the script names', () => {
    const root = tempDir('specloop-lines-');
    const { text, map, ran } = compiled({ sourceMap: true });
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'sign.js.map'), map!);
    const lines = executedSourceLines(path.join(root, 'src', 'sign.js'), text.replace(/sourceMappingURL=.*$/m, 'sourceMappingURL=sign.js.map'), ran);
    expect(lines.get(path.join(root, 'src', 'sign.ts'))).toEqual([1, 2, 4, 5, 6]);
  });

  it("takes a script without a map as its own source: a line counts by its first character's offset", () => {
    const text = "'use strict';\nfunction f() {\n  return 1;\n}\n";
    expect(executedSourceLines('/p/f.js', text, [[0, 30]])).toEqual(new Map([['/p/f.js', [1, 2]]]));
  });
});
