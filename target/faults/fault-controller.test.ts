import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultSpec, NO_FAULTS } from '../config.js';
import { createFaultController } from './fault-controller.js';

const controllers: { close(): void }[] = [];

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.close();
});

function controller(initial: FaultSpec) {
  const created = createFaultController(initial);
  controllers.push(created);
  return created;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The largest lateness (ms) of a 5 ms interval timer over `durationMs`. */
async function maxTimerLateness(durationMs: number): Promise<number> {
  const tickMs = 5;
  let worst = 0;
  let last = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last - tickMs);
      last = now;
    }, tickMs);
    setTimeout(() => {
      clearInterval(timer);
      resolve();
    }, durationMs);
  });
  return worst;
}

describe('createFaultController', () => {
  it('holds the spec and tells its listeners about every change', () => {
    const faults = controller(NO_FAULTS);
    const seen: FaultSpec[] = [];
    faults.onChange((spec) => seen.push(spec));
    faults.set({ ...NO_FAULTS, cpuMs: 3 });
    expect(faults.current()).toEqual({ ...NO_FAULTS, cpuMs: 3 });
    expect(seen).toEqual([{ ...NO_FAULTS, cpuMs: 3 }]);
    expect(Object.isFrozen(faults.current())).toBe(true);
  });

  it('refuses a spec out of bounds and keeps the one in force', () => {
    const faults = controller(NO_FAULTS);
    expect(() => faults.set({ ...NO_FAULTS, errorRate: 2 })).toThrow(/invalid fault spec: errors/);
    expect(() => faults.set({ ...NO_FAULTS, stallMs: 100, stallEveryMs: 50 })).toThrow(
      'the stall must be shorter than its period',
    );
    expect(faults.current()).toEqual(NO_FAULTS);
  });

  it('stalls the loop for stallMs every stallEveryMs, seen as a timer running late', async () => {
    const faults = controller({ ...NO_FAULTS, stallMs: 120, stallEveryMs: 200 });
    const stalls: number[] = [];
    faults.onStall((ms) => stalls.push(ms));
    expect(await maxTimerLateness(500)).toBeGreaterThanOrEqual(100);
    expect(stalls.length).toBeGreaterThanOrEqual(1);
    expect(stalls[0]).toBe(120);
  });

  it('restarts the stall timer on set and stops it on close', async () => {
    const faults = controller(NO_FAULTS);
    let stalls = 0;
    faults.onStall(() => stalls++);
    const stall = { ...NO_FAULTS, stallMs: 5, stallEveryMs: 100 };
    faults.set(stall);
    faults.set(stall);
    await sleep(550);
    // One timer, not one per set: 5 stalls in 550 ms (a lagging timer may lose one).
    expect(stalls).toBeGreaterThanOrEqual(4);
    expect(stalls).toBeLessThanOrEqual(5);
    faults.close();
    const before = stalls;
    faults.set(stall);
    await sleep(300);
    expect(stalls).toBe(before);
    expect(faults.current()).toEqual(stall);
  });
});
