import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetMoved, loadBaseline, recordBaseline } from '../src/impact/baseline.js';
import { loadScenarioMap, recordScenarioMap, type ScenarioMap } from '../src/impact/scenario-map.js';
import { REPO, startWriters, tempDir } from './helpers.js';


function mapOf(...ids: string[]): ScenarioMap {
  return { version: 1, scenarios: ids.map((id) => ({ id, file: id.split(':')[0]!, line: Number(id.split(':')[1]), stepFiles: ['steps/a.ts'] })), globalSupportFiles: [], supportFiles: ['steps/a.ts'] };
}

function leftLocks(root: string): string[] {
  return readdirSync(path.join(root, '.spec')).filter((f) => f.endsWith('.lock'));
}

describe('the scenario map under runs at once', () => {
  it('partial runs recorded at the same moment each keep their scenarios', async () => {
    const root = tempDir('specloop-map-race-');
    await Promise.all(Array.from({ length: 12 }, (_, i) => recordScenarioMap(root, mapOf(`features/f${i}.feature:3`), true, [`features/f${i}.feature`])));
    const map = await loadScenarioMap(root);
    expect(map?.scenarios.map((s) => s.id).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `features/f${i}.feature:3`).sort());
    expect(leftLocks(root)).toEqual([]);
  });

  it('processes recording at once each keep their scenarios, and the file always parses', async () => {
    const root = tempDir('specloop-map-procs-');
    const script = path.join(root, 'record.mts');
    const mapModule = path.join(REPO, 'src', 'impact', 'scenario-map.ts');
    writeFileSync(
      script,
      `import { recordScenarioMap } from ${JSON.stringify(mapModule)};
const [root, who] = process.argv.slice(2);
for (let i = 0; i < 8; i++) {
  const id = \`features/\${who}-\${i}.feature:3\`;
  await recordScenarioMap(root, { version: 1, scenarios: [{ id, file: id.split(':')[0], line: 3, stepFiles: [] }], globalSupportFiles: [], supportFiles: [] }, true, []);
}
`,
    );
    const runs = startWriters(script, root, ['a', 'b', 'c', 'd']);
    // Read while they write: every read sees a whole map (or none yet), never half of one.
    const file = path.join(root, '.spec', 'scenario-map.json');
    let reads = 0;
    const pending = Promise.all(runs);
    let done = false;
    void pending.then(() => (done = true));
    while (!done) {
      if (existsSync(file)) {
        expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
        reads++;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(await pending).toEqual([0, 0, 0, 0]);
    const ids = (await loadScenarioMap(root))?.scenarios.map((s) => s.id) ?? [];
    expect(ids).toHaveLength(32);
    expect(new Set(ids).size).toBe(32);
    expect(reads).toBeGreaterThan(0);
    expect(leftLocks(root)).toEqual([]);
  });

  it('a lock a dead run left behind is taken over once stale', async () => {
    const root = tempDir('specloop-map-stale-');
    const lock = path.join(root, '.spec', 'scenario-map.json.lock');
    mkdirSync(lock, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await recordScenarioMap(root, mapOf('features/a.feature:3'), true, []);
    expect((await loadScenarioMap(root))?.scenarios.map((s) => s.id)).toEqual(['features/a.feature:3']);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('the coverage baseline under runs at once', () => {
  it('baselines recorded at the same moment each keep their files', async () => {
    const root = tempDir('specloop-baseline-race-');
    const files = Array.from({ length: 10 }, (_, i) => `src/m${i}.ts`);
    mkdirSync(path.join(root, 'src'));
    for (const file of files) writeFileSync(path.join(root, file), `export const ${path.basename(file, '.ts')} = 1;\n`);
    const before = Date.now() + 5_000;
    await Promise.all(files.map((file) => recordBaseline(root, [file], before)));
    expect(Object.keys(await loadBaseline(root)).sort()).toEqual([...files].sort());
    // forgetMoved at the same time as a record keeps the record of files that did not move.
    writeFileSync(path.join(root, files[0]!), 'export const moved = 2;\n');
    await Promise.all([forgetMoved(root, [files[0]!]), recordBaseline(root, [files[1]!], before)]);
    expect(Object.keys(await loadBaseline(root)).sort()).toEqual(files.slice(1).sort());
    expect(leftLocks(root)).toEqual([]);
  });
});
