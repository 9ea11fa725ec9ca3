import { percentOff } from '../common/stats.js';
import type { TailLatency } from '../common/types.js';
import type { FreezeSchedule } from './settings.js';

/**
 * The latency at quantile `q` (0..1) of open-loop arrivals at a steady rate against a server
 * on `schedule`, in ms. A fraction f = freezeMs / periodMs of arrivals lands in a freeze; one
 * landing uniformly within it waits for the rest of the freeze, so those latencies are uniform
 * over [0, freezeMs] plus serviceMs, and the others take serviceMs. Hence, for a tail share
 * s = 1 - q below f, latency = serviceMs + freezeMs * (1 - s / f). The arrivals' phase does not
 * matter over a whole number of periods.
 */
export function freezeQuantile(schedule: FreezeSchedule, q: number): number {
  const inFreeze = schedule.freezeMs / schedule.periodMs;
  const tail = 1 - q;
  if (tail >= inFreeze) return schedule.serviceMs;
  return schedule.serviceMs + schedule.freezeMs * (1 - tail / inFreeze);
}

/** p99 and p99.9 behind a server on `schedule` (ms): 451 and 496 for 500 ms every 5 s, 1 ms. */
export function freezeTruth(schedule: FreezeSchedule): TailLatency {
  return { p99: freezeQuantile(schedule, 0.99), 'p99.9': freezeQuantile(schedule, 0.999) };
}

/** How far `reported` is from `truth`, per percentile (%, negative when it reports less). */
export function tailErrorPct(reported: TailLatency, truth: TailLatency): TailLatency {
  return {
    p99: percentOff(reported.p99, truth.p99),
    'p99.9': percentOff(reported['p99.9'], truth['p99.9']),
  };
}
