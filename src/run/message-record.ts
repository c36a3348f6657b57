import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Envelope } from '@cucumber/messages';

/** cucumber's message stream, one envelope a line, as its `message` formatter writes it (synchronous: in order, complete before the result is sent). */
export function recordMessages(file: string): { write: (envelope: Envelope) => void; close: () => void } {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  return { write: (envelope) => writeSync(fd, `${JSON.stringify(envelope)}\n`), close: () => closeSync(fd) };
}
