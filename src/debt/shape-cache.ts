import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir } from '../core/fs.js';
import { updateLocked } from '../impact/locked-update.js';
import { fileShape, type FileShape } from './file-shape.js';
import { stampOf } from './stamped.js';

const SHAPES_FILE = '.spec/debt-shapes.json';

/**
 * Per cache file, the shapes this process last read or wrote there, and the file's stamp after
 * that (undefined while a write is under way): a long-lived process re-reads the file only when
 * someone else wrote it.
 */
const held = new Map<string, { stamp: string | undefined; shapes: Record<string, FileShape> }>();
/** Writes in progress, one after another, so the last measurement's shapes are what stays. */
let writing: Promise<void> = Promise.resolve();

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
  /** A file was left unparsed: its last shape (likely its recorded text's, which a revert brings back) stays. */
  private skipped = false;

  static async open(root: string): Promise<ShapeCache> {
    const target = path.join(root, SHAPES_FILE);
    const stamp = await stampOf(target);
    const known = held.get(target);
    if (known && (known.stamp === undefined || known.stamp === stamp)) return new ShapeCache(root, known.shapes);
    const shapes = await readShapes(target);
    held.set(target, { stamp, shapes });
    return new ShapeCache(root, shapes);
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

  /** The shape this text had when it was last parsed, if the cache has it; else the file counts as skipped (never parses). */
  cached(file: string, hash: string): FileShape | undefined {
    const shape = this.known[`${hash}${path.extname(file)}`];
    if (shape && Array.isArray(shape.lines) && Array.isArray(shape.functions)) return shape;
    this.skipped = true;
    return undefined;
  }

  /** A shape the caller already holds for this text: kept in the cache. */
  keep(file: string, hash: string, shape: FileShape): true {
    const key = `${hash}${path.extname(file)}`;
    if (!this.known[key]) this.added++;
    this.used[key] = shape;
    return true;
  }

  /**
   * Keeps the shapes of the files as they are now (older texts' shapes go), when they changed. The
   * write goes on after this returns (a measurement does not wait for its cache); `written()`
   * settles when it is done.
   */
  save(): void {
    if (this.added === 0 && (this.skipped || Object.keys(this.used).length === Object.keys(this.known).length)) return;
    const target = path.join(this.root, SHAPES_FILE);
    const shapes = this.skipped ? { ...this.known, ...this.used } : this.used;
    held.set(target, { stamp: undefined, shapes });
    writing = writing.then(() => writeShapes(target, shapes));
  }

  /** Every write save() started has ended (written or given up: a cache never fails a measurement). */
  static written(): Promise<void> {
    return writing;
  }
}

async function readShapes(target: string): Promise<Record<string, FileShape>> {
  try {
    const data = JSON.parse(await readFile(target, 'utf8')) as { version?: number; shapes?: Record<string, FileShape> };
    return data.version === 1 && data.shapes && typeof data.shapes === 'object' ? data.shapes : {};
  } catch {
    return {};
  }
}

async function writeShapes(target: string, shapes: Record<string, FileShape>): Promise<void> {
  await updateLocked(target, async () => {
    ensureDir(path.dirname(target));
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(target, JSON.stringify({ version: 1, shapes }), { fsync: false });
  }).catch(() => undefined);
  // Ours unless a later save() took over meanwhile: then that one's write sets the stamp.
  const mine = held.get(target);
  if (mine?.shapes === shapes) mine.stamp = await stampOf(target);
}
