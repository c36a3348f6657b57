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

function locateJsonKey(text: string, keyPath: (string | number)[]): number | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  let node: Node | null | undefined = doc.contents as Node | null;
  let line: number | undefined;
  for (const key of keyPath) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (!pair || !isScalar(pair.key) || !pair.key.range) break;
    line = lineAt(text, pair.key.range[0]);
    node = pair.value as Node | null;
  }
  return line;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
