/**
 * One tool call at a time: two verifies would fight over the runner, the scenario map and
 * `.spec/`, and a listing read mid-run would see half a map. A call that fails does not stop the queue.
 */
export class CallQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
