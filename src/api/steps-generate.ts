import path from 'node:path';
import type { EnvironmentInput } from '../core/env.js';
import { findCucumberConfig } from '../config/profile.js';
import type { StepsCatalogue } from '../bind/catalogue-schema.js';
import { asInterface, expressionFor, makeRegistry } from '../bind/snippet.js';
import { planStubs, type StubTargetFacts } from '../bind/stub-plan.js';
import type { WrittenFile } from '../bind/stub-write.js';
import { bindSteps, type BoundSteps, type ListStepsOptions } from './steps.js';

export type { WrittenFile } from '../bind/stub-write.js';

export interface GenerateReport {
  /** The files stubs were written to (none: nothing was undefined, or every stub was there already). */
  written: WrittenFile[];
  /** The catalogue the stubs were generated from (before they were written). */
  catalogue: StepsCatalogue;
}

/**
 * `spec steps --generate`: a pending, typed stub for every undefined step, in the project's step
 * folder, one file per spec (created, or extended), never a second definition of one expression.
 * A stub returns 'pending', so a scenario that uses it still fails until someone writes it.
 * Throws SpecloopError (exit 2) for bad input or a step folder it cannot decide (SPEC_STEPS_FOLDER).
 */
export async function generateStubs(options: ListStepsOptions = {}, environment: EnvironmentInput = {}): Promise<GenerateReport> {
  const bound = await bindSteps(options, environment);
  const { catalogue, root } = bound;
  if (catalogue.undefined.length === 0) return { written: [], catalogue };
  const registry = makeRegistry(bound.result.parameterTypes);
  const definitionFiles = [...new Set(catalogue.definitions.map((d) => d.file))];
  const groups = planStubs(catalogue.undefined, targetFacts(bound, definitionFiles), (step) => expressionFor(step.text, registry).source);
  const { writeStubs } = await import('../bind/stub-write.js');
  const written = writeStubs({
    root,
    groups,
    registry,
    style: asInterface(bound.overlay?.snippetInterface),
    supportFiles: bound.supportFiles.map((f) => path.resolve(root, f)),
    definitionFiles: definitionFiles.map((f) => path.resolve(root, f)),
  });
  return { written, catalogue };
}

function targetFacts(bound: BoundSteps, definitionFiles: string[]): StubTargetFacts {
  const fromProfile = Boolean(bound.overlay && (bound.overlay.requirePaths.length || bound.overlay.importPaths.length));
  const profileFile = fromProfile ? findCucumberConfig(bound.root) : undefined;
  return { definitionFiles, supportGlobs: bound.supportGlobs, globsSource: profileFile ?? 'spec.config "steps"', globsFile: profileFile };
}
