import { describe, expect, it } from 'vitest';
import { analyzeComplexity, type FunctionComplexity } from '../src/debt/complexity.js';

function byName(text: string, path = 'x.ts'): Map<string, FunctionComplexity> {
  return new Map(analyzeComplexity(path, text).map((f) => [f.name, f]));
}

function score(text: string, name: string): number {
  const f = byName(text).get(name);
  if (!f) throw new Error(`no function ${name}`);
  return f.complexity;
}

describe('cognitive complexity: the paper\'s own examples', () => {
  it('sumOfPrimes: nested loops, a nested if and a labelled continue make 7', () => {
    const text = `
function sumOfPrimes(max: number): number {
  let total = 0;
  OUT: for (let i = 1; i <= max; ++i) {
    for (let j = 2; j < i; ++j) {
      if (i % j === 0) {
        continue OUT;
      }
    }
    total += i;
  }
  return total;
}`;
    const f = byName(text).get('sumOfPrimes')!;
    expect(f.complexity).toBe(7);
    expect(f.increments.map((i) => [i.line, i.kind, i.points])).toEqual([
      [4, 'loop', 1], [5, 'loop', 2], [6, 'if', 3], [7, 'label jump', 1],
    ]);
  });

  it('getWords: a switch counts once however many cases it has', () => {
    const text = `
function getWords(n: number): string {
  switch (n) {
    case 1: return 'one';
    case 2: return 'a couple';
    case 3: return 'a few';
    default: return 'lots';
  }
}`;
    expect(score(text, 'getWords')).toBe(1);
  });

  it('try/catch: try adds nothing, catch nests what it holds (9)', () => {
    const text = `
function myMethod(c1: boolean, c2: boolean) {
  try {
    if (c1) {
      for (let i = 0; i < 10; i++) {
        while (c2) { c2 = false; }
      }
    }
  } catch (e) {
    if (c2) { c1 = true; }
  } finally {
    c1 = false;
  }
}`;
    const f = byName(text).get('myMethod')!;
    expect(f.increments.map((i) => i.points)).toEqual([1, 2, 3, 1, 2]);
    expect(f.complexity).toBe(9);
  });

  it('a lambda adds a nesting level in the paper\'s inclusive score, and is scored alone as its own function', () => {
    const text = `
function myMethod2(c1: boolean) {
  const r = () => {
    if (c1) { return 1; }
    return 0;
  };
  return r;
}`;
    const fns = byName(text);
    expect(fns.get('myMethod2')).toMatchObject({ complexity: 0, inclusive: 2 });
    expect(fns.get('r')).toMatchObject({ complexity: 1, inclusive: 1 });
  });

  it('inclusive: a callback inside an if is one more level deep for its enclosing function', () => {
    const text = `
function outer(items: number[], a: boolean) {
  if (a) {
    items.forEach((x) => {
      if (x) { return; }
    });
  }
}`;
    const fns = byName(text);
    expect(fns.get('outer')).toMatchObject({ complexity: 1, inclusive: 4 });
    expect(fns.get('<callback of items.forEach>')).toMatchObject({ complexity: 1, inclusive: 1 });
  });

  it('logical operators: one per sequence of like operators, each change starting a new one', () => {
    const text = `
function f(a: boolean, b: boolean, c: boolean, d: boolean, e: boolean, g: boolean) {
  if (a && b && c || d || e && g) { return 1; }
  return (a || b) && c;
}
function h(a: unknown, b: unknown) { return a ?? b ?? 0; }`;
    const fns = byName(text);
    expect(fns.get('f')!.increments.map((i) => i.kind)).toEqual(['if', '&&', '||', '&&', '||', '&&']);
    expect(fns.get('f')!.complexity).toBe(6);
    expect(fns.get('h')!.complexity).toBe(1);
  });

  it('else if and else add one each and no nesting penalty, but nest what they hold', () => {
    const text = `
function grade(n: number, strict: boolean): string {
  if (n > 90) {
    return 'A';
  } else if (n > 80) {
    return strict ? 'B' : 'A';
  } else {
    for (const x of [1]) { if (x) return 'C'; }
  }
  return 'D';
}`;
    const f = byName(text).get('grade')!;
    expect(f.increments.map((i) => [i.line, i.kind, i.points])).toEqual([
      [3, 'if', 1], [5, 'else if', 1], [6, 'conditional', 2], [7, 'else', 1], [8, 'loop', 2], [8, 'if', 3],
    ]);
  });

  it('recursion: +1 once for a function that calls itself, directly or from a callback, and for a method through this', () => {
    const text = `
function fact(n: number): number { return n <= 1 ? 1 : n * fact(n - 1) * fact(0); }
const walk = (node: { children: unknown[] }): void => { node.children.forEach((c) => walk(c as never)); };
class Tree { depth(n: number): number { return n && this.depth(n - 1); } other(): number { return depth(); } }
function depth(): number { return 0; }`;
    const fns = byName(text);
    expect(fns.get('fact')!.increments.map((i) => i.kind)).toEqual(['conditional', 'recursion']);
    expect(fns.get('walk')!.complexity).toBe(1);
    expect(fns.get('<callback of node.children.forEach>')!.complexity).toBe(0);
    expect(fns.get('Tree.depth')!.complexity).toBe(2);
    expect(fns.get('Tree.other')!.complexity).toBe(0);
  });

  it('names and lines of every function-like: methods, accessors, constructors, arrows, expressions; overloads skipped', () => {
    const text = `export class Cart {
  constructor(private items: number[]) {}
  get total(): number { return this.items.length; }
  set total(v: number) { if (v < 0) throw new Error('neg'); }
  add(x: number): void;
  add(x: number): void { this.items.push(x); }
}
export default function () { return 1; }
const o = { run: function () { return 2; }, go: () => 3, m() { return 4; } };`;
    const names = analyzeComplexity('cart.ts', text).map((f) => `${f.name}@${f.startLine}-${f.endLine}`);
    expect(names).toEqual([
      'Cart.constructor@2-2', 'get Cart.total@3-3', 'set Cart.total@4-4', 'Cart.add@6-6', 'default@8-8', 'run@9-9', 'go@9-9', 'm@9-9',
    ]);
  });

  it('reads plain JavaScript too', () => {
    expect(score('function f(a) { while (a) { a = a.next ?? null; } }', 'f')).toBe(2);
  });
});
