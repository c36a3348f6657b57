import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The text of each covered code file as the last completed run saw it, so an edit can be told
 * apart as "inside function bodies only" (then coverage selects exactly). Updated only when a run
 * completes: a cancelled run's edits are compared again, together with the next ones.
 */
export class SourceSnapshots {
  private readonly texts = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** Remembers files not seen yet, as they are now. */
  remember(files: Iterable<string>): void {
    for (const file of files) if (!this.texts.has(file)) this.store(file, read(this.root, file));
  }

  /** For each changed file we hold a text for: whether only function bodies changed since then. */
  async classify(changed: string[]): Promise<{ bodyOnly: (file: string) => boolean; commit: () => void }> {
    const known = changed.filter((f) => this.texts.has(f));
    const now = new Map(known.map((f) => [f, read(this.root, f)]));
    const verdicts = new Map<string, boolean>();
    if (known.length) {
      const { isBodyOnlyEdit } = await import('../impact/body-edit.js');
      for (const file of known) {
        const before = this.texts.get(file);
        const after = now.get(file);
        verdicts.set(file, before !== undefined && after !== undefined && isBodyOnlyEdit(before, after, file));
      }
    }
    return { bodyOnly: (file) => verdicts.get(file) === true, commit: () => now.forEach((text, file) => this.store(file, text)) };
  }

  private store(file: string, text: string | undefined): void {
    if (text === undefined) this.texts.delete(file);
    else this.texts.set(file, text);
  }
}

function read(root: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}
