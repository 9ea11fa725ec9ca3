import type { ResolvedRun } from '../config/types.js';
import {
  type CheckOutcome,
  type Environment,
  type IntervalPoint,
  type MetricSummary,
  RESULT_SCHEMA_VERSION,
  type RunResult,
  type RunSlices,
  type RunStatus,
  type ServiceSide,
  type ThresholdOutcome,
  type WriteLogEntry,
} from '../core/result.js';
import { METRIC_NAMES } from '../metrics/catalogue.js';
import type { RunMetrics } from '../metrics/run-metrics.js';
import type { ThresholdDefinition, ThresholdResult } from '../metrics/threshold-types.js';
import { judgeGeneratorHealth } from './generator-health.js';

/** Everything the engine gathered by the end of a run. */
export interface RunFacts {
  readonly run: ResolvedRun;
  readonly runId: string;
  readonly environment: Environment;
  readonly metrics: RunMetrics;
  readonly intervals: readonly IntervalPoint[];
  /** The run's series second by second (`SliceRecorder`), for `compare`. */
  readonly slices: RunSlices;
  readonly thresholds: readonly ThresholdResult[];
  readonly journeyErrors: readonly string[];
  readonly startedAt: Date;
  /** When the load started (epoch ms): interval 0 begins here. */
  readonly loadStartMs: number;
  readonly endedAt: Date;
  readonly stopped: { status: RunStatus; reason: string } | undefined;
  /** Iterations still running when gracefulStop ran out. */
  readonly interrupted: number;
  /** The acknowledged writes of all workers, merged; `{}` when the journeys recorded none. */
  readonly writes: Readonly<Record<string, WriteLogEntry>>;
  /** What went wrong with the generator itself (e.g. an overrun), for `generator.reasons`. */
  readonly generatorProblems: readonly string[];
  /** What the target's /metrics said while the load ran; null when none was read. */
  readonly service: ServiceSide | null;
}

/**
 * Builds the run's {@link RunResult} from what the engine gathered. `consistency` is null: the
 * check runs after the run (`launchday rehearse`), which fills it in and may set the status.
 */
export function buildResult(facts: RunFacts): RunResult {
  const { run, metrics } = facts;
  const thresholds = thresholdOutcomes(facts.thresholds);
  const status: RunStatus =
    facts.stopped?.status ?? (thresholds.every((t) => t.ok) ? 'passed' : 'thresholds-failed');
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    runId: facts.runId,
    scenario: {
      name: run.scenario.name,
      description: run.scenario.description,
      file: run.scenario.file,
    },
    status,
    stopReason: facts.stopped?.reason,
    startedAt: facts.startedAt.toISOString(),
    loadStartedAt: new Date(facts.loadStartMs).toISOString(),
    endedAt: facts.endedAt.toISOString(),
    durationMs: facts.endedAt.getTime() - facts.startedAt.getTime(),
    config: { ...run, interruptedIterations: facts.interrupted },
    environment: facts.environment,
    generator: judgeGeneratorHealth(metrics, facts.intervals, run.workers, facts.generatorProblems),
    summary: {
      metrics: summarizeMetrics(run.thresholds, metrics),
      requests: metrics.requestSummaries(),
    },
    thresholds,
    checks: checkOutcomes(metrics),
    journeyErrors: [...facts.journeyErrors],
    intervals: [...facts.intervals],
    series: metrics.seriesResults(),
    slices: facts.slices,
    writes: { ...facts.writes },
    consistency: null,
    service: facts.service,
  };
}

/** The thresholds' verdicts as result.json keeps them. */
export function thresholdOutcomes(results: readonly ThresholdResult[]): ThresholdOutcome[] {
  return results.map((t) => ({
    metric: t.key,
    expression: t.expression,
    ok: t.ok,
    observed: t.observed,
    abortOnFail: t.abortOnFail,
  }));
}

/**
 * The summary's metrics: every metric with data, each threshold's sub-metric, and
 * `http_req_duration` per request name.
 */
export function summarizeMetrics(
  thresholds: readonly ThresholdDefinition[],
  metrics: RunMetrics,
): Record<string, MetricSummary> {
  const summaries: Record<string, MetricSummary> = {};
  const add = (key: string, metric: string, filter: Record<string, string> = {}) => {
    const summary = metrics.summarize(metric, filter);
    if (summary !== undefined) summaries[key] = summary;
  };
  for (const metric of METRIC_NAMES) add(metric, metric);
  for (const threshold of thresholds) add(threshold.key, threshold.metric, threshold.filter);
  for (const { name } of metrics.requestSummaries())
    add(`http_req_duration{name:${name}}`, 'http_req_duration', { name });
  return summaries;
}

/** Every check by workload and name, with its passes and fails. */
export function checkOutcomes(metrics: RunMetrics): CheckOutcome[] {
  return metrics.checkSeries().map(({ workload, name, passes, total }) => ({
    workload,
    name,
    passes,
    fails: total - passes,
  }));
}
