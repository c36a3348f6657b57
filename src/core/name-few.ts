/** The first few names and how many more: "a.ts, b.ts, c.ts and 4 more". One wording for every list a message names. */
export function nameFew(names: readonly string[], shown = 3): string {
  return `${names.slice(0, shown).join(', ')}${names.length > shown ? ` and ${names.length - shown} more` : ''}`;
}
