// Functions that exercise each known difference between the paper and SonarJS, so the comparison
// in test/debt-sonarjs.test.ts keeps meeting each of them whatever src/ becomes. Never run.

export interface Node { name: string; children: Node[]; next?: Node }

/** Recursion: the paper's +1, which SonarJS does not count. */
export function countNodes(node: Node): number {
  let n = 1;
  for (const child of node.children) n += countNodes(child);
  return n;
}

/** Mixed logical operators: SonarJS counts the && runs only. */
export function visible(node: Node | undefined, all: boolean, hidden?: Set<string>): boolean {
  const name = node?.name ?? node?.next?.name ?? '';
  if (all || name.startsWith('.') && !hidden?.has(name) || name === 'index' && all) return true;
  return Boolean(hidden && hidden.size > 0 || name);
}

/** A function as a branch of `?:`: SonarJS nests everything after it one level deeper. */
export function pick(nodes: Node[], byName: boolean): Node[] {
  const key = byName ? (n: Node) => n.name : (n: Node) => String(n.children.length);
  const out: Node[] = [];
  for (const node of nodes) {
    if (key(node) !== '') out.push(node);
    else if (node.next) out.push(node.next);
  }
  return out;
}

/** Labels, switch, catch, nested callbacks: scored the same by both. */
export function walkAll(root: Node, limit: number): string[] {
  const seen: string[] = [];
  outer: for (let i = 0; i < limit; i++) {
    switch (root.children.length) {
      case 0: break outer;
      case 1: continue outer;
      default:
        try {
          root.children.forEach((c) => { if (c.next) seen.push(c.next.name); else seen.push(c.name); });
        } catch {
          return seen.length > 0 ? seen : [];
        }
    }
  }
  return seen;
}
