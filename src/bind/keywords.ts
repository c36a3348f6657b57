/** Given/When/Then for a step: And/But/* take the meaning of the step before them. */
export function effectiveKeywords(keywords: string[]): string[] {
  let previous = 'Given';
  return keywords.map((keyword) => {
    const k = keyword.trim();
    if (k === 'Given' || k === 'When' || k === 'Then') previous = k;
    return previous;
  });
}
