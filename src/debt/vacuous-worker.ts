import { parentPort, workerData } from 'node:worker_threads';
import { flushCompileCache, joinCompileCache } from '../core/compile-cache.js';
import type { analyzeStepFiles } from './vacuous.js';

// Runs the slow half of vacuous checks off the main thread (vacuous-cache.ts), so the parent keeps
// taking the runner's results while ts-morph reads the step files.
//
// On the parent's compile cache (core/compile-cache.ts), joined before ts-morph is imported: else
// every analysis compiled the TypeScript compiler afresh (≈ 0.3 s of CPU on Node 24). The cache is
// written before the answer goes back, as the parent terminates this thread once it has the answer.
type Input = Parameters<typeof analyzeStepFiles>[0] & { compileCacheFolder?: string };
const { compileCacheFolder, ...input } = workerData as Input;
joinCompileCache(compileCacheFolder);
const { analyzeStepFiles: analyze } = await import('./vacuous.js');
const analysis = analyze(input);
flushCompileCache();
parentPort?.postMessage(analysis);
