import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { idleCollector } from '../src/core/idle-gc.js';

describe('idleCollector', () => {
  it('collects once the quiet time passes with no new schedule, and not after a cancel', async () => {
    let collected = 0;
    const idle = idleCollector(30, () => collected++);
    idle.schedule();
    await sleep(10);
    idle.schedule();
    await sleep(10);
    idle.schedule();
    await sleep(60);
    expect(collected).toBe(1);
    idle.schedule();
    idle.cancel();
    await sleep(60);
    expect(collected).toBe(1);
  });

  it('collects again only once the heap has grown by the given amount since the last collection', async () => {
    let collected = 0;
    let heap = 100;
    const idle = idleCollector(5, () => collected++, () => heap, 50);
    const quiet = async () => (idle.schedule(), await sleep(30));
    await quiet();
    expect(collected).toBe(1);
    heap = 149;
    await quiet();
    expect(collected).toBe(1);
    heap = 150;
    await quiet();
    expect(collected).toBe(2);
    heap = 180;
    await quiet();
    expect(collected).toBe(2);
  });

  it("runs V8's own collection without putting gc on the global", async () => {
    const hadGc = 'gc' in globalThis;
    let garbage: object | undefined = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(garbage);
    garbage = undefined;
    // A WeakRef's target lives until the task that made it ends: collect in a later one.
    await sleep(0);
    // The control: the same wait with nothing collected leaves it alive.
    idleCollector(0, () => undefined).schedule();
    await sleep(50);
    expect(ref.deref()).toBeDefined();
    idleCollector(0).schedule();
    await sleep(50);
    expect(ref.deref()).toBeUndefined();
    expect('gc' in globalThis).toBe(hadGc);
  });
});
