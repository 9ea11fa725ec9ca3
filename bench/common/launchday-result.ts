import type { RunResult } from 'launchday';
import type { TailLatency } from './types.js';

/** The count of the counter `metric` in a launchday result, 0 when the run recorded none. */
export function counterOf(result: RunResult, metric: string): number {
  const summary = result.summary.metrics[metric];
  return summary?.kind === 'counter' ? summary.count : 0;
}

/** The per-second rate of the counter `metric` over the run, as launchday reports it. */
export function counterRateOf(result: RunResult, metric: string): number {
  const summary = result.summary.metrics[metric];
  return summary?.kind === 'counter' ? summary.rate : 0;
}

/** p99 and p99.9 of `http_req_duration` (ms); throws when the run recorded no request. */
export function requestTailOf(result: RunResult): TailLatency {
  const summary = result.summary.metrics.http_req_duration;
  if (summary?.kind !== 'trend')
    throw new Error(`launchday run ${result.runId} recorded no http_req_duration`);
  return { p99: summary.p99, 'p99.9': summary['p(99.9)'] };
}

/** Requests that failed in the run (`http_req_failed`'s true values). */
export function failedRequestsOf(result: RunResult): number {
  const summary = result.summary.metrics.http_req_failed;
  return summary?.kind === 'rate' ? summary.passes : 0;
}
