#!/usr/bin/env node
// Deterministic synthetic-suite generator for the specloop benchmarks (DESIGN.md, "Performance
// targets"). It writes a self-contained project: a layered TypeScript `src/`, Gherkin features,
// TypeScript step definitions for cucumber-js, and the equivalent vitest suite.
//
//   node bench/generate.mjs --features N --scenarios M --modules K [--out DIR] [--seed S] [--layers L]
//
// Same arguments → byte-identical output: every random choice comes from a seeded PRNG (no Date,
// no Math.random), and each part of the suite draws from its own named stream, so e.g. the module
// graph for K modules is the same whatever N and M are.
//
// Expected values in the specs are computed here by running the *same* function bodies that are
// written into src/ (built with `new Function`), so the assertions cannot drift from the code.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bump when the output changes, so bench/verify.bench.mjs regenerates suites it would reuse. */
export const GENERATOR_VERSION = 2;

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const MANIFEST = '.specloop-bench-suite.json';

// Moduli keep every intermediate value a small safe integer, identical in JS and TS.
const LEAF_MOD = 100003;
const MIX_MOD = 1000003;
const LABEL_MAX = 24;

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `usage: node bench/generate.mjs --features N --scenarios M --modules K [--out DIR] [--seed S] [--layers L] [--io N]
  --features N   number of .feature files (and vitest files)          (required)
  --scenarios M  scenarios per feature, counting each outline example (required)
  --modules K    TypeScript modules in src/                          (required, >= layers)
  --out DIR      output directory, must resolve @cucumber/cucumber   (default bench/out/suite-<N*M>)
  --seed S       PRNG seed (any string)                              (default 1)
  --layers L     layers in the src/ import graph                     (default 4, min 2)
  --io N         ms each scenario waits in a Before hook, as a scenario (default 0)
                 that talks to a server, a database or a browser does`;

/** Parses argv into options; throws an Error with a usage hint on bad input. */
export function parseArgs(argv) {
  const raw = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument '${arg}'`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    raw[match[1]] = value;
  }
  const known = new Set(['features', 'scenarios', 'modules', 'out', 'seed', 'layers', 'io']);
  for (const key of Object.keys(raw)) if (!known.has(key)) throw new Error(`unknown option --${key}`);

  const options = {
    features: positiveInt(raw, 'features'),
    scenarios: positiveInt(raw, 'scenarios'),
    modules: positiveInt(raw, 'modules'),
    layers: raw.layers === undefined ? 4 : positiveInt(raw, 'layers'),
    seed: raw.seed ?? '1',
    io: raw.io === undefined ? 0 : positiveInt(raw, 'io'),
  };
  if (options.layers < 2) throw new Error('--layers must be at least 2');
  if (options.modules < options.layers) throw new Error(`--modules must be at least --layers (${options.layers})`);
  options.out = path.resolve(raw.out ?? defaultOutDir(options));
  return options;
}

function positiveInt(raw, key) {
  if (raw[key] === undefined) throw new Error(`--${key} is required`);
  const n = Number(raw[key]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${key} must be a positive integer, got '${raw[key]}'`);
  return n;
}

export function defaultOutDir({ features, scenarios, io = 0 }) {
  return path.join(REPO_ROOT, 'bench', 'out', `suite-${features * scenarios}${io > 0 ? `-io${io}` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// Seeded PRNG: FNV-1a hash of "seed/stream" feeds mulberry32.

function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function createRng(seed, stream) {
  let state = hashString(`${seed}/${stream}`);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** k distinct items, in draw order (partial Fisher–Yates on a copy). */
    sample(items, k) {
      const copy = [...items];
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The src/ module graph

/** Layer sizes weighted L, L-1, …, 1 (e.g. 40/30/20/10 % for 4 layers); every layer non-empty. */
function layerSizes(total, layers) {
  const weightSum = (layers * (layers + 1)) / 2;
  const sizes = Array.from({ length: layers }, (_, i) => Math.max(1, Math.floor((total * (layers - i)) / weightSum)));
  sizes[0] += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

/**
 * Plans every module: its layer, value imports (1–3 modules of the layer below), an optional
 * `export * from` of one of them, an optional `import type` from any lower layer, and the bodies
 * of its two functions f<id>(n: number): number and t<id>(s: string): string.
 */
function planModules({ modules: total, layers, seed }) {
  const rng = createRng(seed, 'modules');
  const sizes = layerSizes(total, layers);
  const byLayer = [];
  const all = [];
  let id = 0;
  for (let layer = 0; layer < layers; layer++) {
    byLayer.push([]);
    for (let i = 0; i < sizes[layer]; i++) {
      const mod = { id: id++, layer, top: layer === layers - 1, deps: [], reexport: null, typeDep: null };
      if (layer === 0) {
        mod.numericBody = leafNumericBody(rng);
        mod.stringBody = leafStringBody(rng);
      } else {
        mod.deps = rng.sample(byLayer[layer - 1], rng.int(1, 3)).map((dep) => dep.id);
        if (rng.chance(0.2)) mod.reexport = rng.pick(mod.deps);
        if (rng.chance(0.15)) {
          const lower = all.filter((m) => m.layer < layer && !mod.deps.includes(m.id));
          if (lower.length > 0) mod.typeDep = rng.pick(lower).id;
        }
        mod.numericBody = composedNumericBody(mod.deps, rng);
        mod.stringBody = composedStringBody(mod.deps, rng);
      }
      byLayer[layer].push(mod);
      all.push(mod);
    }
  }
  for (const mod of all) compileModule(mod, all);
  return { all, byLayer, top: byLayer[layers - 1] };
}

function leafNumericBody(rng) {
  const a = rng.int(3, 97);
  const b = rng.int(1, 997);
  const c = rng.int(2, 8);
  return rng.pick([
    () => [`return (n * ${a} + ${b}) % ${LEAF_MOD};`],
    () => [
      `let x = n * ${a} + ${b};`,
      'let sum = 0;',
      'while (x > 0) {',
      '  sum += x % 10;',
      '  x = Math.floor(x / 10);',
      '}',
      `return (sum * ${c} + (n % 97)) % ${LEAF_MOD};`,
    ],
    () => [
      `let acc = ${b};`,
      `for (let i = 0; i < ${c}; i++) {`,
      `  acc = (acc * ${a} + n + i) % ${LEAF_MOD};`,
      '}',
      'return acc;',
    ],
    () => [
      `let a = n + ${a};`,
      `let b = ${b};`,
      'while (b !== 0) {',
      '  const r = a % b;',
      '  a = b;',
      '  b = r;',
      '}',
      `return (a * ${c} + n) % ${LEAF_MOD};`,
    ],
    () => [
      `if (n % ${c} === 0) {`,
      `  return (n / ${c} + ${a}) % ${LEAF_MOD};`,
      '}',
      `return (n * ${b} + ${a}) % ${LEAF_MOD};`,
    ],
  ])();
}

/** A string transform of `input` (a variable name) ending in a return; output stays short. */
function stringTransform(input, rng) {
  const a = rng.int(1, 25);
  return rng.pick([
    () => [`return ${input}.toUpperCase();`],
    () => [`return ${input}.split('').reverse().join('');`],
    () => [`return (${input} + '-${a}').slice(0, ${LABEL_MAX});`],
    () => [
      `const stripped = ${input}.replace(/[aeiou]/g, '');`,
      `return stripped.length > 0 ? stripped : ${input};`,
    ],
    () => [
      `if (${input}.length === 0) {`,
      `  return ${input};`,
      '}',
      `const k = ${a} % ${input}.length;`,
      `return ${input}.slice(k) + ${input}.slice(0, k);`,
    ],
    () => [
      `return ${input}`,
      "  .split('')",
      `  .map((c) => (c >= 'a' && c <= 'z' ? String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + ${a}) % 26)) : c))`,
      "  .join('');",
    ],
  ])();
}

function leafStringBody(rng) {
  return stringTransform('s', rng);
}

/** Calls each dependency once; the later calls may feed on earlier results, some behind a branch. */
function composedNumericBody(deps, rng) {
  const vars = ['a', 'b', 'c'];
  const args = deps.map((_, i) =>
    i === 0
      ? rng.pick([`n + ${rng.int(1, 50)}`, `(n * ${rng.int(2, 9)}) % 9973`, `n % ${rng.int(100, 999)} + ${rng.int(1, 9)}`])
      : rng.pick([`(${vars[i - 1]} + n) % 10007`, `n + ${rng.int(1, 50)}`, `${vars[i - 1]} % ${rng.int(100, 999)}`]),
  );
  if (deps.length >= 2 && rng.chance(0.3)) {
    // A branch: the second dependency only runs for some inputs (coverage differs from imports).
    const k = rng.int(2, 7);
    const otherwise = deps[2] === undefined ? `a * ${k}` : `a * ${k} + f${deps[2]}(n % 997)`;
    return [
      `const a = f${deps[0]}(${args[0]});`,
      `if (a % 2 === 0) {`,
      `  return (a + f${deps[1]}(n % 101)) % ${MIX_MOD};`,
      '}',
      `return (${otherwise} + ${rng.int(1, 99)}) % ${MIX_MOD};`,
    ];
  }
  const lines = deps.map((dep, i) => `const ${vars[i]} = f${dep}(${args[i]});`);
  const terms = deps.map((_, i) => `${vars[i]} * ${rng.int(1, 97)}`).join(' + ');
  lines.push(`return (${terms} + ${rng.int(0, 999)}) % ${MIX_MOD};`);
  return lines;
}

function composedStringBody(deps, rng) {
  if (deps.length >= 2 && rng.chance(0.25)) {
    return [`return (t${deps[0]}(s) + '.' + t${deps[1]}(s.slice(0, 3))).slice(0, ${LABEL_MAX});`];
  }
  return [`const base = t${deps[0]}(s);`, ...stringTransform('base', rng)];
}

/** Builds the JS twins of f<id>/t<id> from the very bodies written to the .ts file. */
function compileModule(mod, all) {
  const depF = mod.deps.map((dep) => all[dep].f);
  const depT = mod.deps.map((dep) => all[dep].t);
  const fNames = mod.deps.map((dep) => `f${dep}`);
  const tNames = mod.deps.map((dep) => `t${dep}`);
  // eslint-disable-next-line no-new-func -- intentional: same source text as the emitted module
  mod.f = new Function(...fNames, `return function f${mod.id}(n) {\n${mod.numericBody.join('\n')}\n};`)(...depF);
  // eslint-disable-next-line no-new-func
  mod.t = new Function(...tNames, `return function t${mod.id}(s) {\n${mod.stringBody.join('\n')}\n};`)(...depT);
}

function modulePath(mod) {
  return mod.top ? `src/m${mod.id}.ts` : `src/lib/m${mod.id}.ts`;
}

/** NodeNext-style relative specifier (`./lib/m12.js` names `m12.ts`). */
function specifier(from, to) {
  const rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function indent(lines, prefix = '  ') {
  return lines.map((line) => (line ? prefix + line : line)).join('\n');
}

function renderModule(mod, all) {
  const file = modulePath(mod);
  const out = ['// Generated by bench/generate.mjs — do not edit.'];
  // Import only the names the bodies call (every body calls each dependency's f, some its t).
  const code = [...mod.numericBody, ...mod.stringBody].join('\n');
  for (const dep of mod.deps) {
    const names = [`f${dep}`, `t${dep}`].filter((name) => new RegExp(`\\b${name}\\(`).test(code));
    if (!names.includes(`f${dep}`)) throw new Error(`internal: m${mod.id} never calls f${dep}`);
    out.push(`import { ${names.join(', ')} } from '${specifier(file, modulePath(all[dep]))}';`);
  }
  if (mod.typeDep !== null) {
    out.push(`import type { Reading${mod.typeDep} } from '${specifier(file, modulePath(all[mod.typeDep]))}';`);
  }
  if (mod.reexport !== null) out.push(`export * from '${specifier(file, modulePath(all[mod.reexport]))}';`);
  if (out.length > 1) out.push('');

  const role = mod.layer === 0 ? 'leaf' : `layer ${mod.layer}, built on ${mod.deps.map((d) => `m${d}`).join(', ')}`;
  out.push(
    `/** A reading of module m${mod.id} (${role}). */`,
    `export interface Reading${mod.id} {`,
    '  module: string;',
    '  value: number;',
    '  label: string;',
    '}',
    '',
    `export function f${mod.id}(n: number): number {`,
    indent(mod.numericBody),
    '}',
    '',
    `export function t${mod.id}(s: string): string {`,
    indent(mod.stringBody),
    '}',
    '',
    `export function read${mod.id}(n: number, s: string): Reading${mod.id} {`,
    `  return { module: 'm${mod.id}', value: f${mod.id}(n), label: t${mod.id}(s) };`,
    '}',
  );
  if (mod.typeDep !== null) {
    out.push(
      '',
      `export function rank${mod.id}(reading: Reading${mod.typeDep}): number {`,
      `  return (reading.value + f${mod.id}(reading.value % 1000)) % ${MIX_MOD};`,
      '}',
    );
  }
  return [file, `${out.join('\n')}\n`];
}

// ---------------------------------------------------------------------------------------------
// Domains and step files: each step file owns one domain noun, so step texts never collide.

const NOUNS = [
  'account', 'invoice', 'basket', 'shipment', 'ledger', 'coupon', 'profile', 'order', 'payment', 'refund',
  'warehouse', 'parcel', 'voucher', 'subscription', 'tariff', 'meter', 'booking', 'ticket', 'policy', 'claim',
  'quote', 'contract', 'budget', 'forecast', 'schedule', 'route', 'vehicle', 'driver', 'supplier', 'catalogue',
  'listing', 'review', 'loan', 'deposit', 'transfer', 'statement', 'report', 'survey', 'patient', 'prescription',
];
const QUALIFIERS = ['north', 'south', 'east', 'west', 'inner', 'outer', 'legacy', 'premium', 'bulk', 'trial'];

function domainName(index) {
  const noun = NOUNS[index % NOUNS.length];
  const round = Math.floor(index / NOUNS.length);
  return round === 0 ? noun : `${QUALIFIERS[(round - 1) % QUALIFIERS.length]}${round > QUALIFIERS.length ? ` ${round}` : ''} ${noun}`;
}

const slug = (text) => text.replace(/\s+/g, '-');
const title = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const article = (text) => (/^[aeiou]/.test(text) ? 'an' : 'a');
const camel = (text) => text.split(/\s+/).map(title).join('');

/** The step texts of one domain, as cucumber expressions. */
function stepTexts(domain) {
  return {
    setValue: `${article(domain)} ${domain} with value {int}`,
    setValueTable: `the following ${domain} amounts:`,
    setLabel: `the ${domain} label is {string}`,
    grow: `the ${domain} value grows by {int}`,
    score: `the ${domain} is scored by rule {int}`,
    format: `the ${domain} label is formatted by rule {int}`,
    expectScore: `the ${domain} score is {int}`,
    expectScoreBelow: `the ${domain} score is below {int}`,
    expectLabel: `the ${domain} label reads {string}`,
  };
}

function planStepFiles(count, top, seed) {
  const rng = createRng(seed, 'steps');
  return Array.from({ length: count }, (_, index) => {
    const domain = domainName(index);
    const rules = rng.sample(top, rng.int(3, 4)); // rule N in the specs is rules[N-1]
    return { index, domain, file: `steps/${slug(domain)}.steps.ts`, rules, texts: stepTexts(domain) };
  });
}

function renderStepFile(stepFile) {
  const { domain, rules, texts } = stepFile;
  const world = `${camel(domain)}World`;
  const q = (text) => `'${text}'`;
  const imports = rules.map((mod) => `import { f${mod.id}, t${mod.id} } from '${specifier(stepFile.file, modulePath(mod))}';`);
  const lines = [
    `// Generated by bench/generate.mjs — do not edit. Steps for the "${domain}" specs.`,
    "import { Given, When, Then, type DataTable } from '@cucumber/cucumber';",
    "import assert from 'node:assert/strict';",
    ...imports,
    '',
    '/** What one scenario keeps between its steps (cucumber gives each scenario a fresh World). */',
    `interface ${world} {`,
    '  value: number;',
    '  label: string;',
    '  score: number;',
    '  text: string;',
    '}',
    '',
    '// "rule N" in the specs names the N-th entry, counting from 1.',
    `const scoreRules: ReadonlyArray<(n: number) => number> = [${rules.map((m) => `f${m.id}`).join(', ')}];`,
    `const labelRules: ReadonlyArray<(s: string) => string> = [${rules.map((m) => `t${m.id}`).join(', ')}];`,
    '',
    'function ruleAt<T>(rules: ReadonlyArray<T>, rule: number): T {',
    '  const found = rules[rule - 1];',
    '  if (found === undefined) {',
    `    throw new Error(\`no ${domain} rule \${rule}: the rules are 1..\${rules.length}\`);`,
    '  }',
    '  return found;',
    '}',
    '',
    `Given(${q(texts.setValue)}, function (this: ${world}, value: number) {`,
    '  this.value = value;',
    '});',
    '',
    `Given(${q(texts.setValueTable)}, function (this: ${world}, table: DataTable) {`,
    "  this.value = table.hashes().reduce((sum, row) => sum + Number(row['amount']), 0);",
    '});',
    '',
    `Given(${q(texts.setLabel)}, function (this: ${world}, label: string) {`,
    '  this.label = label;',
    '});',
    '',
    `When(${q(texts.grow)}, function (this: ${world}, amount: number) {`,
    '  this.value += amount;',
    '});',
    '',
    `When(${q(texts.score)}, function (this: ${world}, rule: number) {`,
    '  this.score = ruleAt(scoreRules, rule)(this.value);',
    '});',
    '',
    `When(${q(texts.format)}, function (this: ${world}, rule: number) {`,
    '  this.text = ruleAt(labelRules, rule)(this.label);',
    '});',
    '',
    `Then(${q(texts.expectScore)}, function (this: ${world}, expected: number) {`,
    '  assert.equal(this.score, expected);',
    '});',
    '',
    `Then(${q(texts.expectScoreBelow)}, function (this: ${world}, bound: number) {`,
    `  assert.ok(this.score < bound, \`expected the ${domain} score \${this.score} to be below \${bound}\`);`,
    '});',
    '',
    `Then(${q(texts.expectLabel)}, function (this: ${world}, expected: string) {`,
    '  assert.equal(this.text, expected);',
    '});',
  ];
  return [stepFile.file, `${lines.join('\n')}\n`];
}

// ---------------------------------------------------------------------------------------------
// Features: each scenario is a list of actions, simulated here to fill in the expected values,
// then rendered twice: as Gherkin steps and as vitest code.

const WORDS = [
  'amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kestrel',
  'lumen', 'maple', 'nectar', 'onyx', 'pebble', 'quartz', 'raven', 'saffron', 'tundra', 'umber', 'violet',
  'willow', 'xenon', 'yarrow', 'zephyr',
];
const TOPICS = ['scoring', 'labelling', 'limits', 'reconciliation', 'pricing rules', 'audit trail', 'imports', 'rollover'];
const ROLES = ['an operator', 'an auditor', 'a support engineer', 'a product owner', 'a finance analyst'];
const SIZES = ['small', 'large', 'typical', 'fresh', 'seasoned', 'dormant'];

function randomLabel(rng) {
  const word = rng.pick(WORDS);
  return rng.chance(0.3) ? `${word}${rng.int(1, 99)}` : word;
}

const STEP_KIND = {
  setValue: 'Given', setValueTable: 'Given', setLabel: 'Given',
  grow: 'When', score: 'When', format: 'When',
  expectScore: 'Then', expectScoreBelow: 'Then', expectLabel: 'Then',
};

/** Runs actions against the JS twins; returns the state and fills in expectations. */
function simulate(actions, rules, state = { value: 0, label: '', score: 0, text: '' }) {
  for (const action of actions) {
    switch (action.type) {
      case 'setValue': state.value = action.value; break;
      case 'setValueTable': state.value = action.amounts.reduce((a, b) => a + b, 0); break;
      case 'setLabel': state.label = action.label; break;
      case 'grow': state.value += action.by; break;
      case 'score': state.score = rules[action.rule - 1].f(state.value); break;
      case 'format': state.text = rules[action.rule - 1].t(state.label); break;
      case 'expectScore': action.expected = state.score; break;
      case 'expectScoreBelow': action.bound = state.score + action.margin; break;
      case 'expectLabel': action.expected = state.text; break;
      default: throw new Error(`unknown action ${action.type}`);
    }
  }
  return state;
}

function scoreActions(rng, ruleCount) {
  const actions = [{ type: 'setValue', value: rng.int(0, 9999) }];
  if (rng.chance(0.3)) actions.push({ type: 'grow', by: rng.int(1, 500) });
  actions.push({ type: 'score', rule: rng.int(1, ruleCount) }, { type: 'expectScore' });
  if (rng.chance(0.25)) actions.push({ type: 'expectScoreBelow', margin: rng.int(1, 500) });
  return actions;
}

function labelActions(rng, ruleCount, hasBackgroundLabel) {
  const actions = hasBackgroundLabel ? [] : [{ type: 'setLabel', label: randomLabel(rng) }];
  actions.push({ type: 'format', rule: rng.int(1, ruleCount) }, { type: 'expectLabel' });
  return actions;
}

function tableActions(rng, ruleCount) {
  const amounts = Array.from({ length: rng.int(2, 4) }, () => rng.int(1, 999));
  return [
    { type: 'setValueTable', amounts },
    { type: 'score', rule: rng.int(1, ruleCount) },
    { type: 'expectScore' },
  ];
}

/** Orders actions Given → When → Then so the Gherkin reads naturally. */
function gherkinOrder(actions) {
  const rank = { Given: 0, When: 1, Then: 2 };
  return [...actions].sort((a, b) => rank[STEP_KIND[a.type]] - rank[STEP_KIND[b.type]]);
}

function planFeature(index, stepFile, perFeature, seed) {
  const rng = createRng(seed, `feature/${index}`);
  const { domain, rules } = stepFile;
  const feature = {
    index,
    domain,
    stepFile,
    name: '', // set by buildSuite, which knows the feature's part number within its domain
    tags: [`@${slug(domain)}`, ...(rng.chance(0.2) ? ['@nightly'] : [])],
    role: rng.pick(ROLES),
    topic: rng.pick(TOPICS),
    background: null,
    scenarios: [],
  };
  const backgroundLabel = rng.chance(0.3) ? randomLabel(rng) : null;
  if (backgroundLabel !== null) feature.background = [{ type: 'setLabel', label: backgroundLabel }];

  const usedNames = new Set();
  const uniqueName = (name) => {
    let candidate = name;
    for (let n = 2; usedNames.has(candidate); n++) candidate = `${name} (${n})`;
    usedNames.add(candidate);
    return candidate;
  };
  const scenarioTags = () => [
    ...(rng.chance(0.2) ? ['@smoke'] : []),
    ...(rng.chance(0.1) ? ['@regression'] : []),
    ...(rng.chance(0.05) ? ['@slow'] : []),
  ];

  let remaining = perFeature;
  while (remaining > 0) {
    const roll = rng.int(1, 100);
    if (roll <= 15 && remaining >= 2) {
      const rows = Math.min(remaining, rng.int(2, 3));
      feature.scenarios.push(planOutline(rng, stepFile, rows, uniqueName, scenarioTags(), feature.background));
      remaining -= rows;
      continue;
    }
    const size = rng.pick(SIZES);
    let actions;
    let name;
    if (roll <= 50) {
      actions = scoreActions(rng, rules.length);
      name = `scoring ${article(size)} ${size} ${domain} by rule ${actions.find((a) => a.type === 'score').rule}`;
    } else if (roll <= 70) {
      actions = labelActions(rng, rules.length, backgroundLabel !== null);
      name = `formatting the ${domain} label by rule ${actions.find((a) => a.type === 'format').rule}`;
    } else if (roll <= 85) {
      actions = [...scoreActions(rng, rules.length), ...labelActions(rng, rules.length, backgroundLabel !== null)];
      name = `scoring and labelling ${article(size)} ${size} ${domain}`;
    } else {
      actions = tableActions(rng, rules.length);
      name = `scoring ${domain} amounts from a table`;
    }
    actions = gherkinOrder(actions);
    simulate(actions, rules, simulate(feature.background ?? [], rules));
    feature.scenarios.push({ kind: 'scenario', name: uniqueName(name), tags: scenarioTags(), actions });
    remaining -= 1;
  }
  return feature;
}

/** A Scenario Outline over score or label, with one Examples row per pickle. */
function planOutline(rng, stepFile, rowCount, uniqueName, tags, background) {
  const { domain, rules } = stepFile;
  const byLabel = rng.chance(0.4);
  const rows = [];
  for (let i = 0; i < rowCount; i++) {
    const rule = rng.int(1, rules.length);
    if (byLabel) {
      const label = randomLabel(rng);
      const actions = [{ type: 'setLabel', label }, { type: 'format', rule }, { type: 'expectLabel' }];
      simulate(actions, rules, simulate(background ?? [], rules));
      rows.push({ values: { label, rule: String(rule), formatted: actions[2].expected }, actions });
    } else {
      const value = rng.int(0, 9999);
      const actions = [{ type: 'setValue', value }, { type: 'score', rule }, { type: 'expectScore' }];
      simulate(actions, rules, simulate(background ?? [], rules));
      rows.push({ values: { value: String(value), rule: String(rule), score: String(actions[2].expected) }, actions });
    }
  }
  const name = uniqueName(
    byLabel ? `the ${domain} label <label> under rule <rule>` : `the ${domain} scored from <value> by rule <rule>`,
  );
  return { kind: 'outline', byLabel, name, tags, rows };
}

// --- Gherkin rendering

function stepText(texts, action) {
  switch (action.type) {
    case 'setValue': return texts.setValue.replace('{int}', action.value);
    case 'setValueTable': return texts.setValueTable;
    case 'setLabel': return texts.setLabel.replace('{string}', `"${action.label}"`);
    case 'grow': return texts.grow.replace('{int}', action.by);
    case 'score': return texts.score.replace('{int}', action.rule);
    case 'format': return texts.format.replace('{int}', action.rule);
    case 'expectScore': return texts.expectScore.replace('{int}', action.expected);
    case 'expectScoreBelow': return texts.expectScoreBelow.replace('{int}', action.bound);
    case 'expectLabel': return texts.expectLabel.replace('{string}', `"${action.expected}"`);
    default: throw new Error(`unknown action ${action.type}`);
  }
}

function gherkinTable(header, rows, pad) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => `${pad}| ${cells.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`;
  return [line(header), ...rows.map(line)];
}

/** Steps with Given/When/Then, repeated keywords written as And. */
function gherkinSteps(texts, actions, pad) {
  const lines = [];
  let previous = null;
  for (const action of actions) {
    const kind = STEP_KIND[action.type];
    lines.push(`${pad}${kind === previous ? 'And' : kind} ${stepText(texts, action)}`);
    previous = kind;
    if (action.type === 'setValueTable') {
      lines.push(...gherkinTable(['amount'], action.amounts.map((a) => [a]), `${pad}  `));
    }
  }
  return lines;
}

function renderFeature(feature, file, seed) {
  const { texts } = feature.stepFile;
  const lines = [
    `# Generated by bench/generate.mjs (seed ${seed}) — do not edit.`,
    feature.tags.join(' '),
    `Feature: ${feature.name}`,
    `  As ${feature.role}`,
    `  I want ${feature.domain} ${feature.topic} to follow the published rules`,
    `  So that every ${feature.domain} is treated the same way`,
  ];
  if (feature.background) {
    lines.push('', '  Background:', ...gherkinSteps(texts, feature.background, '    '));
  }
  for (const scenario of feature.scenarios) {
    lines.push('');
    if (scenario.tags.length > 0) lines.push(`  ${scenario.tags.join(' ')}`);
    if (scenario.kind === 'scenario') {
      lines.push(`  Scenario: ${scenario.name}`, ...gherkinSteps(texts, scenario.actions, '    '));
      continue;
    }
    const template = scenario.byLabel
      ? [
          `    Given ${texts.setLabel.replace('{string}', '"<label>"')}`,
          `    When ${texts.format.replace('{int}', '<rule>')}`,
          `    Then ${texts.expectLabel.replace('{string}', '"<formatted>"')}`,
        ]
      : [
          `    Given ${texts.setValue.replace('{int}', '<value>')}`,
          `    When ${texts.score.replace('{int}', '<rule>')}`,
          `    Then ${texts.expectScore.replace('{int}', '<score>')}`,
        ];
    const header = Object.keys(scenario.rows[0].values);
    lines.push(
      `  Scenario Outline: ${scenario.name}`,
      ...template,
      '',
      '    Examples:',
      ...gherkinTable(header, scenario.rows.map((row) => header.map((h) => row.values[h])), '      '),
    );
  }
  return [file, `${lines.join('\n')}\n`];
}

// --- vitest rendering

function vitestLines(action, rules) {
  switch (action.type) {
    case 'setValue': return [`value = ${action.value};`];
    case 'setValueTable': return [`value = [${action.amounts.join(', ')}].reduce((sum, amount) => sum + amount, 0);`];
    case 'setLabel': return [`label = ${JSON.stringify(action.label)};`];
    case 'grow': return [`value += ${action.by};`];
    case 'score': return [`score = f${rules[action.rule - 1].id}(value);`];
    case 'format': return [`text = t${rules[action.rule - 1].id}(label);`];
    case 'expectScore': return [`assert.equal(score, ${action.expected});`];
    case 'expectScoreBelow': return [`assert.ok(score < ${action.bound});`];
    case 'expectLabel': return [`assert.equal(text, ${JSON.stringify(action.expected)});`];
    default: throw new Error(`unknown action ${action.type}`);
  }
}

/** One `it` per pickle: background actions first, as cucumber runs them. */
function vitestCase(name, actions, rules, imports) {
  for (const action of actions) {
    if (action.type === 'score') imports.add(`f${rules[action.rule - 1].id}`);
    if (action.type === 'format') imports.add(`t${rules[action.rule - 1].id}`);
  }
  const body = actions.flatMap((action) => vitestLines(action, rules));
  const used = ['value', 'label', 'score', 'text'].filter((v) => body.some((l) => new RegExp(`\\b${v}\\b`).test(l)));
  return [
    `  it(${JSON.stringify(name)}, () => {`,
    ...used.map((v) => `    let ${v} = ${v === 'value' || v === 'score' ? '0' : "''"};`),
    ...body.map((l) => `    ${l}`),
    '  });',
  ];
}

function renderVitest(feature, file, featureFile) {
  const { rules } = feature.stepFile;
  const imports = new Set();
  const cases = [];
  const background = feature.background ?? [];
  for (const scenario of feature.scenarios) {
    if (scenario.kind === 'scenario') {
      cases.push(vitestCase(scenario.name, [...background, ...scenario.actions], rules, imports));
      continue;
    }
    for (const row of scenario.rows) {
      const name = scenario.name.replace(/<(\w+)>/g, (_, key) => row.values[key]);
      cases.push(vitestCase(name, [...background, ...row.actions], rules, imports));
    }
  }
  const byModule = new Map();
  for (const name of [...imports].sort()) {
    const id = Number(name.slice(1));
    byModule.set(id, [...(byModule.get(id) ?? []), name]);
  }
  const lines = [
    `// Generated by bench/generate.mjs — do not edit. The vitest twin of ${featureFile}.`,
    "import { describe, it } from 'vitest';",
    "import assert from 'node:assert/strict';",
    ...[...byModule.keys()].sort((a, b) => a - b).map((id) => {
      const mod = rules.find((m) => m.id === id);
      return `import { ${byModule.get(id).join(', ')} } from '${specifier(file, modulePath(mod))}';`;
    }),
    '',
    `describe(${JSON.stringify(feature.name)}, () => {`,
    ...cases.flatMap((c, i) => (i === 0 ? c : ['', ...c])),
    '});',
  ];
  return [file, `${lines.join('\n')}\n`];
}

// ---------------------------------------------------------------------------------------------
// Project files

function projectFiles(options, counts) {
  const name = `specloop-bench-suite-${counts.scenarios}`;
  return [
    ['package.json', `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`],
    [
      // Without its own tsconfig, tsx and vite would pick up the repository's one above.
      'tsconfig.json',
      `${JSON.stringify(
        {
          compilerOptions: {
            target: 'es2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            lib: ['es2022'],
            types: ['node'],
            strict: true,
            noUncheckedIndexedAccess: true,
            verbatimModuleSyntax: true,
            skipLibCheck: true,
            noEmit: true,
          },
          include: ['src', 'steps', 'vitest'],
        },
        null,
        2,
      )}\n`,
    ],
    [
      'cucumber.cjs',
      [
        '// Generated by bench/generate.mjs — the anchor configuration (tsx/cjs: the faster loader, FIELD-NOTES.md),',
        "// and the same suite loaded as ES modules (`--profile esm`, import:; run as cucumber-js's docs show for tsx:",
        "// NODE_OPTIONS='--import tsx' cucumber-js --profile esm).",
        'module.exports = {',
        "  default: { requireModule: ['tsx/cjs'], require: ['steps/**/*.ts'], paths: ['features/**/*.feature'] },",
        "  esm: { import: ['steps/**/*.ts'], paths: ['features/**/*.feature'] },",
        '};',
        '',
      ].join('\n'),
    ],
    [
      'vitest/vitest.config.mjs',
      [
        '// Generated by bench/generate.mjs — the vitest twin of the cucumber suite.',
        '// Run: npx vitest run --root <suite>/vitest   (vitest resolves from the repository node_modules)',
        'export default {',
        '  test: {',
        "    include: ['**/*.test.ts'],",
        '  },',
        '};',
        '',
      ].join('\n'),
    ],
    [MANIFEST, `${JSON.stringify({ generator: 'bench/generate.mjs', version: GENERATOR_VERSION, options: manifestOptions(options), counts }, null, 2)}\n`],
  ];
}

/** The options that determine the output (not where it is written). */
export function manifestOptions({ features, scenarios, modules, layers, seed, io = 0 }) {
  return { features, scenarios, modules, layers, seed: String(seed), ...(io > 0 ? { io } : {}) };
}

/**
 * A real acceptance scenario waits on something (an HTTP round trip, a database reset, a page):
 * on real projects partial runs of 26–74 scenarios took 0.5–1.2 s (FIELD-NOTES.md), ≈ 7–16 ms a
 * scenario, where the generated ones take under 1 ms. With --io, every scenario waits that long, so what the suite's time is made of can
 * be chosen: load-bound (the default) or scenario-bound.
 */
function ioWaitFile(ms) {
  return [
    'steps/io-wait.ts',
    [
      `// Generated by bench/generate.mjs — every scenario waits ${ms} ms, as one that talks to a server does.`,
      "import { Before } from '@cucumber/cucumber';",
      '',
      `Before(() => new Promise<void>((resolve) => setTimeout(resolve, ${ms})));`,
      '',
    ].join('\n'),
  ];
}

/** Plans the whole suite and returns [relativePath, content] pairs plus counts. */
export function buildSuite(options) {
  const { seed } = options;
  const graph = planModules(options);
  const stepFiles = planStepFiles(Math.max(1, Math.round(options.features / 5)), graph.top, seed);
  const files = graph.all.map((mod) => renderModule(mod, graph.all));
  files.push(...stepFiles.map(renderStepFile));

  const perDomain = new Map();
  let pickles = 0;
  for (let i = 0; i < options.features; i++) {
    const stepFile = stepFiles[i % stepFiles.length];
    const part = (perDomain.get(stepFile.domain) ?? 0) + 1;
    perDomain.set(stepFile.domain, part);
    const feature = planFeature(i, stepFile, options.scenarios, seed);
    feature.name = `${title(stepFile.domain)} ${feature.topic}, part ${part}`;
    const base = `${slug(stepFile.domain)}-${String(part).padStart(2, '0')}`;
    const featureFile = `features/${base}.feature`;
    files.push(renderFeature(feature, featureFile, seed));
    files.push(renderVitest(feature, `vitest/${base}.test.ts`, featureFile));
    pickles += feature.scenarios.reduce((n, s) => n + (s.kind === 'outline' ? s.rows.length : 1), 0);
  }
  const counts = {
    features: options.features,
    scenarios: pickles,
    modules: graph.all.length,
    layers: graph.byLayer.map((layer) => layer.length),
    stepFiles: stepFiles.length,
    stepsReachableTopModules: new Set(stepFiles.flatMap((s) => s.rules.map((m) => m.id))).size,
  };
  files.push(...projectFiles(options, counts));
  if (options.io > 0) files.push(ioWaitFile(options.io));
  return { files, counts };
}

/** Reads the manifest of a generated suite, or null when DIR is not one. */
export function readManifest(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Refuses to write where the suite could not run (@cucumber/cucumber must resolve from DIR) or
 * where it would delete something that is not a previously generated suite.
 */
function prepareOutDir(outDir) {
  const relative = path.relative(REPO_ROOT, outDir);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`--out must be a directory inside ${REPO_ROOT} (got ${outDir}), so the suite resolves its packages from ${path.join(REPO_ROOT, 'node_modules')}`);
  }
  try {
    createRequire(path.join(outDir, 'package.json')).resolve('@cucumber/cucumber');
  } catch {
    throw new Error(`@cucumber/cucumber does not resolve from ${outDir}; run npm install in ${REPO_ROOT} first`);
  }
  if (fs.existsSync(outDir)) {
    const entries = fs.readdirSync(outDir);
    if (entries.length > 0 && readManifest(outDir) === null) {
      throw new Error(`${outDir} exists, is not empty and holds no ${MANIFEST}: refusing to overwrite it`);
    }
    // A previous suite: start clean so no stale feature or module from other options survives.
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

export function generateSuite(options) {
  const { files, counts } = buildSuite(options);
  prepareOutDir(options.out);
  for (const [relative, content] of files) {
    const target = path.join(options.out, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return { outDir: options.out, counts, files: files.length };
}

function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const { outDir, counts, files } = generateSuite(options);
    process.stdout.write(
      `generated ${path.relative(process.cwd(), outDir) || '.'}: ${counts.features} features, ${counts.scenarios} scenarios, ` +
        `${counts.modules} modules (layers ${counts.layers.join('/')}), ${counts.stepFiles} step files, ${files} files\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
