import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProcessAccess, findProcessAccess, formatAccess, mayRead } from '../scripts/process-access.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const reads = (text: string) => findProcessAccess('src/x.ts', text).map((a) => `${a.line} ${a.what}`);

describe('the environment is injected (scripts/process-access.ts)', () => {
  it('below cli/ only core/env.ts and the runner entry read the process, and only cli/ prints', () => {
    const result = checkProcessAccess(root);
    expect(result.checked).toBeGreaterThan(100);
    const violations = result.violations.map(formatAccess);
    expect(violations, `reads of the process outside cli/, run/worker.ts and core/env.ts:\n${violations.join('\n')}`).toEqual([]);
  });

  it('finds each way of reading env, cwd and the streams, on its line', () => {
    const text = [
      'const a = process.env.HOME;',
      'const b = process.cwd();',
      "process.stdout.write('x');",
      "const c = process['stderr'];",
      'const d = globalThis.process.env;',
      'const { env, pid } = process;',
      'const { cwd: here } = process;',
      "import { stderr } from 'node:process';",
      'console.log(1);',
      'const p = process;',
      'f(process);',
      'const k = process[key];',
    ].join('\n');
    expect(reads(text)).toEqual([
      '1 process.env',
      '2 process.cwd',
      '3 process.stdout',
      '4 process.stderr',
      '5 process.env',
      '6 process.env',
      '7 process.cwd',
      '8 process.stderr',
      '9 console',
      '10 process',
      '11 process',
      '12 process[…]',
    ]);
  });

  it('does not count comments, strings, types, other members or names that only look alike', () => {
    const text = [
      '// process.env.HOME and console.log in a comment',
      "const s = 'process.cwd() in a string, console.error too';",
      'const t = `process.stdout ${1}`;',
      '/* process.stderr */',
      'process.exit(1); process.kill(1); process.platform; process.pid;',
      'type W = typeof process.stderr.write;',
      'const o = { env: 1, console: 2, process: 3 };',
      'o.env; o.console; o.process;',
      'function f(process: { env: string }) { return 1; }',
      'interface E { env: NodeJS.ProcessEnv; console: string }',
      "import { argv } from 'node:process';",
    ].join('\n');
    expect(reads(text)).toEqual([]);
  });

  it('lets cli/ and the runner entry read everything, core/env.ts the process but not console', () => {
    expect(mayRead('src/cli/verify.ts', 'console')).toBe(true);
    expect(mayRead('src/run/worker.ts', 'process.env')).toBe(true);
    expect(mayRead('src/core/env.ts', 'process.cwd')).toBe(true);
    expect(mayRead('src/core/env.ts', 'console')).toBe(false);
    expect(mayRead('src/run/start.ts', 'process.cwd')).toBe(false);
    expect(mayRead('src/core/timing.ts', 'process.env')).toBe(false);
    // The MCP server's entry owns its process (stdout is the protocol); its tools take the environment as data.
    expect(mayRead('src/mcp/main.ts', 'process.stdout')).toBe(true);
    expect(mayRead('src/mcp/server.ts', 'process.cwd')).toBe(false);
  });

  it('names the file, the line and what to do instead', () => {
    expect(formatAccess({ file: 'src/run/start.ts', line: 15, what: 'process.cwd' })).toMatch(/^src\/run\/start\.ts:15 reads process\.cwd: take it from the SpecEnvironment/);
    expect(formatAccess({ file: 'src/api/x.ts', line: 3, what: 'console' })).toMatch(/only cli\/ prints/);
  });
});
