import { createRequire } from 'node:module';

type Exec = (regexp: RegExp, input: string) => RegExpExecArray | null;

/**
 * RegExp exec with match indices from V8's own `d` flag. cucumber-expressions gets them from the
 * regexp-match-indices polyfill, which re-parses every step regexp with regexp-tree because its
 * native check runs on a regexp without the flag; that is most of the cost of matching a step.
 * Same result: the polyfill implements the same spec.
 */
export function nativeIndicesExec(): Exec {
  const flagged = new WeakMap<RegExp, RegExp>();
  return (regexp, input) => {
    let withIndices = flagged.get(regexp);
    if (!withIndices) {
      withIndices = regexp.hasIndices ? regexp : new RegExp(regexp.source, `${regexp.flags}d`);
      flagged.set(regexp, withIndices);
    }
    withIndices.lastIndex = regexp.lastIndex;
    const match = withIndices.exec(input);
    regexp.lastIndex = withIndices.lastIndex;
    return match;
  };
}

/**
 * Puts nativeIndicesExec in the module cache where the project's cucumber-expressions will look for
 * regexp-match-indices, before cucumber loads it. Does nothing when that package isn't used.
 */
export function preferNativeIndices(cucumberPackageJson: string): boolean {
  try {
    const fromCucumber = createRequire(cucumberPackageJson);
    const expressions = fromCucumber.resolve('@cucumber/cucumber-expressions');
    const requireFromExpressions = createRequire(expressions);
    const id = requireFromExpressions.resolve('regexp-match-indices');
    const cache = requireFromExpressions.cache;
    if (cache[id]) return false;
    const exec = Object.assign(nativeIndicesExec(), { native: RegExp.prototype.exec });
    cache[id] = { id, filename: id, loaded: true, exports: exec, children: [], paths: [] } as unknown as NodeJS.Module;
    return true;
  } catch {
    return false;
  }
}
