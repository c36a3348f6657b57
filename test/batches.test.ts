import { describe, expect, it } from 'vitest';
import { mapInBatches } from '../src/core/batches.js';

describe('mapInBatches', () => {
  it('maps every item in order', async () => {
    expect(await mapInBatches([1, 2, 3, 4, 5], (n) => n * 10, 2)).toEqual([10, 20, 30, 40, 50]);
    expect(await mapInBatches([], (n: number) => n)).toEqual([]);
  });

  it('lets the event loop turn between batches, so a message waiting then is answered before the rest', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('message'));
    await mapInBatches([1, 2, 3, 4], (n) => order.push(`item ${n}`), 2);
    expect(order).toEqual(['item 1', 'item 2', 'message', 'item 3', 'item 4']);
  });
});
