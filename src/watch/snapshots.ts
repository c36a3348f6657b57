import path from 'node:path';
import { readTextIfExists } from '../core/fs.js';
import { bodyOnlyEdits } from '../impact/changes.js';

export interface EditCheck {
  /** Whether the file changed only inside function bodies since the last completed run saw it. */
  bodyOnly: (file: string) => boolean;
  /** The run completed: what it ran against becomes the baseline. */
  commit: () => void;
}

/**
 * The text of each covered code file as the last completed run saw it, so an edit can be told
 * apart as "inside function bodies only" (then coverage selects exactly). Texts are read when a
 * run starts, before its runner loads anything, and kept only if the run completes: a cancelled
 * run's edits are judged again, together with the next ones, against the older text.
 */
export class SourceSnapshots {
  private readonly texts = new Map<string, string>();

  constructor(private readonly root: string) {}

  async begin(changed: string[], covered: Iterable<string>): Promise<EditCheck> {
    const now = new Map<string, string | undefined>();
    for (const file of changed) now.set(file, readTextIfExists(path.join(this.root, file)));
    // Baselines for covered files seen for the first time; a changed one has none to compare with.
    for (const file of covered) if (!this.texts.has(file) && !now.has(file)) now.set(file, readTextIfExists(path.join(this.root, file)));
    const bodyOnly = await bodyOnlyEdits(changed, (file) => this.texts.get(file), (file) => now.get(file));
    return { bodyOnly, commit: () => now.forEach((text, file) => this.store(file, text)) };
  }

  private store(file: string, text: string | undefined): void {
    if (text === undefined) this.texts.delete(file);
    else this.texts.set(file, text);
  }
}
