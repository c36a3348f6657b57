/**
 * Module hooks (module.register) for a long-lived runner that loads ES modules: Node never
 * re-evaluates an imported module, so each run's generation goes into the URL of every module of
 * the project itself (not under node_modules) and a new URL is a new module, evaluated afresh,
 * while dependencies stay loaded. They run on Node's hooks thread, after (outside) tsx's: tsx
 * resolves and compiles; these only rename. The generation is a shared counter the runner bumps
 * before each load, so no message round trip is needed.
 */
interface Data {
  root: string;
  generation: SharedArrayBuffer;
}

interface Resolved {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}

type NextResolve = (specifier: string, context: unknown) => Promise<Resolved>;

const PARAM = 'specloop-run';
let rootUrl = '';
let generation: Int32Array | undefined;

export function initialize(data: Data): void {
  rootUrl = data.root;
  generation = new Int32Array(data.generation);
}

/** Only the project's own files are renamed: dependencies are the start-up worth keeping. */
function isProjectFile(url: string): boolean {
  return url.startsWith(rootUrl) && !url.slice(rootUrl.length).split(/[?#]/)[0]!.split('/').includes('node_modules');
}

export async function resolve(specifier: string, context: unknown, next: NextResolve): Promise<Resolved> {
  const resolved = await next(specifier, context);
  const run = generation ? Atomics.load(generation, 0) : 0;
  if (run === 0 || !isProjectFile(resolved.url)) return resolved;
  const url = new URL(resolved.url);
  url.searchParams.set(PARAM, String(run));
  return { ...resolved, url: url.href };
}
