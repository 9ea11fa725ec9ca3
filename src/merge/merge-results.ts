/**
 * `launchday merge`'s model: the results of the instances of a segmented run made into the one
 * result of the whole run, as if one generator had driven it: histograms merged exactly,
 * counters summed, seconds aligned by wall clock, thresholds evaluated again on the merged
 * metrics (global thresholds), and every instance's generator health kept.
 */
import {
  type GeneratorHealth,
  type MergedSegment,
  RESULT_SCHEMA_VERSION,
  type RunResult,
  type RunStatus,
} from '../core/result.js';
import { checkOutcomes, summarizeMetrics, thresholdOutcomes } from '../engine/build-result.js';
import { formatSegment, WHOLE_RUN } from '../executors/index.js';
import { evaluateThresholds } from '../metrics/threshold-evaluator.js';
import { parseThresholds } from '../metrics/threshold-parser.js';
import type { ThresholdSpec } from '../metrics/threshold-types.js';
import { mergeWriteLogs } from '../metrics/write-sampler.js';
import { loadStartOf, type MergeInput, segmentOf } from './merge-input.js';
import { type MergedTimeline, mergeTimeline } from './merge-timeline.js';
import { checkMergeable } from './mergeable.js';

/** Instances whose loads started further apart than this did not drive the plan together. */
export const MAX_START_SKEW_MS = 1000;
/** How many journey errors the merged result keeps, as a run does. */
const JOURNEY_ERRORS_KEPT = 20;
/** How a stopped instance ranks: the merged run takes the status of the worst. */
const STOP_RANK: Partial<Record<RunStatus, number>> = {
  interrupted: 1,
  'aborted-by-threshold': 2,
  aborted: 3,
  'consistency-failed': 4,
};

/**
 * The merged result of `inputs`, the segments 1/N … N/N of one run, under the id `runId`.
 * Throws a `LAUNCHDAY_ERR_UNMERGEABLE` naming every problem when they are not (see
 * {@link checkMergeable}).
 */
export function mergeResults(inputs: readonly MergeInput[], runId: string): RunResult {
  const results = checkMergeable(inputs).map((input) => input.result);
  const first = results[0]!;
  const timeline = mergeTimeline(results);
  const definitions = parseThresholds(
    ((first.config as { thresholdSpec?: ThresholdSpec }).thresholdSpec ?? {}) as ThresholdSpec,
    'config.thresholdSpec',
  );
  const thresholds = thresholdOutcomes(
    evaluateThresholds(definitions, timeline.metrics, timeline.elapsedMs, true),
  );
  const mergedFrom = results.map(mergedSegmentOf);
  const stopped = worstStop(mergedFrom);
  const startedAt = earliest(results.map((r) => r.startedAt));
  const endedAt = latest(results.map((r) => r.endedAt));
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    runId,
    scenario: first.scenario,
    status: stopped?.status ?? (thresholds.every((t) => t.ok) ? 'passed' : 'thresholds-failed'),
    stopReason: stopped?.reason,
    startedAt,
    loadStartedAt: new Date(timeline.loadStartMs).toISOString(),
    endedAt,
    durationMs: Date.parse(endedAt) - Date.parse(startedAt),
    mergedFrom,
    config: mergedConfig(results),
    environment: {
      ...first.environment,
      hostname: [...new Set(results.map((r) => r.environment.hostname))].join(', '),
    },
    generator: mergedGenerator(mergedFrom, timeline),
    summary: {
      metrics: summarizeMetrics(definitions, timeline.metrics),
      requests: timeline.metrics.requestSummaries(),
    },
    thresholds,
    checks: checkOutcomes(timeline.metrics),
    journeyErrors: mergedFrom
      .flatMap((s, i) => results[i]!.journeyErrors.map((e) => `segment ${label(s)}: ${e}`))
      .slice(0, JOURNEY_ERRORS_KEPT),
    intervals: timeline.intervals,
    series: timeline.metrics.seriesResults(),
    slices: timeline.slices,
    writes: mergeWriteLogs(results.map((r) => r.writes)),
    consistency: null,
    // Each instance read the service at its own seconds; their pages do not add up.
    service: null,
  };
}

function mergedSegmentOf(result: RunResult): MergedSegment {
  const { index, count } = segmentOf(result);
  return {
    segment: { index, count },
    runId: result.runId,
    hostname: result.environment.hostname,
    status: result.status,
    ...(result.stopReason === undefined ? {} : { stopReason: result.stopReason }),
    loadStartedAt: new Date(loadStartOf(result)).toISOString(),
    generator: result.generator,
  };
}

/** The whole run's configuration: the first segment's, as one instance with every worker. */
function mergedConfig(results: readonly RunResult[]): unknown {
  const configs = results.map((r) => (r.config ?? {}) as Record<string, unknown>);
  const total = (name: string) =>
    configs.reduce((sum, config) => sum + (Number(config[name]) || 0), 0);
  return {
    ...configs[0],
    segment: WHOLE_RUN,
    workers: total('workers'),
    interruptedIterations: total('interruptedIterations'),
  };
}

/** Not valid when one instance was not, or when they did not start together. */
function mergedGenerator(segments: readonly MergedSegment[], timeline: MergedTimeline) {
  const reasons = segments.flatMap((s) =>
    s.generator.reasons.map((reason) => `segment ${label(s)}: ${reason}`),
  );
  if (timeline.skewMs > MAX_START_SKEW_MS)
    reasons.push(
      `the instances' loads started up to ${(timeline.skewMs / 1000).toFixed(1)} s apart, so ` +
        'they did not drive the plan together and the merged load is not the planned one; give ' +
        'every instance the same --start-at',
    );
  const lag = timeline.metrics.aggregate('scheduler_lag', {});
  const health: GeneratorHealth = {
    valid: reasons.length === 0 && segments.every((s) => s.generator.valid),
    reasons,
    schedulerLagP99Ms: lag?.type === 'trend' ? lag.percentile(99) : 0,
    maxEventLoopUtilization: Math.max(
      0,
      ...segments.map((s) => s.generator.maxEventLoopUtilization),
    ),
    workers: segments.reduce((sum, s) => sum + s.generator.workers, 0),
  };
  return health;
}

/** The most severe early stop of an instance, named with its segment; none when all ran out. */
function worstStop(segments: readonly MergedSegment[]) {
  let worst: MergedSegment | undefined;
  for (const s of segments)
    if ((STOP_RANK[s.status] ?? 0) > (worst === undefined ? 0 : (STOP_RANK[worst.status] ?? 0)))
      worst = s;
  if (worst === undefined) return undefined;
  return {
    status: worst.status,
    reason: `segment ${label(worst)} stopped early: ${worst.stopReason ?? worst.status}`,
  };
}

/** `2/3 (host-b)`. */
function label(segment: MergedSegment): string {
  return `${formatSegment(segment.segment)} (${segment.hostname})`;
}

const earliest = (times: readonly string[]) => [...times].sort()[0]!;
const latest = (times: readonly string[]) => [...times].sort().at(-1)!;
