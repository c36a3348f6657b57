/**
 * Tolerant JSON-with-comments parse, as tsconfig.json is written: `//` and `/* *\/` comments
 * and trailing commas are removed (outside strings), then JSON.parse. Returns undefined for
 * anything still invalid — a broken tsconfig must not break the graph.
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  // Trailing commas: a comma followed only by whitespace before } or ]. Strings are already
  // intact, and a string can't hold a raw `,}` outside quotes, so a regex over the remainder
  // must skip string contents — done by matching strings first and keeping them.
  const cleaned = out.replace(/"(?:[^"\\]|\\.)*"|,(\s*[}\]])/g, (match, closer: string | undefined) =>
    closer === undefined ? match : closer,
  );
  try {
    return JSON.parse(cleaned) as unknown;
  } catch {
    return undefined;
  }
}
