import { afterEach, describe, expect, it } from 'vitest';
import { delay, epochNow } from '../core/clock.js';
import { createArrivalSchedule } from './arrival-schedule.js';
import { planExecutor } from './registry.js';
import { createRuntime } from './runtime.js';
import type { ArrivalRatePlan, ExecutorRuntime, IterationStarter, WorkerShare } from './types.js';

interface Run {
  vu: number;
  iteration: number;
  plannedAt: number;
  startedAt: number;
}

/** Records what the runtime asks for; `work` is the iteration. */
class Recorder implements IterationStarter {
  readonly runs: Run[] = [];
  readonly drops: number[] = [];
  constructor(private readonly work: () => Promise<void>) {}
  run(vu: number, iteration: number, plannedAt: number): Promise<void> {
    this.runs.push({ vu, iteration, plannedAt, startedAt: epochNow() });
    return this.work();
  }
  dropped(plannedAt: number): void {
    this.drops.push(plannedAt);
  }
}

const ONE: WorkerShare = { workerIndex: 0, workerCount: 1, seed: 5 };
const runtimes: ExecutorRuntime[] = [];

function launch(config: Record<string, unknown>, starter: IterationStarter, share = ONE) {
  const plan = planExecutor(
    { type: 'constant-arrival-rate', ...config },
    'test',
  ) as ArrivalRatePlan;
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

describe('the arrival-rate runtime', () => {
  it('starts every planned iteration at its planned time: 200/s for 1 s', async () => {
    const starter = new Recorder(() => delay(5));
    const { runtime } = launch({ rate: 200, duration: '1s' }, starter);
    const origin = epochNow();
    runtime.start(origin);
    expect(await runtime.done).toEqual({ interrupted: 0 });
    expect(epochNow()).toBeGreaterThanOrEqual(origin + 1000);
    expect(starter.runs).toHaveLength(200);
    expect(starter.drops).toHaveLength(0);
    starter.runs.forEach((run, k) => {
      expect(run.iteration).toBe(k);
      expect(run.plannedAt).toBeCloseTo(origin + 5 * k, 6);
      expect(run.startedAt).toBeGreaterThanOrEqual(run.plannedAt);
    });
    expect(Math.max(...starter.runs.map((run) => run.vu))).toBeLessThanOrEqual(1000);
    expect(runtime.inFlight).toBe(0);
  });

  it('drops and counts the iterations beyond maxInFlight, never delays them', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const starter = new Recorder(() => gate);
    const { runtime } = launch(
      { rate: 100, duration: '500ms', maxInFlight: 5, gracefulStop: '5s' },
      starter,
    );
    const origin = epochNow();
    runtime.start(origin);
    await delay(600);
    expect(starter.runs.map((run) => run.vu)).toEqual([1, 2, 3, 4, 5]);
    expect(runtime.inFlight).toBe(5);
    expect(runtime.activeVUs).toBe(5);
    expect(starter.drops).toHaveLength(45);
    expect(starter.drops).toEqual(
      starter.drops.map((_, i) => expect.closeTo(origin + 10 * (i + 5), 6)),
    );
    release();
    expect(await runtime.done).toEqual({ interrupted: 0 });
    expect(runtime.inFlight).toBe(0);
  });

  it('reuses the lowest free VU id', async () => {
    const starter = new Recorder(() => delay(1));
    const { runtime } = launch({ rate: 20, duration: '300ms' }, starter);
    runtime.start(epochNow());
    await runtime.done;
    expect(new Set(starter.runs.map((run) => run.vu))).toEqual(new Set([1]));
  });

  it('stops scheduling on stop()', async () => {
    const starter = new Recorder(() => delay(1));
    const { runtime } = launch({ rate: 100, duration: '10s' }, starter);
    runtime.start(epochNow());
    await delay(200);
    runtime.stop();
    const started = starter.runs.length;
    expect(await runtime.done).toEqual({ interrupted: 0 });
    await delay(100);
    expect(starter.runs).toHaveLength(started);
    expect(started).toBeGreaterThan(5);
    expect(started).toBeLessThan(100);
  });

  it('ends at once on abort(), even during gracefulStop, counting what still runs', async () => {
    const starter = new Recorder(() => new Promise(() => {}));
    const { runtime } = launch({ rate: 100, duration: '10s', gracefulStop: '10s' }, starter);
    runtime.start(epochNow());
    await delay(100);
    runtime.stop();
    const started = starter.runs.length;
    const abortedAt = epochNow();
    runtime.abort();
    expect(await runtime.done).toEqual({ interrupted: started });
    expect(epochNow() - abortedAt).toBeLessThan(1000);
    expect(started).toBeGreaterThan(0);
  });

  it('waits no longer than gracefulStop and counts the interrupted iterations', async () => {
    const starter = new Recorder(() => new Promise(() => {}));
    const { runtime } = launch({ rate: 50, duration: '200ms', gracefulStop: '100ms' }, starter);
    const origin = epochNow();
    runtime.start(origin);
    expect(await runtime.done).toEqual({ interrupted: 10 });
    expect(epochNow()).toBeGreaterThanOrEqual(origin + 300);
    expect(runtime.inFlight).toBe(10);
  });

  it('starts nothing when stopped before it starts', async () => {
    const starter = new Recorder(() => delay(1));
    const { runtime } = launch({ rate: 100, duration: '1s' }, starter);
    runtime.stop();
    runtime.start(epochNow());
    expect(await runtime.done).toEqual({ interrupted: 0 });
    expect(starter.runs).toHaveLength(0);
  });

  it('begins at startTime after the run start', async () => {
    const starter = new Recorder(() => delay(1));
    const { runtime } = launch({ rate: 100, duration: '100ms', startTime: '150ms' }, starter);
    const origin = epochNow();
    runtime.start(origin);
    await runtime.done;
    expect(starter.runs).toHaveLength(10);
    expect(starter.runs[0]!.plannedAt).toBeCloseTo(origin + 150, 6);
    for (const run of starter.runs) expect(run.startedAt).toBeGreaterThanOrEqual(run.plannedAt);
  });

  it('shares the plan among workers: the same iterations, distinct VU ids', async () => {
    const starters = [0, 1].map(() => new Recorder(() => delay(20)));
    const origin = epochNow();
    const started = starters.map((starter, workerIndex) => {
      const { runtime } = launch({ rate: 100, duration: '300ms' }, starter, {
        workerIndex,
        workerCount: 2,
        seed: 5,
      });
      runtime.start(origin);
      return runtime.done;
    });
    await Promise.all(started);
    const iterations = starters.flatMap((starter) => starter.runs.map((run) => run.iteration));
    expect(iterations.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, k) => k));
    for (const run of starters[0]!.runs) expect(run.vu % 2).toBe(1);
    for (const run of starters[1]!.runs) expect(run.vu % 2).toBe(0);
  });

  it('runs poisson arrivals at the times of its seeded schedule', async () => {
    const starter = new Recorder(() => delay(1));
    const { plan, runtime } = launch(
      { rate: 300, duration: '500ms', arrivals: 'poisson' },
      starter,
    );
    const origin = epochNow();
    runtime.start(origin);
    await runtime.done;
    const schedule = createArrivalSchedule(plan, ONE);
    const expected: number[] = [];
    for (; schedule.atMs < plan.durationMs; schedule.advance()) expected.push(schedule.atMs);
    expect(starter.runs.map((run) => run.plannedAt - origin)).toEqual(
      expected.map((ms) => expect.closeTo(ms, 3)),
    );
    expect(starter.runs.map((run) => run.iteration)).toEqual(expected.map((_, j) => j));
  });
});
