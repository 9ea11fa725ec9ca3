import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createFeedMetrics } from '../metrics/feed-metrics.js';
import { type Job, JobQueue } from './job-queue.js';

interface Gate {
  readonly job: Job;
  readonly started: () => boolean;
  open(): void;
  /** The `stopping` the queue gave the job, once started. */
  stopping: () => boolean;
}

function gatedJob(key: string, kind = 'import'): Gate {
  let release = () => {};
  let started = false;
  const gate: Gate = {
    started: () => started,
    open: () => release(),
    stopping: () => false,
    job: {
      key,
      kind,
      run: (stopping) => {
        started = true;
        gate.stopping = stopping;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    },
  };
  return gate;
}

function makeQueue(capacity = 3, concurrency = 2) {
  const registry = new Registry();
  const metrics = createFeedMetrics(registry);
  const errors: unknown[] = [];
  const queue = new JobQueue({
    capacity,
    concurrency,
    metrics,
    onError: (error) => errors.push(error),
  });
  return { queue, metrics, registry, errors };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function gauge(registry: Registry, kind: string): Promise<number | undefined> {
  const metric = await registry.getSingleMetric('feed_jobs_queue_depth')?.get();
  return metric?.values.find((value) => value.labels.kind === kind)?.value;
}

describe('JobQueue', () => {
  it('starts jobs on a later turn and runs at most `concurrency` at once, in order', async () => {
    const { queue } = makeQueue(10, 2);
    const gates = ['a', 'b', 'c'].map((key) => gatedJob(key));
    for (const gate of gates) expect(queue.enqueue(gate.job)).toBe(true);
    expect(gates.some((gate) => gate.started())).toBe(false);
    await turn();
    expect(gates.map((gate) => gate.started())).toEqual([true, true, false]);
    expect([queue.running(), queue.depth()]).toEqual([2, 1]);
    gates[0]!.open();
    await turn();
    expect(gates[2]!.started()).toBe(true);
    gates[1]!.open();
    gates[2]!.open();
    await queue.idle();
    expect([queue.running(), queue.depth()]).toEqual([0, 0]);
  });

  it('refuses work beyond its capacity, reserved slots included', async () => {
    const { queue } = makeQueue(3, 1);
    const reservation = queue.reserve(2);
    expect(reservation).not.toBeNull();
    expect(queue.reserve(2)).toBeNull();
    expect(queue.enqueue(gatedJob('x').job)).toBe(true);
    expect(queue.enqueue(gatedJob('y').job)).toBe(false);
    reservation!.release();
    expect(queue.reserve(2)).not.toBeNull();
  });

  it('does not queue a key that is already waiting, but queues it again once it runs', async () => {
    const { queue, registry } = makeQueue(10, 1);
    const first = gatedJob('busy');
    queue.enqueue(first.job);
    await turn();
    const waiting = gatedJob('same');
    const duplicate = gatedJob('same');
    queue.enqueue(waiting.job);
    expect(queue.enqueue(duplicate.job)).toBe(true);
    expect(queue.depth()).toBe(1);
    expect(await gauge(registry, 'import')).toBe(1);
    first.open();
    await turn();
    expect(waiting.started()).toBe(true);
    queue.enqueue(duplicate.job);
    expect(queue.depth()).toBe(1);
    waiting.open();
    await turn();
    duplicate.open();
    await queue.idle();
    expect(duplicate.started()).toBe(true);
  });

  it('reports a failing job and goes on with the next', async () => {
    const { queue, errors, registry } = makeQueue();
    const failure = new Error('store down');
    queue.enqueue({ key: 'bad', kind: 'fan_in', run: () => Promise.reject(failure) });
    let ran = false;
    queue.enqueue({
      key: 'good',
      kind: 'fan_in',
      run: async () => {
        ran = true;
      },
    });
    await queue.idle();
    expect(errors).toEqual([failure]);
    expect(ran).toBe(true);
    const durations = await registry.getSingleMetric('feed_job_duration_seconds')?.get();
    const count = (outcome: string) =>
      durations?.values.find(
        (value) =>
          (value as { metricName?: string }).metricName?.endsWith('_count') &&
          value.labels.outcome === outcome,
      )?.value;
    expect([count('ok'), count('error')]).toEqual([1, 1]);
  });

  it('on close, drops waiting jobs, tells running ones to stop and waits for them', async () => {
    const { queue, registry } = makeQueue(10, 1);
    const running = gatedJob('running');
    const waiting = gatedJob('waiting');
    queue.enqueue(running.job);
    queue.enqueue(waiting.job);
    await turn();
    let closed = false;
    const closing = queue.close(10_000).then(() => {
      closed = true;
    });
    expect(running.stopping()).toBe(true);
    await turn();
    expect(closed).toBe(false);
    running.open();
    await closing;
    expect(waiting.started()).toBe(false);
    expect(queue.depth()).toBe(0);
    expect(await gauge(registry, 'import')).toBe(0);
    expect(queue.enqueue(gatedJob('late').job)).toBe(false);
    expect(queue.reserve(1)).toBeNull();
  });

  it('stops waiting for a stuck job after the timeout', async () => {
    const { queue } = makeQueue(10, 1);
    queue.enqueue(gatedJob('stuck').job);
    await turn();
    await queue.close(20);
    expect(queue.running()).toBe(1);
  });
});
