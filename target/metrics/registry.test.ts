import { afterEach, describe, expect, it } from 'vitest';
import { busyWait } from '../faults/busy-wait.js';
import { createRegistry } from './registry.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function utilization(registry: ReturnType<typeof createRegistry>): Promise<number> {
  const metric = await registry.getSingleMetric('nodejs_eventloop_utilization')!.get();
  return metric.values[0]!.value;
}

let registry: ReturnType<typeof createRegistry> | undefined;

afterEach(() => registry?.clear());

describe('createRegistry', () => {
  it('holds the default process metrics', async () => {
    registry = createRegistry();
    const text = await registry.metrics();
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_gc_duration_seconds',
      'nodejs_eventloop_utilization',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('gauges event-loop utilisation over the interval since the previous scrape', async () => {
    registry = createRegistry();
    await utilization(registry);
    await sleep(200);
    const idle = await utilization(registry);
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        busyWait(200);
        resolve();
      }),
    );
    const busy = await utilization(registry);
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThan(0.5);
    expect(busy).toBeGreaterThan(0.8);
    expect(busy).toBeLessThanOrEqual(1);
  });
});
