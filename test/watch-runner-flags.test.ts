import { describe, expect, it } from 'vitest';
import type { SupportJob } from '../src/run/protocol.js';
import { watchRunnerFlags } from '../src/watch/runners.js';

const support = (over: Partial<SupportJob>): SupportJob => ({ requirePaths: ['steps/a.ts'], importPaths: [], requireModules: ['tsx/cjs'], module: 'cjs', timeout: 5000, ...over });

describe('watchRunnerFlags', () => {
  it('gives a runner of CommonJS steps the larger young generation: it frees what each reload purges', () => {
    expect(watchRunnerFlags(support({}))).toEqual(['--max-semi-space-size=8']);
  });

  it('keeps ES-module steps, loaded by module or by import:, at 2 MB: their runner keeps every module copy', () => {
    expect(watchRunnerFlags(support({ module: 'esm' }))).toEqual(['--max-semi-space-size=2']);
    expect(watchRunnerFlags(support({ requirePaths: [], importPaths: ['steps/a.ts'] }))).toEqual(['--max-semi-space-size=2']);
  });

  it('keeps the small one while no run has said which', () => {
    expect(watchRunnerFlags(undefined)).toEqual(['--max-semi-space-size=2']);
  });
});
