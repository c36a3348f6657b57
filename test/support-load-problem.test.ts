import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './helpers.js';
import { supportLoadProblem } from '../src/run/support-load-problem.js';

const ROOT = tempDir('support-load-');
afterAll(removeTempDirs);
const STEPS = path.join(ROOT, 'steps.mjs');
writeFileSync(STEPS, "import { Given } from '@cucumber/cucumber';\nimport dayjs from 'dayjs';\n");

function errorWith(message: string, stack: string, props: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { stack }, props);
}

describe('supportLoadProblem', () => {
  it('places an ES module import of a missing package at its import line', () => {
    const error = errorWith(`Cannot find package 'dayjs' imported from ${STEPS}`, `Error [ERR_MODULE_NOT_FOUND]: x\n    at packageResolve (node:internal/modules/esm/resolve:854:9)`, { code: 'ERR_MODULE_NOT_FOUND' });
    expect(supportLoadProblem(error, ROOT).location).toEqual({ file: 'steps.mjs', line: 2 });
  });

  it('finds an ES module syntax error that names no file among the loaded support files', () => {
    const error = Object.assign(new SyntaxError("Unexpected token ';'"), { stack: "SyntaxError: Unexpected token ';'\n    at compileSourceTextModule (node:internal/modules/esm/utils:346:16)" });
    const other = path.join(ROOT, 'other.mjs');
    const syntaxAt = (file: string) => (file === STEPS ? { line: 2, column: 11 } : undefined);
    expect(supportLoadProblem(error, ROOT, syntaxAt, [other, `file://${STEPS}`]).location).toEqual({ file: 'steps.mjs', line: 2, column: 11 });
    expect(supportLoadProblem(error, ROOT, syntaxAt, [other]).location).toBeUndefined();
  });

  it('never places a problem inside node internals', () => {
    const error = errorWith('boom', 'Error: boom\n    at wrapSafe (node:internal/modules/cjs/loader:1464:18)');
    expect(supportLoadProblem(error, ROOT).location).toBeUndefined();
  });

  it('reads a file URL in the parser header of an ES module syntax error', () => {
    const error = Object.assign(new SyntaxError("Unexpected token ')'"), { stack: `file://${STEPS}:2\nimport dayjs from 'dayjs');\n                         ^\n\nSyntaxError: Unexpected token ')'` });
    expect(supportLoadProblem(error, ROOT).location).toEqual({ file: 'steps.mjs', line: 2, column: 26 });
  });

  it('keeps the require stack up to the first file outside the project', () => {
    const message = `Cannot find module './x'\nRequire stack:\n- ${ROOT}/a.js\n- ${ROOT}/b.js\n- ${ROOT}/node_modules/@cucumber/cucumber/lib/try_require.js\n- ${ROOT}/package.json`;
    const problem = supportLoadProblem(errorWith(message, `Error: x\n    at Object.<anonymous> (${ROOT}/a.js:3:1)`, { code: 'MODULE_NOT_FOUND', requireStack: [`${ROOT}/a.js`] }), ROOT);
    expect(problem.message).toBe("loading step definitions failed: Cannot find module './x'\nRequire stack:\n- a.js\n- b.js");
    expect(problem.location).toEqual({ file: 'a.js', line: 3, column: 1 });
  });

  it('asks Node\'s parser where a module lexer\'s "Parse error" really is', () => {
    const error = errorWith(`Parse error ${STEPS}:1:1`, `Error: Parse error ${STEPS}:1:1\n    at parse (${ROOT}/node_modules/tsx/dist/lexer.mjs:1:1)`);
    const asked: string[] = [];
    const problem = supportLoadProblem(error, ROOT, (file) => (asked.push(file), { line: 2, column: 8 }));
    expect(asked).toEqual([STEPS]);
    expect(problem.location).toEqual({ file: 'steps.mjs', line: 2, column: 8 });
  });

  it("turns esbuild's 0-based column (tsx's transform errors) into the 1-based column every other location uses", () => {
    const message = `Transform failed with 1 error:\n${STEPS}:2:10: ERROR: Expected ";" but found "dayjs"`;
    const error = errorWith(message, `TransformError: ${message}\n    at failureErrorWithLog (${ROOT}/node_modules/esbuild/lib/main.js:1:1)`);
    expect(supportLoadProblem(error, ROOT).location).toEqual({ file: 'steps.mjs', line: 2, column: 11 });
  });
});
