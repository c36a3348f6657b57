import nodeModule from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { analyzeStepFiles } from './vacuous.js';

// Runs the slow half of vacuous checks off the main thread (vacuous-cache.ts), so the parent keeps
// taking the runner's results while ts-morph reads the step files.
//
// A thread does not inherit the compile cache its parent switched on with module.enableCompileCache
// (only one NODE_COMPILE_CACHE started), so without this every analysis compiled the TypeScript
// compiler afresh (≈ 0.3 s of CPU on Node 24): the parent names its cache folder, and ts-morph is
// imported only once the cache is on. The cache is written before the answer goes back, as the
// parent terminates this thread once it has the answer.
type Input = Parameters<typeof analyzeStepFiles>[0] & { compileCacheDir?: string };
const { compileCacheDir, ...input } = workerData as Input;
const cache = nodeModule as { enableCompileCache?: (dir: string) => unknown; flushCompileCache?: () => void };
if (compileCacheDir !== undefined) cache.enableCompileCache?.(compileCacheDir);
const { analyzeStepFiles: analyze } = await import('./vacuous.js');
const analysis = analyze(input);
cache.flushCompileCache?.();
parentPort?.postMessage(analysis);
