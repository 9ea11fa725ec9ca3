import { describe, expect, it } from 'vitest';
import { busyWait } from '../faults/busy-wait.js';
import { createQueueDelayMonitor } from './queue-delay.js';

/** Runs `task` in a later event-loop iteration, as a request of a new batch would be. */
function nextIteration<T>(task: () => T, afterMs = 0): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(task()), afterMs));
}

describe('createQueueDelayMonitor', () => {
  it('estimates about 0 for a request that wakes an idle loop', async () => {
    const monitor = createQueueDelayMonitor();
    await nextIteration(() => monitor.estimateMs());
    const estimate = await nextIteration(() => monitor.estimateMs(), 150);
    expect(estimate).toBeGreaterThanOrEqual(0);
    expect(estimate).toBeLessThan(25);
  });

  it('adds the work done on earlier requests of the same batch', async () => {
    const monitor = createQueueDelayMonitor();
    const [first, second] = await nextIteration(() => {
      const before = monitor.estimateMs();
      busyWait(30);
      return [before, monitor.estimateMs()] as const;
    });
    expect(second - first).toBeGreaterThanOrEqual(30);
  });

  it('counts about half the busy time since the previous batch began, as after a stall', async () => {
    const monitor = createQueueDelayMonitor();
    await nextIteration(() => monitor.estimateMs());
    await nextIteration(() => busyWait(200));
    const estimate = await nextIteration(() => monitor.estimateMs());
    // Timers put a millisecond or two of sleep between the stall and the request.
    expect(estimate).toBeGreaterThanOrEqual(90);
    expect(estimate).toBeLessThan(200);
  });

  it('estimates about 0 after a quiet spell, whatever background work it held', async () => {
    const monitor = createQueueDelayMonitor();
    await nextIteration(() => monitor.estimateMs());
    // Background work (timers, GC) adding up to more than a queue budget, then a long sleep.
    await nextIteration(() => busyWait(300));
    const estimate = await nextIteration(() => monitor.estimateMs(), 1500);
    expect(estimate).toBeLessThan(50);
  });
});
