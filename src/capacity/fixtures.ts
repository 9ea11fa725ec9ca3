/**
 * Data for the unit tests of the capacity findings: measured levels and phase records built as
 * the search builds them, varied per test.
 */
import { describePhase, type PhaseFacts } from './phase-end.js';
import type { CapacityPhase, CapacityStep } from './types.js';

/**
 * A level at `offered` iterations/s, sustainable unless `broken` names why not: 2 requests per
 * iteration, all achieved, p99 20 ms (400 ms when broken).
 */
export function capacityStep(offered: number, broken: readonly string[] = []): CapacityStep {
  const p99Ms = broken.length === 0 ? 20 : 400;
  return {
    offered,
    achieved: offered,
    throughput: offered * 2,
    goodput: offered * 2,
    requests: offered * 20,
    failed: 0,
    errorRate: 0,
    dropped: 0,
    p50Ms: 5,
    p99Ms,
    percentilesMs: { 'p(99)<250ms': p99Ms },
    concurrency: offered / 50,
    measuredSeconds: 10,
    byName: { feed: { rate: offered * 2, p99Ms } },
    target: null,
    sustainable: broken.length === 0,
    broken,
  };
}

/** The record of phase `name` over `rates`, every level measured and a clean end but for `change`. */
export function phaseRecord(
  name: PhaseFacts['name'],
  rates: readonly number[],
  change: Partial<PhaseFacts> = {},
): CapacityPhase {
  return describePhase({
    name,
    workers: null,
    planned: rates,
    measured: rates,
    levelS: 10,
    stoppedEarly: false,
    interrupted: false,
    error: null,
    run: { status: 'passed', interruptedIterations: 0 },
    ...change,
  });
}
