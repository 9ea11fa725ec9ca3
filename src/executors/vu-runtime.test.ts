import { afterEach, describe, expect, it } from 'vitest';
import { delay, epochNow } from '../core/clock.js';
import { planExecutor } from './registry.js';
import { createRuntime } from './runtime.js';
import type { ExecutorRuntime, IterationStarter, VusPlan, WorkerShare } from './types.js';
import { vusAt } from './vu-profile.js';

interface Run {
  vu: number;
  iteration: number;
  plannedAt: number | undefined;
  startedAt: number;
  endedAt?: number;
}

/** Records each iteration; `work(vu)` is the iteration. */
class Recorder implements IterationStarter {
  readonly runs: Run[] = [];
  constructor(private readonly work: (vu: number) => Promise<void>) {}
  async run(vu: number, iteration: number, plannedAt?: number): Promise<void> {
    const run: Run = { vu, iteration, plannedAt, startedAt: epochNow() };
    this.runs.push(run);
    await this.work(vu);
    run.endedAt = epochNow();
  }
  dropped(): void {
    throw new Error('a VU executor never drops');
  }
  of(vu: number): Run[] {
    return this.runs.filter((run) => run.vu === vu);
  }
}

const ONE: WorkerShare = { workerIndex: 0, workerCount: 1, seed: 1 };
const runtimes: ExecutorRuntime[] = [];

function launch(config: Record<string, unknown>, starter: IterationStarter, share = ONE) {
  const plan = planExecutor(config, 'test') as VusPlan;
  const runtime = createRuntime(plan, share, starter);
  runtimes.push(runtime);
  return { plan, runtime };
}

afterEach(async () => {
  for (const runtime of runtimes.splice(0)) {
    runtime.stop();
    await runtime.done;
  }
});

describe('the VU runtime', () => {
  it('runs each VU’s iterations back to back, numbered per VU', async () => {
    const starter = new Recorder(() => delay(10));
    const { runtime } = launch({ type: 'constant-vus', vus: 3, duration: '300ms' }, starter);
    runtime.start(epochNow());
    await delay(50);
    expect(runtime.activeVUs).toBe(3);
    expect(runtime.inFlight).toBe(3);
    expect(await runtime.done).toEqual({ interrupted: 0 });
    expect(new Set(starter.runs.map((run) => run.vu))).toEqual(new Set([1, 2, 3]));
    for (const vu of [1, 2, 3]) {
      const runs = starter.of(vu);
      expect(runs.length).toBeGreaterThan(3);
      runs.forEach((run, n) => {
        expect(run.iteration).toBe(n);
        // Closed loop: an iteration is planned for the moment it starts.
        expect(run.plannedAt).toBeUndefined();
        if (n > 0) expect(run.startedAt).toBeGreaterThanOrEqual(runs[n - 1]!.endedAt!);
      });
    }
    expect(runtime.activeVUs).toBe(0);
  });

  it('follows the ramping stages', async () => {
    const starter = new Recorder(() => delay(5));
    const { plan, runtime } = launch(
      {
        type: 'ramping-vus',
        startVUs: 0,
        stages: [
          { target: 4, duration: '400ms' },
          { target: 4, duration: '200ms' },
          { target: 0, duration: '400ms' },
        ],
        gracefulRampDown: '0s',
      },
      starter,
    );
    const origin = epochNow();
    runtime.start(origin);
    const samples: { ms: number; active: number }[] = [];
    while (epochNow() < origin + 1000) {
      const now = epochNow();
      samples.push({ ms: now - origin, active: runtime.activeVUs });
      await delay(10);
    }
    await runtime.done;
    for (const { ms, active } of samples) {
      // The count in force some time in the last 40 ms: timers and iterations take a moment.
      const recent = [vusAt(plan.vus, ms - 40), vusAt(plan.vus, ms)];
      expect(active).toBeGreaterThanOrEqual(Math.min(...recent));
      expect(active).toBeLessThanOrEqual(Math.max(...recent));
    }
    expect(Math.max(...samples.map((sample) => sample.active))).toBe(4);
    expect(new Set(starter.runs.map((run) => run.vu))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('lets a ramped-down VU finish its iteration, counted active within gracefulRampDown', async () => {
    const starter = new Recorder((vu) => delay(vu === 2 ? 250 : 10));
    const { runtime } = launch(
      {
        type: 'ramping-vus',
        startVUs: 2,
        stages: [
          { target: 2, duration: '100ms' },
          { target: 1, duration: '0s' },
          { target: 1, duration: '400ms' },
        ],
        gracefulRampDown: '80ms',
      },
      starter,
    );
    runtime.start(epochNow());
    await delay(150);
    expect(runtime.activeVUs).toBe(2);
    expect(runtime.inFlight).toBe(2);
    await delay(60);
    expect(runtime.activeVUs).toBe(1);
    expect(runtime.inFlight).toBe(2);
    await delay(100);
    expect(starter.of(2)).toHaveLength(1);
    expect(starter.of(2)[0]!.endedAt).toBeDefined();
    expect(await runtime.done).toEqual({ interrupted: 0 });
  });

  it('keeps a VU’s iteration numbers across ramp-down and ramp-up', async () => {
    const starter = new Recorder(() => delay(10));
    const { runtime } = launch(
      {
        type: 'ramping-vus',
        startVUs: 2,
        stages: [
          { target: 2, duration: '100ms' },
          { target: 1, duration: '0s' },
          { target: 1, duration: '100ms' },
          { target: 2, duration: '0s' },
          { target: 2, duration: '100ms' },
        ],
        gracefulRampDown: '0s',
      },
      starter,
    );
    runtime.start(epochNow());
    await runtime.done;
    const second = starter.of(2);
    expect(second.map((run) => run.iteration)).toEqual(second.map((_, n) => n));
    const gap = second.find((run, n) => n > 0 && run.startedAt - second[n - 1]!.endedAt! > 50);
    expect(gap).toBeDefined();
  });

  it('splits the VUs among workers with global ids', async () => {
    const starters = [new Recorder(() => delay(10)), new Recorder(() => delay(10))];
    const origin = epochNow();
    const done = starters.map((starter, workerIndex) => {
      const config = { type: 'constant-vus', vus: 5, duration: '100ms' };
      const { runtime } = launch(config, starter, { workerIndex, workerCount: 2, seed: 1 });
      runtime.start(origin);
      return runtime.done;
    });
    await Promise.all(done);
    expect(new Set(starters[0]!.runs.map((run) => run.vu))).toEqual(new Set([1, 3, 5]));
    expect(new Set(starters[1]!.runs.map((run) => run.vu))).toEqual(new Set([2, 4]));
  });

  it('waits no longer than gracefulStop and counts the interrupted iterations', async () => {
    const starter = new Recorder(() => new Promise(() => {}));
    const { runtime } = launch(
      { type: 'constant-vus', vus: 2, duration: '100ms', gracefulStop: '50ms' },
      starter,
    );
    const origin = epochNow();
    runtime.start(origin);
    expect(await runtime.done).toEqual({ interrupted: 2 });
    expect(epochNow()).toBeGreaterThanOrEqual(origin + 150);
  });

  it('ends at once on abort(), without gracefulStop, counting what still runs', async () => {
    const starter = new Recorder(() => new Promise(() => {}));
    const { runtime } = launch(
      { type: 'constant-vus', vus: 3, duration: '10s', gracefulStop: '10s' },
      starter,
    );
    runtime.start(epochNow());
    await delay(50);
    const abortedAt = epochNow();
    runtime.abort();
    expect(await runtime.done).toEqual({ interrupted: 3 });
    expect(epochNow() - abortedAt).toBeLessThan(1000);
    expect(starter.runs).toHaveLength(3);
  });

  it('stops starting iterations on stop()', async () => {
    const starter = new Recorder(() => delay(5));
    const { runtime } = launch({ type: 'constant-vus', vus: 2, duration: '10s' }, starter);
    runtime.start(epochNow());
    await delay(100);
    runtime.stop();
    expect(await runtime.done).toEqual({ interrupted: 0 });
    const started = starter.runs.length;
    await delay(50);
    expect(starter.runs).toHaveLength(started);
  });

  it('does not starve the event loop when iterations settle at once', async () => {
    let count = 0;
    const starter: IterationStarter = {
      run: () => {
        count++;
        return Promise.resolve();
      },
      dropped: () => {},
    };
    const { runtime } = launch({ type: 'constant-vus', vus: 2, duration: '100ms' }, starter);
    runtime.start(epochNow());
    expect(await runtime.done).toEqual({ interrupted: 0 });
    expect(count).toBeGreaterThan(0);
  });
});
