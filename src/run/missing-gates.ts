import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SpecProblem } from '../core/errors.js';
import type { GateConfig } from '../config/schema.js';
import { declares, findBin } from './gates.js';

export interface MissingGateContext {
  root: string;
  /** The config's gates: a typecheck set there (a command, or false) is the person's choice. */
  configured: Record<string, GateConfig>;
  /** The gates asked for: `--gate NAME` or `--gate none` is a choice too; undefined runs every gate. */
  only: string[] | false | undefined;
  /** The run loaded TypeScript step or support files. */
  loadsTypeScript: boolean;
}

/**
 * A TypeScript project whose typecheck gate was not detected gets one note saying what would add
 * it: a green verdict with no type check is easy to take for one that checked types. TypeScript
 * project: a tsconfig.json, typescript in package.json, or TypeScript steps with no tsc at all.
 */
export function missingGateNotes({ root, configured, only, loadsTypeScript }: MissingGateContext): SpecProblem[] {
  if (only !== undefined || 'typecheck' in configured) return [];
  const tsconfig = existsSync(path.join(root, 'tsconfig.json'));
  const tsc = findBin(root, 'tsc') !== undefined;
  if (tsconfig && tsc) return [];
  // A tsc found above the project (a monorepo's, or any parent's) is not this project asking for a typecheck.
  if (!tsconfig && (tsc ? !declares(root, 'typescript') : !loadsTypeScript)) return [];
  const missing = tsc ? 'add a tsconfig.json' : tsconfig ? 'install typescript' : 'install typescript and add a tsconfig.json';
  const how = tsc ? 'npx tsc --init' : 'npm i -D typescript';
  return [
    {
      code: 'SPEC_GATE_MISSING',
      message: `no typecheck: ${missing} to add it`,
      hint: `${how}; specloop then runs tsc --noEmit after the scenarios (or set "gates": { "typecheck": false } in spec.config to say you want none)`,
    },
  ];
}
