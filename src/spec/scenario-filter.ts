import parseTagExpression from '@cucumber/tag-expressions';

/**
 * cucumber's own filter of a run's scenarios, as it applies it after any line filter: the tag
 * expression, then any name pattern (one matching is enough). Compiled once, applied to each scenario.
 */
export function scenarioFilter(tagExpression: string | undefined, names: readonly string[]): (scenario: { tags: readonly string[]; name: string }) => boolean {
  const tags = tagExpression ? parseTagExpression(tagExpression) : undefined;
  const patterns = names.map((n) => new RegExp(n));
  return (scenario) => (!tags || tags.evaluate(scenario.tags as string[])) && (!patterns.length || patterns.some((p) => p.test(scenario.name)));
}
