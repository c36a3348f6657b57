import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

// Every folder a test made with tempDir() goes when its file ends (global-temp.ts checks it did).
afterAll(removeTempDirs);
