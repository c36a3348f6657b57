import { isMap, isPair, isScalar, parseDocument, type Node } from 'yaml';

/**
 * Line (1-based) of a key path inside a config file's text, so a config error can point at it.
 * JSON parses as YAML with positions; for JS/TS sources we fall back to the first `key:` occurrence.
 */
export function locateKey(text: string, keyPath: (string | number)[], isJson: boolean): number | undefined {
  if (isJson) {
    const line = locateJsonKey(text, keyPath);
    if (line !== undefined) return line;
  }
  for (let depth = keyPath.length - 1; depth >= 0; depth--) {
    const key = keyPath[depth];
    if (typeof key !== 'string') continue;
    const match = new RegExp(`(^|[\\s{,'"])${escapeRegExp(key)}['"]?\\s*:`, 'm').exec(text);
    if (match) return lineAt(text, match.index + match[1]!.length);
  }
  return undefined;
}

/**
 * Lines of a cucumber profile's keys in its config file's text: in a JSON or YAML file under the
 * profile that was read (so a typo in `ci` is not placed at `default`'s), else the first `key:`
 * the text shows. A key the text does not show (one spread in from another module) has no line.
 */
export function locateProfileKeys(text: string, file: string, profiles: readonly string[], keys: readonly string[]): Record<string, number> {
  const structured = /\.(json|ya?ml)$/.test(file);
  const lines: Record<string, number> = {};
  for (const key of keys) {
    const inProfile = structured ? profiles.map((name) => locateExactKey(text, [name, key])).find((line) => line !== undefined) : undefined;
    const line = inProfile ?? locateKey(text, [key], false);
    if (line !== undefined) lines[key] = line;
  }
  return lines;
}

function locateExactKey(text: string, keyPath: string[]): number | undefined {
  const found = walkKeyPath(text, keyPath);
  return found.depth === keyPath.length ? found.line : undefined;
}

function locateJsonKey(text: string, keyPath: (string | number)[]): number | undefined {
  return walkKeyPath(text, keyPath).line;
}

/** The line of the deepest key of `keyPath` the document has, and how deep that is. */
function walkKeyPath(text: string, keyPath: (string | number)[]): { line: number | undefined; depth: number } {
  let node: Node | null | undefined = parseDocument(text, { keepSourceTokens: false }).contents as Node | null;
  let line: number | undefined;
  let depth = 0;
  for (const key of keyPath) {
    const pair = isMap(node) ? node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key) : undefined;
    if (!pair || !isScalar(pair.key) || !pair.key.range) break;
    line = lineAt(text, pair.key.range[0]);
    node = pair.value as Node | null;
    depth++;
  }
  return { line, depth };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
