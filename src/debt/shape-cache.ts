import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir } from '../core/fs.js';
import { updateLocked } from '../impact/locked-update.js';
import { fileShape, type FileShape } from './file-shape.js';

const SHAPES_FILE = '.spec/debt-shapes.json';

/**
 * File shapes by content hash (and extension: the same text parses differently as .js and .ts),
 * kept in .spec/ so a measurement after one edit parses one file. A cache: unreadable is empty,
 * and failing to write it never fails a measurement.
 */
export class ShapeCache {
  private constructor(
    private readonly root: string,
    private readonly known: Record<string, FileShape>,
  ) {}

  private readonly used: Record<string, FileShape> = {};
  private added = 0;

  static async open(root: string): Promise<ShapeCache> {
    try {
      const data = JSON.parse(await readFile(path.join(root, SHAPES_FILE), 'utf8')) as { version?: number; shapes?: Record<string, FileShape> };
      return new ShapeCache(root, data.version === 1 && data.shapes && typeof data.shapes === 'object' ? data.shapes : {});
    } catch {
      return new ShapeCache(root, {});
    }
  }

  shape(file: string, hash: string, text: string): FileShape {
    const key = `${hash}${path.extname(file)}`;
    let shape = this.known[key];
    if (!shape || !Array.isArray(shape.lines) || !Array.isArray(shape.functions)) {
      shape = fileShape(file, text);
      this.added++;
    }
    this.used[key] = shape;
    return shape;
  }

  /** A shape the caller already holds for this text: kept in the cache. */
  keep(file: string, hash: string, shape: FileShape): true {
    const key = `${hash}${path.extname(file)}`;
    if (!this.known[key]) this.added++;
    this.used[key] = shape;
    return true;
  }

  /** Keeps the shapes of the files as they are now (older texts' shapes go). */
  async save(): Promise<void> {
    if (this.added === 0 && Object.keys(this.used).length === Object.keys(this.known).length) return;
    const target = path.join(this.root, SHAPES_FILE);
    await updateLocked(target, async () => {
      ensureDir(path.dirname(target));
      const { default: writeFileAtomic } = await import('write-file-atomic');
      await writeFileAtomic(target, JSON.stringify({ version: 1, shapes: this.used }), { fsync: false });
    }).catch(() => undefined);
  }
}
