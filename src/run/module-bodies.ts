import { fileURLToPath } from 'node:url';
import type { FunctionCoverage, ScriptCoverage } from './coverage-files.js';

/**
 * Which functions of a take are a module's own load-time code: its top level, and what a
 * TypeScript transform wraps around it. Pure: reads a take's functions only.
 */
export function withoutModuleBodies(script: ScriptCoverage): ScriptCoverage {
  const body = moduleBody(script.functions);
  const wrapperAt = tsxWrapperStart(script.url);
  return { ...script, functions: script.functions.filter((fn) => fn !== body && isOwnFunction(fn, wrapperAt)) };
}

/**
 * tsx's CommonJS output is `__filename="<path>";(()=>{ … })()`: the arrow starts right after the
 * prefix and its "(". Recognised by that exact offset only, so an IIFE of the user's own (an ES
 * module has no wrapper) counts as the load-time code it is; should tsx change its output, every
 * such file counts as active at load, which only costs precision.
 */
function tsxWrapperStart(url: string): number {
  let file: string;
  try {
    file = url.startsWith('file:') ? fileURLToPath(url) : url;
  } catch {
    return -1;
  }
  return `__filename=${JSON.stringify(file)};(`.length;
}

/** The module's top level: the function spanning the whole script (a declaration may also start at offset 0). */
export function moduleBody(all: readonly FunctionCoverage[]): FunctionCoverage | undefined {
  let body: FunctionCoverage | undefined;
  for (const fn of all) {
    const own = fn.ranges[0];
    if (own?.startOffset === 0 && (!body || own.endOffset > body.ranges[0]!.endOffset)) body = fn;
  }
  return body;
}

/**
 * Not the module's own code: tsx's wrapper around the module body, esbuild's helpers (`__export`,
 * `__toCommonJS`, …), the export getters it writes as `name:()=>name` (reading an export at load
 * time calls nothing of the module), and V8's class initializers (<static_initializer>, …), whose
 * code sits outside function bodies, where an edit is never "body only"; what they call is
 * counted on its own.
 */
function isOwnFunction(fn: FunctionCoverage, wrapperAt: number): boolean {
  const own = fn.ranges[0];
  const name = fn.functionName;
  if (!own || name.startsWith('__') || name.startsWith('<')) return false;
  if (name) return own.endOffset - own.startOffset !== name.length + 4;
  return own.startOffset !== wrapperAt;
}
