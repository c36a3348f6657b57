import { CucumberExpression, RegularExpression, type ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { RunDefinition, RunParameterType } from '../core/run-result.js';
import { makeRegistry } from './snippet.js';

/**
 * Of `definitions`, the ids of those some step text matches — cucumber's own matching (cucumber
 * expressions with the run's parameter types, or regular expressions), for steps the run did not
 * execute (scenarios a configured tag filter leaves out).
 */
export function definitionsUsedBy(definitions: RunDefinition[], stepTexts: Iterable<string>, parameterTypes: RunParameterType[]): Set<string> {
  const registry = makeRegistry(parameterTypes);
  const matchers = definitions.map((d) => ({ id: d.id, matches: matcherFor(d, registry) }));
  const used = new Set<string>();
  for (const text of new Set(stepTexts)) {
    for (const m of matchers) if (!used.has(m.id) && m.matches(text)) used.add(m.id);
    if (used.size === matchers.length) break;
  }
  return used;
}

/** A definition whose pattern cannot be read here counts as used: never call something unused on a guess. */
function matcherFor(def: RunDefinition, registry: ParameterTypeRegistry): (text: string) => boolean {
  try {
    const expression = def.patternType === 'regexp' ? new RegularExpression(new RegExp(def.pattern), registry) : new CucumberExpression(def.pattern, registry);
    return (text) => expression.match(text) !== null;
  } catch {
    return () => true;
  }
}
