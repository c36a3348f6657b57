import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isConfigFile } from '../impact/select.js';

/**
 * The root's config files with their size and mtime. No file watcher tells the MCP server what
 * changed between calls: a change in any of these is what makes a call resolve its config again
 * (and verify start a fresh runner).
 */
export function configStamp(root: string): string {
  let names: string[];
  try {
    names = readdirSync(root).filter(isConfigFile).sort();
  } catch {
    return '';
  }
  return names
    .map((name) => {
      try {
        const s = statSync(path.join(root, name));
        return `${name}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${name}:gone`;
      }
    })
    .join('|');
}
