import { expect } from 'vitest';
import { SpecloopError, type SpecProblem } from '../src/core/errors.js';

/** The problem a rejected promise carries; fails the test if it resolves or throws anything else. */
export async function problemOf(promise: Promise<unknown>): Promise<SpecProblem> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SpecloopError);
    return (error as SpecloopError).problem;
  }
  throw new Error('expected the call to reject with a SpecloopError');
}
