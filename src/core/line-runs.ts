/**
 * Line numbers as the runs of consecutive lines they make, each run's text `start-end` (or one
 * number): [3, 1, 2, 7] → ["1-3", "7"]. Sorted, each line once. One writer for the compact forms
 * the reports and a shard's verdict print.
 */
export function lineRunTexts(lines: readonly number[], dash = '-'): string[] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    runs.push(start === sorted[i] ? `${start}` : `${start}${dash}${sorted[i]}`);
  }
  return runs;
}
