import { readFileSync } from 'node:fs';
import path from 'node:path';

// Control bytes printed raw would drive the terminal (ESC sequences, backspace): each is shown as
// its Unicode control picture (␀, ␛), tab and line breaks excepted.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const picture = (ch: string) => String.fromCharCode(ch === '\u007f' ? 0x2421 : 0x2400 + ch.charCodeAt(0));

/** Reads spec sources once each, to show the lines around a failure. */
export function makeExcerpter(root: string, context = 2): (file: string, line: number) => { startLine: number; lines: string[] } | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readFileSync(path.resolve(root, file), 'utf8').replace(CONTROL, picture).split(/\r?\n/));
      } catch {
        cache.set(file, undefined);
      }
    }
    const lines = cache.get(file);
    if (!lines || line < 1 || line > lines.length) return undefined;
    const startLine = Math.max(1, line - context);
    return { startLine, lines: lines.slice(startLine - 1, Math.min(lines.length, line + context)) };
  };
}
