import { describe, expect, it } from 'vitest';
import { capacityStep } from './fixtures.js';
import { littleConcurrency, maxSustainable } from './sustainable.js';
import type { CapacityStep } from './types.js';

function step(offered: number, sustainable: boolean): CapacityStep {
  return capacityStep(offered, sustainable ? [] : ['p(99) 300 ms > 250 ms']);
}

describe('maxSustainable', () => {
  it('is the highest step when every step held', () => {
    expect(maxSustainable([step(100, true), step(300, true), step(200, true)])?.offered).toBe(300);
  });

  it('is the last sustainable step below the first broken one, ignoring any above it', () => {
    const steps = [step(400, true), step(100, true), step(300, false), step(200, true)];
    expect(maxSustainable(steps)?.offered).toBe(200);
  });

  it('is null when the lowest step broke or there are no steps', () => {
    expect(maxSustainable([step(100, false), step(200, true)])).toBeNull();
    expect(maxSustainable([])).toBeNull();
  });
});

describe('littleConcurrency', () => {
  it('is throughput × mean latency in seconds', () => {
    expect(littleConcurrency(2000, 25)).toBe(50);
    expect(littleConcurrency(0, 25)).toBe(0);
  });
});
