import { describe, expect, it } from 'vitest';
import { allBindingsTypeOnly, parseImports } from '../src/impact/parse.js';
import { scanRequires } from '../src/impact/require-scan.js';
import { parseJsonc } from '../src/impact/jsonc.js';

const specs = (text: string, file = 'a.ts') => {
  const r = parseImports(text, file);
  if (!r.ok) throw new Error(r.error);
  return r.imports.map((i) => `${i.kind} ${i.specifier}`);
};

describe('parseImports: edge kinds', () => {
  it('reports static, side-effect, namespace, default imports', () => {
    expect(specs(`import a from './a.js';\nimport './side.js';\nimport * as ns from './ns.js';\nimport { b, c as d } from "./b.js";`)).toEqual([
      'static ./a.js',
      'static ./side.js',
      'static ./ns.js',
      'static ./b.js',
    ]);
  });

  it('reports export … from, export * and export * as as re-exports', () => {
    expect(specs(`export { x } from './x.js';\nexport * from './star.js';\nexport * as nsx from './nsx.js';\nexport const local = 1;`)).toEqual([
      'reexport ./x.js',
      'reexport ./star.js',
      'reexport ./nsx.js',
    ]);
  });

  it('reports literal dynamic imports, templates as globs, and expressions as non-literal', () => {
    expect(specs('const a = await import("./dyn.js");\nconst b = import(`./locale/${lang}.js`);\nconst c = import(name);')).toEqual([
      'dynamic ./dyn.js',
      'glob ./locale/*.js',
      'non-literal name',
    ]);
  });

  it('reports require() with a literal in TS and CJS files, and import = require', () => {
    expect(specs(`const a = require('./a');\nimport b = require('./b');\nconst { c } = require("./c.cjs");`, 'x.cjs')).toEqual([
      'static ./b',
      'require ./a',
      'require ./c.cjs',
    ]);
  });

  it('ignores import.meta, imports in comments and in strings', () => {
    expect(specs(`// import x from './c1.js'\n/* require('./c2') */\nconst s = "import y from './s.js'";\nconst t = 'require("./t")';\nconsole.log(import.meta.url);`)).toEqual([]);
  });

  it('keeps bare packages and builtins as written (resolution classifies them)', () => {
    expect(specs(`import fs from 'node:fs';\nimport x from 'lodash/fp';\nconst y = require('@scope/pkg/sub');`)).toEqual([
      'static node:fs',
      'static lodash/fp',
      'require @scope/pkg/sub',
    ]);
  });
});

describe('parseImports: type-only imports do not count', () => {
  it('drops import type and export type … from', () => {
    expect(specs(`import type { A } from './a.js';\nimport type B from './b.js';\nexport type { C } from './c.js';\nexport type * from './d.js';\nexport type * as E from './e.js';`)).toEqual([]);
  });

  it('drops import { type A, type B } (every binding type-only) and export { type A } from', () => {
    expect(specs(`import { type A, type B as C, } from './a.js';\nexport { type D } from './d.js';\nimport {/* c */ type E} from './e.js';`)).toEqual([]);
  });

  it('keeps statements with at least one value binding', () => {
    expect(specs(`import { type A, b } from './a.js';\nimport D, { type E } from './d.js';\nexport { type F, g } from './f.js';\nimport {} from './empty.js';`)).toEqual([
      'static ./a.js',
      'static ./d.js',
      'reexport ./f.js',
      'static ./empty.js',
    ]);
  });

  it('drops import type x = require and type-position import()', () => {
    expect(specs(`import type T = require('./t');\ntype U = typeof import('./u.js');\nlet v: import('./v.js').V;`)).toEqual([]);
  });

  it('reads binding lists the way TypeScript does: `type` alone or `type as x` is a value', () => {
    expect(allBindingsTypeOnly('import { type A, type B as C } from ')).toBe(true);
    expect(allBindingsTypeOnly('import { type as } from ')).toBe(true);
    expect(allBindingsTypeOnly('import { type as x } from ')).toBe(false);
    expect(allBindingsTypeOnly('import { type } from ')).toBe(false);
    expect(allBindingsTypeOnly('import { } from ')).toBe(false);
    expect(allBindingsTypeOnly('import * as ns from ')).toBe(false);
  });
});

describe('parseImports: errors and JSX', () => {
  it('returns a located error for a syntax error, never throws', () => {
    const r = parseImports(`import { a } from './a.js';\nconst s = 'unterminated\n`, 'bad.ts');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^syntax error at 2:\d+/);
  });

  it('falls back to the TypeScript parser for JSX text the lexer rejects', () => {
    const tsx = `import React from 'react';\nimport { type P } from './p.js';\nimport { B } from './b.js';\nexport const C = () => <div className="x">it's {B}</div>;\nconst L = import('./lazy.js');\nconst r = require('./r');`;
    expect(parseImports(tsx, 'c.tsx')).toEqual({
      ok: true,
      imports: [
        { kind: 'static', specifier: 'react' },
        { kind: 'static', specifier: './b.js' },
        { kind: 'dynamic', specifier: './lazy.js' },
        { kind: 'require', specifier: './r' },
      ],
    });
    const broken = parseImports('export const C = () => <div>{</div>;', 'c.tsx');
    expect(broken.ok).toBe(false);
  });
});

describe('scanRequires', () => {
  it('finds literal calls only, skipping members, templates, regexes and comments', () => {
    const src = [
      "const a = require('./a');",
      'const b = x.require("./not-b");',
      "const c = require(name); const d = require('./d' + e); require.resolve('./nope');",
      'const t = `${require("./in-template")} text require("./not-t")`;',
      "const re = /require\\('x'\\)/; const half = 4 / 2; require('./after-regex');",
      'const spread = [...require(`./spread`)];',
      "// require('./comment')",
    ].join('\n');
    expect(scanRequires(src).map((c) => c.specifier)).toEqual(['./a', './in-template', './after-regex', './spread']);
  });
});

describe('parseJsonc', () => {
  it('accepts comments and trailing commas, keeps // inside strings', () => {
    expect(parseJsonc('{\n // c\n "a": "http://x", /* b */ "b": [1, 2,],\n}')).toEqual({ a: 'http://x', b: [1, 2] });
    expect(parseJsonc('{ "a": "x,}" }')).toEqual({ a: 'x,}' });
    expect(parseJsonc('{ nope')).toBeUndefined();
  });
});
