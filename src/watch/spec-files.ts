import { existsSync } from 'node:fs';
import path from 'node:path';
import { narrowSelection } from '../impact/changes.js';
import type { ScenarioMap } from '../impact/scenario-map.js';
import type { Selection } from '../impact/select.js';
import { discoverSpecs } from '../spec/discover.js';
import { specKind } from '../spec/model.js';

/**
 * The project's spec files as a watch session knows them now. Runs teach it what they compiled;
 * edits between runs change it: a spec file written since (a new one, one in a folder that did not
 * exist, one restored or renamed) joins when the spec globs match it, so it runs at once, whole;
 * one deleted leaves, so nothing asks cucumber to run a path that is gone.
 */
export class SpecFiles {
  private files = new Set<string>();
  private globs: string[] | undefined;

  constructor(private readonly root: string) {}

  has(file: string): boolean {
    return this.files.has(file);
  }

  list(): string[] {
    return [...this.files];
  }

  /** `globs`: the spec globs the run resolved (absent when its config did not load: the last ones stay). */
  learn(ran: string[], globs: string[] | undefined, all: boolean): void {
    this.files = new Set(all ? ran : [...this.files, ...ran]);
    if (globs?.length) this.globs = globs;
  }

  /** Follows a batch of edits; returns the spec files it deleted (known to this list or to the map). */
  async follow(changed: string[], map: ScenarioMap | undefined): Promise<string[]> {
    const exists = (file: string) => existsSync(path.join(this.root, file));
    const deleted = changed.filter((f) => !exists(f) && (this.files.has(f) || Boolean(map?.scenarios.some((s) => s.file === f))));
    for (const file of deleted) this.files.delete(file);
    const written = changed.filter((f) => !this.files.has(f) && specKind(f) !== undefined && exists(f));
    if (written.length === 0 || !this.globs) return deleted;
    // The same discovery verify makes, so watch and verify agree on what a spec is; when it fails,
    // the file runs anyway and the run reports what is wrong (never less run than asked).
    const found = await discoverSpecs(this.root, this.globs).then((s) => new Set(s.files), () => new Set(written));
    for (const file of written) if (found.has(file)) this.files.add(file);
    return deleted;
  }
}

/** The map without the scenarios of deleted spec files: they are no longer "not run yet". */
export function mapWithout(map: ScenarioMap | undefined, deleted: string[]): ScenarioMap | undefined {
  if (!map || !map.scenarios.some((s) => deleted.includes(s.file))) return map;
  return { ...map, scenarios: map.scenarios.filter((s) => !deleted.includes(s.file)) };
}

/** A selection without deleted spec files; none when nothing is left of it (enter then runs everything). */
export function selectionWithout(selection: Selection | undefined, deleted: string[]): Selection | undefined {
  const left = selection && narrowSelection(selection, (file) => !deleted.includes(file));
  return left && (left.all || left.paths.length) ? left : undefined;
}

/** What the idle line says when the only edits deleted spec files. */
export function leftTheSuite(deleted: string[], failingNow: number): string {
  const which = deleted.length === 1 ? 'the spec file is gone: its scenarios left the suite' : `${deleted.length} spec files are gone: their scenarios left the suite`;
  return `${which} (${failingNow} failing overall now)`;
}
