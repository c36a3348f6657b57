import { readFileSync } from 'node:fs';

interface OwnPackage {
  version: string;
  dependencies?: Record<string, string>;
}

let cached: OwnPackage | undefined;

/** specloop's own package.json (its version and the versions of what it depends on), read once. */
export function ownPackage(): OwnPackage {
  cached ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as OwnPackage;
  return cached;
}
