import { stepBreaks } from './slo.js';
import { littleConcurrency } from './sustainable.js';
import type { CapacityStep, Slo, TargetUsage, WindowMeasurement } from './types.js';

/**
 * The {@link CapacityStep} of a measured window: rates per second of its measured seconds,
 * latency percentiles in ms, concurrency by Little's law (throughput × mean latency), and
 * whether it is sustainable under `slos`.
 */
export function toCapacityStep(
  measurement: WindowMeasurement,
  slos: readonly Slo[],
  target: TargetUsage | null,
): CapacityStep {
  const { window, latency } = measurement;
  const seconds = Math.max(1, measurement.seconds);
  const ms = (us: number) => us / 1000;
  const throughput = measurement.requests / seconds;
  const errorRate = measurement.requests > 0 ? measurement.failed / measurement.requests : 0;
  const percentilesMs = Object.fromEntries(
    slos.flatMap((slo) =>
      slo.kind === 'latency' ? [[slo.text, ms(latency.percentile(slo.percentile))]] : [],
    ),
  );
  const core = {
    offered: window.offered,
    achieved: measurement.completed / seconds,
    errorRate,
    percentilesMs,
  };
  const broken = stepBreaks(core, slos);
  return {
    ...core,
    throughput,
    goodput: (measurement.requests - measurement.failed) / seconds,
    requests: measurement.requests,
    failed: measurement.failed,
    dropped: measurement.dropped,
    p50Ms: ms(latency.percentile(50)),
    p99Ms: ms(latency.percentile(99)),
    concurrency: littleConcurrency(throughput, ms(latency.mean)),
    measuredSeconds: measurement.seconds,
    byName: Object.fromEntries(
      [...measurement.byName].map(([name, entry]) => [
        name,
        { rate: entry.requests / seconds, p99Ms: ms(entry.latency.percentile(99)) },
      ]),
    ),
    target,
    sustainable: broken.length === 0 && measurement.requests > 0,
    broken: measurement.requests > 0 ? broken : [...broken, 'no request completed'],
  };
}
