import { Chalk, type ChalkInstance } from 'chalk';
import type { OutputStream } from '../core/env.js';

/** Colour for one stream: NO_COLOR and FORCE_COLOR win, else only a TTY gets colour. */
export function colorFor(stream: OutputStream, env: Record<string, string | undefined>): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) });
}

export function colorLevel(stream: OutputStream, env: Record<string, string | undefined>): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number(force);
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}
