import { fileURLToPath } from 'node:url';
import type { Envelope } from '@cucumber/messages';
import type { RunError } from '../core/run-result.js';
import type { SupportJob } from './protocol.js';

interface Coordinates { requireModules: string[]; requirePaths: string[]; importPaths: string[]; loaders: string[] }

const PREAMBLE = fileURLToPath(new URL('./worker-preamble.cjs', import.meta.url));

/**
 * The support library as cucumber's workers should load it: cucumber sends each worker the
 * coordinates the library was loaded from (originalCoordinates) and the worker loads them itself,
 * so what the runner does around its own load (tsx, spec.config's timeout) goes in first, as a
 * module the worker requires. Variables reach the workers: cucumber starts them with its environment's.
 */
export function forWorkers<L extends object>(library: L, support: SupportJob, env: NodeJS.ProcessEnv): L {
  const coordinates = (library as { originalCoordinates: Coordinates }).originalCoordinates;
  env.SPECLOOP_WORKER_TIMEOUT = String(support.timeout);
  env.SPECLOOP_WORKER_ESM = support.module === 'esm' || support.importPaths.length > 0 ? '1' : '0';
  return Object.assign(Object.create(Object.getPrototypeOf(library) as object) as L, library, { originalCoordinates: { ...coordinates, requireModules: [PREAMBLE, ...coordinates.requireModules] } });
}

/**
 * The thrown error a worker put on a failed step's envelope (worker-preamble.cts): `strip` takes it
 * off before a formatter or the message record sees the envelope, `take` hands it to the collector.
 */
export function thrownInWorkers(): { strip: (envelope: Envelope) => void; take: () => RunError | undefined } {
  let last: RunError | undefined;
  return {
    strip(envelope) {
      const carrier = envelope as Envelope & { specloopThrown?: RunError };
      if (!carrier.specloopThrown) return;
      last = carrier.specloopThrown;
      delete carrier.specloopThrown;
    },
    take() {
      const taken = last;
      last = undefined;
      return taken;
    },
  };
}
