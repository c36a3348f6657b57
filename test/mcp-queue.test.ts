import { describe, expect, it } from 'vitest';
import { CallQueue } from '../src/mcp/queue.js';

describe('CallQueue', () => {
  it('runs one call at a time, in order, and a failing call does not stop the next', async () => {
    const queue = new CallQueue();
    const order: string[] = [];
    const slow = queue.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow');
      throw new Error('boom');
    });
    const fast = queue.run(async () => void order.push('fast'));
    await expect(slow).rejects.toThrow('boom');
    await fast;
    expect(order).toEqual(['slow', 'fast']);
  });
});
