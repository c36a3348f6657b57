/** The run's line coverage, for debt's `unspecified` figures; a cache: failing to write it never fails the run (false then). */
export async function recordLines(root: string, executed: Record<string, number[]>, steps: string[], startedAt: Date): Promise<boolean> {
  const [{ recordLineCoverage }, { sourceFiles }] = await Promise.all([import('../debt/line-record.js'), import('../debt/sources.js')]);
  return recordLineCoverage(root, executed, await sourceFiles(root, { steps }), startedAt).then(
    () => true,
    () => false,
  );
}
