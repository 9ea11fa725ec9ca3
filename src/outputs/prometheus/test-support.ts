import { buildResolvedRun } from '../../../test/support/run-result-fixture.js';
import type { IntervalPoint } from '../../core/result.js';
import { RunMetrics } from '../../metrics/run-metrics.js';
import type { ThresholdResult } from '../../metrics/threshold-types.js';
import type { Tags } from '../../metrics/types.js';
import { WorkerMetrics } from '../../metrics/worker-metrics.js';
import type { LiveState, RunStart } from '../types.js';

/** The fixture run started a minute ago with `tags` as its test-wide tags. */
export function testRunStart(tags: Tags = {}, runId = 'run-1'): RunStart {
  return { runId, run: { ...buildResolvedRun(), tags }, startAt: Date.now() - 60_000 };
}

/**
 * A run's metrics as the engine keeps them, with one worker: record into {@link worker}, then
 * {@link second} merges the second and returns what the engine hands outputs for it.
 */
export class TestRun {
  readonly worker = new WorkerMetrics(0);
  private readonly metrics: RunMetrics;
  private index = 0;

  constructor(tags: Tags = {}) {
    this.metrics = new RunMetrics(tags);
  }

  /** The next second's point and live state; `targets` per workload (default none). */
  second(
    thresholds: readonly ThresholdResult[] = [],
    targets: Readonly<Record<string, number>> = {},
  ): [IntervalPoint, LiveState] {
    const index = this.index++;
    const elapsedMs = (index + 1) * 1000;
    const snapshot = this.worker.snapshot(index, 0.1);
    const point = this.metrics.addInterval(index, [snapshot], targets, elapsedMs);
    return [point, { elapsedMs, thresholds, series: this.metrics.latestSeries, service: null }];
  }
}
