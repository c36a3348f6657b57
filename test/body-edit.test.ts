import { describe, expect, it } from 'vitest';
import { isBodyOnlyEdit } from '../src/impact/body-edit.js';

const CART = `import { round } from './money.js';
import type { Item } from './types.js';

export const TAX_RATE = 0.2;

/** Sum of line totals. */
export function subtotal(items: Item[]): number {
  return items.reduce((sum, i) => sum + i.price * i.qty, 0);
}

export class Cart {
  private items: Item[] = [];
  readonly label = 'cart';
  onChange = (item: Item) => {
    console.log('changed', item.sku);
  };

  constructor(private readonly owner: string) {
    this.items = [];
  }

  add(item: Item): void {
    this.items.push(item);
  }

  get total(): number {
    return round(subtotal(this.items) * (1 + TAX_RATE));
  }
}

export const describeCart = (c: Cart) => \`\${c.label}: \${c.total}\`;
export const DEFAULT_CART = new Cart(loadOwner());

function loadOwner(): string {
  return 'guest';
}
`;

const edit = (from: string, to: string): string => {
  if (!CART.includes(from)) throw new Error(`fixture lacks ${from}`);
  return CART.replace(from, to);
};
const bodyOnly = (after: string, fileName = 'src/cart.ts'): boolean => isBodyOnlyEdit(CART, after, fileName);

describe('isBodyOnlyEdit: edits inside bodies', () => {
  it('is true for identical texts', () => {
    expect(bodyOnly(CART)).toBe(true);
  });

  it('is true for a changed function declaration body', () => {
    expect(bodyOnly(edit('sum + i.price * i.qty, 0', 'sum + i.price * i.qty * 1.0, 0'))).toBe(true);
  });

  it('is true for a rewritten body, statements added and a nested function', () => {
    const after = edit(
      '  return items.reduce((sum, i) => sum + i.price * i.qty, 0);',
      '  const line = function (i: Item) { return i.price * i.qty; };\n  let s = 0;\n  for (const i of items) s += line(i);\n  return s;',
    );
    expect(bodyOnly(after)).toBe(true);
  });

  it('is true for a changed method, constructor and getter body', () => {
    expect(bodyOnly(edit('this.items.push(item);', 'this.items = [...this.items, item];'))).toBe(true);
    expect(bodyOnly(edit('    this.items = [];\n', '    this.items = [];\n    this.onChange({} as Item);\n'))).toBe(true);
    expect(bodyOnly(edit('(1 + TAX_RATE)', '(1 + TAX_RATE + 0)'))).toBe(true);
  });

  it('is true for a changed arrow body in a class property', () => {
    expect(bodyOnly(edit("console.log('changed', item.sku);", "console.info('changed:', item.sku, item.qty);"))).toBe(true);
  });

  it('is true for a changed arrow expression body, even when it becomes a block', () => {
    expect(bodyOnly(edit('`${c.label}: ${c.total}`', '`${c.label} = ${c.total}`'))).toBe(true);
    expect(bodyOnly(edit('=> `${c.label}: ${c.total}`', '=> {\n  return c.label;\n}'))).toBe(true);
  });

  it('is true for a body change in a function that runs at load time (caller checks that)', () => {
    // loadOwner() runs while the module loads (DEFAULT_CART), yet the edit is still inside a body.
    expect(bodyOnly(edit("return 'guest';", "return 'anonymous';"))).toBe(true);
  });

  it('is true for setters, object-literal methods and function expressions', () => {
    const before = `export const api = {\n  get v() { return 1; },\n  set v(x) { log(x); },\n  run() { return 1; },\n  cb: function () { return 1; },\n};\n`;
    const after = `export const api = {\n  get v() { return 2; },\n  set v(x) { log(x, 2); },\n  run() { return 2; },\n  cb: function () { return 2; },\n};\n`;
    expect(isBodyOnlyEdit(before, after, 'api.js')).toBe(true);
  });
});

describe('isBodyOnlyEdit: edits outside bodies', () => {
  it('is false for a changed top-level const initializer', () => {
    expect(bodyOnly(edit('TAX_RATE = 0.2', 'TAX_RATE = 0.25'))).toBe(false);
  });

  it('is false for an added or removed import', () => {
    expect(bodyOnly(`import './polyfill.js';\n${CART}`)).toBe(false);
    expect(bodyOnly(edit("import type { Item } from './types.js';\n", ''))).toBe(false);
  });

  it('is false for a changed exported function signature', () => {
    expect(bodyOnly(edit('subtotal(items: Item[])', 'subtotal(items: Item[], discount = 0)'))).toBe(false);
    expect(bodyOnly(edit('): number {\n  return items', '): string | number {\n  return items'))).toBe(false);
  });

  it('is false for a changed class property initializer that is not a function', () => {
    expect(bodyOnly(edit("readonly label = 'cart';", "readonly label = 'basket';"))).toBe(false);
  });

  it('is false for a changed argument in a top-level call', () => {
    expect(bodyOnly(edit('new Cart(loadOwner())', "new Cart('admin')"))).toBe(false);
  });

  it('is false when a function is added at top level or renamed', () => {
    expect(bodyOnly(`${CART}\nexport function extra() {}\n`)).toBe(false);
    expect(bodyOnly(edit('function loadOwner', 'function loadOwnerName'))).toBe(false);
  });

  it('is false when the same tokens parse differently (semicolon insertion)', () => {
    expect(isBodyOnlyEdit('let a = 1, b = 2;\na\n++b\n', 'let a = 1, b = 2;\na++\nb\n', 'x.js')).toBe(false);
  });

  it('is false when a string literal outside bodies changes only in whitespace', () => {
    expect(isBodyOnlyEdit("export const s = 'a b';\n", "export const s = 'a  b';\n", 'x.ts')).toBe(false);
  });

  it('keeps class static blocks (they run at load time) outside bodies', () => {
    const before = 'export class C {\n  static x = 0;\n  static { C.x = 1; }\n}\n';
    expect(isBodyOnlyEdit(before, before.replace('C.x = 1', 'C.x = 2'), 'c.ts')).toBe(false);
  });
});

describe('isBodyOnlyEdit: whitespace, comments, syntax errors, file kinds', () => {
  it('is true for comment and whitespace changes outside bodies (tokens unchanged)', () => {
    const after = edit('export const TAX_RATE = 0.2;', '// VAT, see ticket 42\nexport   const TAX_RATE =\n  0.2; /* fixed */');
    expect(bodyOnly(after)).toBe(true);
    expect(bodyOnly(edit('/** Sum of line totals. */', '/**\n * Sum of line totals, before tax.\n * @param items lines\n */'))).toBe(true);
    expect(bodyOnly(CART.replace(/\n/g, '\r\n'))).toBe(true);
  });

  it('is false when after has a syntax error, even inside a body', () => {
    expect(bodyOnly(edit("return 'guest';", "return 'guest"))).toBe(false);
    expect(bodyOnly(edit('this.items.push(item);', 'this.items.push(item;'))).toBe(false);
  });

  it('is false when before has a syntax error', () => {
    const broken = edit('this.items.push(item);', 'this.items.push(item;');
    expect(isBodyOnlyEdit(broken, CART, 'src/cart.ts')).toBe(false);
  });

  it('is true for a .tsx edit to JSX inside a function body', () => {
    const before = `import { h } from './h.js';\nexport function Price({ v }: { v: number }) {\n  return <p className="price">it's {v}</p>;\n}\n`;
    const after = before.replace(`<p className="price">it's {v}</p>`, `<p className="price strong">now {v.toFixed(2)} €</p>`);
    expect(isBodyOnlyEdit(before, after, 'src/Price.tsx')).toBe(true);
  });

  it('is false for JSX text changes outside bodies, whitespace included', () => {
    const before = 'export const el = <b>x</b>;\n';
    expect(isBodyOnlyEdit(before, 'export const el = <b>y</b>;\n', 'el.jsx')).toBe(false);
    expect(isBodyOnlyEdit(before, 'export const el = <b> x</b>;\n', 'el.jsx')).toBe(false);
  });

  it('parses each extension with the right script kind', () => {
    const ts = 'export function f(a: number): number { return a; }\n';
    for (const file of ['a.ts', 'a.mts', 'a.cts', 'a.tsx']) {
      expect(isBodyOnlyEdit(ts, ts.replace('return a;', 'return a + 1;'), file)).toBe(true);
    }
    const js = 'export const f = (a) => <i>{a}</i>;\nmodule.exports = { f };\n';
    for (const file of ['a.js', 'a.jsx', 'a.mjs', 'a.cjs']) {
      expect(isBodyOnlyEdit(js, js.replace('<i>{a}</i>', '<b>{a}</b>'), file)).toBe(true);
    }
    // `<T>x` is a type assertion in .ts but unterminated JSX in .tsx.
    const cast = 'export const f = () => 1;\nexport const y = <any>f;\n';
    expect(isBodyOnlyEdit(cast, cast.replace('=> 1', '=> 2'), 'a.ts')).toBe(true);
    expect(isBodyOnlyEdit(cast, cast.replace('=> 1', '=> 2'), 'a.tsx')).toBe(false);
  });
});

describe('isBodyOnlyEdit: the new version must still load', () => {
  const before = 'export function f(n: number): number {\n  return n + 1;\n}\n';
  const cases: [string, string][] = [
    ['await in a function that is not async', 'export function f(n: number): number {\n  await n;\n  return n + 1;\n}\n'],
    ['a variable declared twice', 'export function f(n: number): number {\n  let a = 1;\n  let a = 2;\n  return n + a;\n}\n'],
    ['break outside a loop', 'export function f(n: number): number {\n  break;\n  return n + 1;\n}\n'],
    ['an invalid regular expression', 'export function f(n: number): number {\n  return /(/.test(String(n)) ? 1 : n;\n}\n'],
  ];
  it.each(cases)('%s is not body-only: no importer could load it', (_name, after) => {
    expect(isBodyOnlyEdit(before, after, 'src/f.ts')).toBe(false);
  });

  it('a valid body edit in a module with top-level await still counts', () => {
    const withTla = 'const ready = await Promise.resolve(1);\nexport function f(n: number): number {\n  return n + ready;\n}\n';
    expect(isBodyOnlyEdit(withTla, withTla.replace('n + ready', 'n * ready'), 'src/f.mts')).toBe(true);
  });
});

describe('isBodyOnlyEdit in ES modules', () => {
  it('a body edit in a module that uses import.meta still counts', () => {
    const before = "import { fileURLToPath } from 'node:url';\nconst here = fileURLToPath(import.meta.url);\nexport function f(): string {\n  return here;\n}\n";
    expect(isBodyOnlyEdit(before, before.replace('return here;', 'return here + "/";'), 'src/f.mts')).toBe(true);
  });
});
