import { readFileSync } from 'node:fs';
import path from 'node:path';
import { init, parse } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * `spec verify` forks its runner before anything heavy loads, so the runner's start-up overlaps the
 * rest (verify's speed target is ≤ 1.00× plain cucumber-js). A static import that drags a heavy
 * module onto that path costs every run: cli/help.ts importing report/watch.ts once put chalk,
 * the renderers and zod before the fork (≈ 50 ms at 200 scenarios). Heavy modules load with
 * import() where they are needed.
 */

const SRC = path.resolve('src');

/** Files reached from `entry` through static, value-level imports (not `import type`, not import()). */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    const [imports] = parse(text, file);
    for (const entry of imports) {
      if (entry.type !== 'static' || entry.typeOnly || entry.specifier === undefined) continue;
      const specifier = entry.specifier;
      if (!specifier.startsWith('.')) {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
        continue;
      }
      visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return { files, packages };
}

describe("spec verify's path to the runner's fork", () => {
  beforeAll(async () => {
    await init;
  });

  it('loads no renderer, schema, colour or analysis module statically', () => {
    const { files, packages } = staticClosure(path.join(SRC, 'cli/main.ts'));
    const verify = staticClosure(path.join(SRC, 'cli/verify.ts'));
    const reached = [...new Set([...files, ...verify.files])].map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    const heavyFiles = reached.filter((f) => /^report\/(watch|verdict|build-verdict|terminal|agent|debt-)/.test(f) || f.startsWith('debt/'));
    const heavyPackages = [...new Set([...packages, ...verify.packages])].filter((p) => ['zod', 'chalk', 'ts-morph', '@ts-morph/common', '@cucumber/gherkin', 'tinyglobby', 'chokidar'].includes(p));
    expect({ heavyFiles, heavyPackages }).toEqual({ heavyFiles: [], heavyPackages: [] });
  });

  it('sees a static import for what it is (the check can fail)', () => {
    const { files } = staticClosure(path.join(SRC, 'report/watch.ts'));
    expect([...files].some((f) => f.endsWith(path.join('report', 'reporters.ts')))).toBe(true);
  });
});

describe("what every verify's debt measurement loads", () => {
  beforeAll(async () => {
    await init;
  });

  // Debt is measured on every run of the whole suite, in the CLI's thread while the runner works:
  // the YAML and Gherkin parsers (≈ 70 ms of CPU to load) are needed only for a Markdown spec's front
  // matter, and load with import() when one has it.
  it('loads neither the YAML nor the Gherkin parser statically', () => {
    const { packages } = staticClosure(path.join(SRC, 'api/debt.ts'));
    expect([...packages].filter((p) => ['yaml', '@cucumber/gherkin', 'ts-morph', '@ts-morph/common', 'typescript'].includes(p))).toEqual([]);
  });

  it('sees the parsers where they are static (the check can fail)', () => {
    expect([...staticClosure(path.join(SRC, 'spec/front-matter.ts')).packages]).toEqual(expect.arrayContaining(['yaml', '@cucumber/gherkin']));
  });
});
