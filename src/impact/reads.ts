import path from 'node:path';
import type { ScenarioMap } from './scenario-map.js';

/** Modules: the import graph decides for them. Anything else the code may read as data. */
const CODE = /\.(?:[cm]?[jt]sx?|node)$/;
/** Specs are never data: the spec rules decide for them, present or deleted. */
const SPEC = /\.(?:feature|md)$/;

/** What the run records for a child process that may run or read any project file (run/read-recorder.cts). */
export const ANY_FILE = '*';

/**
 * A changed file the code read while loading or in BeforeAll/AfterAll hooks: state every scenario
 * may see. A child process started then (a server run as `node src/main.ts`) may run or read any of them.
 */
export function readWhileLoading(changed: string[], map: ScenarioMap): { file: string; because: string } | undefined {
  const shared = new Set(map.loadReads ?? []);
  const read = changed.find((file) => shared.has(file));
  if (read) return { file: read, because: 'changed (the code read it while loading or in a BeforeAll/AfterAll hook)' };
  if (!shared.has(ANY_FILE) || changed.length === 0) return undefined;
  return { file: changed[0]!, because: 'changed (a child process the code started while loading or in a BeforeAll/AfterAll hook may run or read it)' };
}

/**
 * Scenarios a changed file reaches through what their code read with fs (run/read-recorder.ts):
 * those that read it, tried to, or listed its folder. For a data file (not a module the graph
 * follows), also every scenario whose record cannot say: recorded without reads (an older map, a
 * parallel worker), or stopped early (a failed scenario may read it in the steps it never reached).
 * A data file no scenario read in a run that recorded reads, or one the run wrote, reaches nothing
 * more.
 */
export function addReaders(changed: string[], map: ScenarioMap, isModule: (file: string) => boolean, add: (target: string, because: string) => void): void {
  const written = new Set(map.writes ?? []);
  for (const file of changed.filter((f) => !SPEC.test(f))) {
    const folder = `${path.posix.dirname(file)}/`; // the root lists as './'
    // What the run writes itself is its output: counting it would make watch re-run what wrote it, forever.
    const data = !CODE.test(file) && !isModule(file) && !written.has(file);
    for (const scenario of map.scenarios) {
      const reads = scenario.reads;
      if (reads?.includes(file)) add(scenario.id, `${file} changed (this scenario read it)`);
      else if (reads?.includes(ANY_FILE)) add(scenario.id, `${file} changed (this scenario started a child process that may run or read it)`);
      else if (reads?.includes(folder)) add(scenario.id, `${file} changed (this scenario listed ${folder})`);
      else if (!data) continue;
      else if (!reads) add(scenario.id, `${file} changed, and the run that recorded this scenario did not record which files it reads`);
      else if (scenario.status !== undefined && scenario.status !== 'passed') add(scenario.id, `${file} changed, and this scenario did not pass when recorded (it may read it in the steps it did not reach)`);
    }
  }
}
