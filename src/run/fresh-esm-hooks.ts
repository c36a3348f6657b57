/**
 * Module hooks (module.register) for a long-lived runner that loads ES modules: Node never
 * re-evaluates an imported module, so each run's generation goes into the URL of every module of
 * the project itself (not under node_modules) and a new URL is a new module, evaluated afresh,
 * while dependencies stay loaded. They run on Node's hooks thread, after (outside) tsx's: tsx
 * resolves and compiles; these rename, and spare a reload the work whose answer cannot have
 * changed: tsx's compile of a file whose text is the same, and the resolution of a relative import
 * when no file was added to or removed from the folders it looked in. The generation is a shared
 * counter the runner bumps before each load, so no message round trip is needed.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Data {
  root: string;
  /** Folder URLs of linked packages (workspace siblings), renamed as the project's own files are. */
  linked?: string[];
  generation: SharedArrayBuffer;
}

interface Resolved {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}

interface ResolveContext {
  parentURL?: string;
  importAttributes?: Record<string, string>;
}

interface Loaded {
  format?: string | null;
  source?: string | ArrayBuffer | ArrayBufferView | null;
  shortCircuit?: boolean;
}

type NextResolve = (specifier: string, context: ResolveContext) => Promise<Resolved>;
type NextLoad = (url: string, context: unknown) => Promise<Loaded>;

const PARAM = 'specloop-run';
let rootUrls: string[] = [];
let generation: Int32Array | undefined;

export function initialize(data: Data): void {
  rootUrls = [data.root, ...(data.linked ?? [])];
  generation = new Int32Array(data.generation);
}

/** Only the project's own files (and its linked packages') are renamed: dependencies are the start-up worth keeping. */
function isProjectFile(url: string): boolean {
  const base = rootUrls.find((root) => url.startsWith(root));
  return base !== undefined && !url.slice(base.length).split(/[?#]/)[0]!.split('/').includes('node_modules');
}

function currentRun(): number {
  return generation ? Atomics.load(generation, 0) : 0;
}

function withoutRun(url: string): string {
  if (!url.includes(PARAM)) return url;
  const plain = new URL(url);
  plain.searchParams.delete(PARAM);
  return plain.href;
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<Resolved> {
  const resolved = await resolveOnce(specifier, context, next);
  const run = currentRun();
  if (run === 0 || !isProjectFile(resolved.url)) return resolved;
  const url = new URL(resolved.url);
  url.searchParams.set(PARAM, String(run));
  return { ...resolved, url: url.href };
}

/**
 * A relative import from a project module to a project file, by the importer without its
 * generation: every run asks again for each one, and through tsx (which tries .ts for .js, index
 * files, extensions) that is a good part of a reload. What it resolved to stays right while no
 * file appears in or leaves the folders the resolution looked in (a folder's mtime moves when one
 * does); package.json and tsconfig changes, which also steer it, give watch a fresh runner.
 */
const resolutions = new Map<string, { resolved: Resolved; folders: [string, number][] }>();

async function resolveOnce(specifier: string, context: ResolveContext, next: NextResolve): Promise<Resolved> {
  const parent = context.parentURL;
  if (!parent || !isProjectFile(parent) || !/^\.{0,2}\//.test(specifier)) return next(specifier, context);
  const key = `${specifier}\0${withoutRun(parent)}\0${JSON.stringify(context.importAttributes ?? {})}`;
  const kept = resolutions.get(key);
  if (kept && kept.folders.every(([folder, mtime]) => folderMtime(folder) === mtime)) return { ...kept.resolved, shortCircuit: true };
  const looked = folderOf(new URL(specifier, parent).href);
  // Taken before resolving: a file added meanwhile moves the mtime past it, and the next run asks again.
  const before = looked ? folderMtime(looked) : undefined;
  const resolved = await next(specifier, context);
  const landed = isProjectFile(resolved.url) ? folderOf(resolved.url) : undefined;
  const after = landed ? folderMtime(landed) : undefined;
  if (looked && landed && settled(before) && settled(after)) resolutions.set(key, { resolved, folders: [[looked, before!], [landed, after!]] });
  else resolutions.delete(key);
  return resolved;
}

function folderOf(url: string): string | undefined {
  return url.startsWith('file:') ? path.dirname(fileURLToPath(withoutRun(url).split(/[?#]/)[0]!)) : undefined;
}

/**
 * A folder changed within the last second may change again within the file system's timestamp
 * granularity without its mtime moving (as git's "racy" entries): its resolutions are not kept yet.
 */
function settled(mtime: number | undefined): boolean {
  return mtime !== undefined && mtime >= 0 && Date.now() - mtime > 1000;
}

/** Folder mtimes, read once per run: -1 for one that is gone. */
let statsOfRun = -1;
const mtimes = new Map<string, number>();

function folderMtime(folder: string): number {
  const run = currentRun();
  if (run !== statsOfRun) (statsOfRun = run), mtimes.clear();
  let mtime = mtimes.get(folder);
  if (mtime === undefined) {
    mtime = statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    mtimes.set(folder, mtime);
  }
  return mtime;
}

/**
 * tsx's output for each project module, with the text it was made from: a reload of a file whose
 * text is unchanged evaluates the same output again instead of compiling it again. Compared by
 * content, not mtime: an edit is always seen, even one that keeps the size and the mtime.
 */
const compiled = new Map<string, { text: string; loaded: Loaded }>();

export async function load(url: string, context: unknown, next: NextLoad): Promise<Loaded> {
  if (!url.startsWith('file:') || !isProjectFile(url)) return next(url, context);
  const key = withoutRun(url);
  const text = readText(key);
  const kept = compiled.get(key);
  if (text !== undefined && kept?.text === text) return { ...kept.loaded, shortCircuit: true };
  const loaded = await next(url, context);
  if (text !== undefined && reusable(key, loaded)) compiled.set(key, { text, loaded: { format: loaded.format, source: loaded.source } });
  else compiled.delete(key);
  return loaded;
}

/**
 * ES-module output only (CommonJS goes through require's own loader), and none that depends on the
 * URL it was loaded under: tsx's own query parameters ask for variants, and output that names a
 * generation (tsx writes `import.meta.url` into what it compiles from CommonJS) would carry the old one.
 */
function reusable(key: string, loaded: Loaded): loaded is Loaded & { source: string } {
  return loaded.format === 'module' && typeof loaded.source === 'string' && !key.includes('?') && !loaded.source.includes(PARAM);
}

function readText(url: string): string | undefined {
  try {
    return readFileSync(fileURLToPath(url.split(/[?#]/)[0]!), 'utf8');
  } catch {
    return undefined;
  }
}
