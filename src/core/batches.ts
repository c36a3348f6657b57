/**
 * Synchronous work over many files, done in batches with a turn of the event loop between them.
 * A promise per file costs several times the CPU of a synchronous read (each open, stat, read and
 * close a thread-pool hop), but one synchronous pass over a large project holds the loop for tens
 * of milliseconds while verify's runner thread waits on this thread's answer to its 'ready' (the
 * support code to load): bench/RESULTS.md, session 12 P1.
 */
export async function mapInBatches<T, R>(items: readonly T[], work: (item: T) => R, size = 64): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(start, start + size)) out.push(work(item));
  }
  return out;
}
