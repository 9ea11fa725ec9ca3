import type { TargetUsage } from '../../capacity/types.js';
import { type Exposition, parseExposition } from '../../metrics/service/exposition.js';

/** One reading of a target's /metrics: when, and its process CPU and event-loop figures. */
export interface UsageSample {
  /** Epoch ms. */
  readonly at: number;
  readonly cpuSeconds: number;
  readonly eventLoopUtilization: number | null;
}

/**
 * Reads a target's Prometheus /metrics for its resource use: `process_cpu_seconds_total` (summed
 * over the series, so several processes count together) and `nodejs_eventloop_utilization`
 * (averaged). Resolves null when the target has no such endpoint or it does not answer within
 * 2 s: capacity figures then go without the target's side.
 */
export async function sampleUsage(metricsUrl: string): Promise<UsageSample | null> {
  const at = Date.now();
  const text = await fetch(metricsUrl, { signal: AbortSignal.timeout(2000) }).then(
    (response) => (response.ok ? response.text() : ''),
    () => '',
  );
  const page = parsed(text);
  const cpu = valuesOf(page, 'process_cpu_seconds_total');
  if (cpu.length === 0) return null;
  const elu = valuesOf(page, 'nodejs_eventloop_utilization');
  return {
    at,
    cpuSeconds: cpu.reduce((sum, value) => sum + value, 0),
    eventLoopUtilization:
      elu.length === 0 ? null : elu.reduce((sum, value) => sum + value, 0) / elu.length,
  };
}

/** The target's use between two samples: CPU cores busy on average, and the later ELU. */
export function usageBetween(from: UsageSample | null, to: UsageSample | null): TargetUsage | null {
  if (from === null || to === null || to.at <= from.at) return null;
  return {
    cpuCores: (to.cpuSeconds - from.cpuSeconds) / ((to.at - from.at) / 1000),
    eventLoopUtilization: to.eventLoopUtilization,
  };
}

/** The page parsed, or null when it is not Prometheus text. */
function parsed(text: string): Exposition | null {
  try {
    return parseExposition(text);
  } catch {
    return null;
  }
}

/** The finite values of every sample of `metric` on `page`. */
function valuesOf(page: Exposition | null, metric: string): number[] {
  const samples = page?.samples.get(metric) ?? [];
  return samples.map((sample) => sample.value).filter(Number.isFinite);
}
