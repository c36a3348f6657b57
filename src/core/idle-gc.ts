/**
 * A full garbage collection once a watch session has been idle a moment after a run. Each edit's
 * work (selection, the verdict, the map and debt records) leaves garbage, and V8 lets the heap grow
 * well past what is live before it collects: the watcher's RSS rose ≈ 1.3 MB an edit with ≈ 45 MB
 * live (117 → 157 MB over 30 edits on the 2,000-scenario suite, bench/RESULTS.md, session 13), on a
 * 300 MB budget for watch in all. Collected between edits, it stays at what it holds; the collection
 * costs tens of ms in time nobody waits on, and a new edit cancels one not yet started.
 * But the run after a full collection is slower (the 2,000-scenario suite, an edit reaching 200
 * scenarios: 517 → 758 ms median with one after every edit, bench/RESULTS.md, session 15), so it
 * runs only once the heap has grown GROWTH_BYTES since the last one: every few edits, not each.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** V8's own `gc`, or null where it cannot be had. */
let collect: (() => void) | null | undefined;

/**
 * V8 exposes `gc` to contexts made while --expose-gc is set: taken from a new one, as
 * jest-leak-detector does, it never appears on the program's own global (nor, with the flag put back,
 * on contexts made later).
 */
function v8Gc(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
    v8.setFlagsFromString('--no-expose-gc');
  } catch {
    collect = null;
  }
  return collect;
}

/** Heap growth since the last collection that lets the next quiet moment collect. */
const GROWTH_BYTES = 16 * 1024 * 1024;

const heapUsed = () => v8.getHeapStatistics().used_heap_size;

/**
 * Runs `collect` once `quietMs` pass without another schedule() or cancel(), when the heap has grown
 * `growth` bytes since the last collection (the first always runs); never keeps the process alive.
 */
export function idleCollector(quietMs: number, collectNow: () => void = () => v8Gc()?.(), used: () => number = heapUsed, growth = GROWTH_BYTES): { schedule: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let floor: number | undefined;
  const collectIfGrown = () => {
    timer = undefined;
    if (floor !== undefined && used() - floor < growth) return;
    collectNow();
    floor = used();
  };
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule: () => {
      cancel();
      timer = setTimeout(collectIfGrown, quietMs);
      timer.unref();
    },
    cancel,
  };
}
