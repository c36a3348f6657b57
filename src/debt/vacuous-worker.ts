import { parentPort, workerData } from 'node:worker_threads';
import { analyzeStepFiles } from './vacuous.js';

// Runs the slow half of vacuous checks off the main thread (vacuous-cache.ts), so the parent keeps
// taking the runner's results while ts-morph reads the step files.
parentPort?.postMessage(analyzeStepFiles(workerData as Parameters<typeof analyzeStepFiles>[0]));
