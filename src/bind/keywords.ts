/** Given/When/Then for a step: And/But/* take the meaning of the step before them. */
export function effectiveKeywords(keywords: string[]): string[] {
  let previous = 'Given';
  return keywords.map((keyword) => {
    const k = keyword.trim();
    if (k === 'Given' || k === 'When' || k === 'Then') previous = k;
    return previous;
  });
}

/** cucumber-js defines steps with English functions whatever the spec's dialect. */
const SNIPPET_KEYWORD = { Context: 'Given', Action: 'When', Outcome: 'Then' } as const;

/** The English Given/When/Then each step of a scenario is defined with: its meaning, else the step before it. */
export function snippetKeywords(steps: { keyword: string; type?: 'Context' | 'Action' | 'Outcome' | undefined }[]): string[] {
  const fallback = effectiveKeywords(steps.map((s) => s.keyword));
  return steps.map((s, i) => (s.type ? SNIPPET_KEYWORD[s.type] : fallback[i]!));
}
