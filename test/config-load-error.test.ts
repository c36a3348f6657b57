import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { configLoadPlace } from '../src/config/load-error.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterEach(removeTempDirs);

async function loadError(name: string, text: string): Promise<{ error: unknown; file: string }> {
  const file = path.join(tempDir('config-load-'), name);
  writeFileSync(file, text);
  try {
    // Node's own loaders, as config/load.ts meets them (vitest's import would transform the file first).
    if (file.endsWith('.cjs')) createRequire(file)(file);
    else await import(/* @vite-ignore */ pathToFileURL(file).href);
  } catch (error) {
    return { error, file };
  }
  throw new Error('expected the config to fail');
}

describe('configLoadPlace', () => {
  it("takes esbuild's place, its 0-based column made 1-based, and drops the wrapping", () => {
    const file = '/p/spec.config.ts';
    const error = new Error(`Transform failed with 1 error:\n${file}:3:12: ERROR: Unexpected ","`);
    expect(configLoadPlace(error, file)).toEqual({ line: 3, column: 13, reason: 'Unexpected ","' });
  });

  it("places a CommonJS config's syntax error at Node's caret", async () => {
    const { error, file } = await loadError('spec.config.cjs', 'module.exports = {\n  a: 1 +,\n};\n');
    expect(configLoadPlace(error, file)).toMatchObject({ line: 2, column: 9 });
  });

  it('places a config that throws at its own frame', async () => {
    const { error, file } = await loadError('spec.config.mjs', 'const x = 1;\nthrow new Error("boom");\n');
    expect(configLoadPlace(error, file)).toEqual({ line: 2, column: 7, reason: 'boom' });
  });

  it('is undefined when nothing places the error in the config', () => {
    expect(configLoadPlace(new Error('no default export'), '/p/spec.config.js')).toBeUndefined();
  });
});
