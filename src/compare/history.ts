/**
 * `launchday history` as a pure function: a folder's runs in order, each chosen metric's value
 * per run, and the change points E-divisive finds in each series, each said as a sentence.
 */
import { LaunchdayError } from '../core/errors.js';
import { createPrng, deriveSeed } from '../executors/prng.js';
import { type HistoryInput, type OrderedRun, orderRuns } from './history-order.js';
import {
  HISTORY_SCHEMA_VERSION,
  type HistoryChange,
  type HistoryReport,
  type HistoryRun,
  type MetricHistory,
} from './history-types.js';
import { aggregationText, directionOf, unitOfSelector } from './metric-selector.js';
import { runValues } from './run-value.js';
import {
  type ChangePoint,
  DEFAULT_SEED,
  E_DIVISIVE_DEFAULTS,
  eDivisive,
} from './stats/e-divisive.js';
import type { MetricSelector } from './types.js';

/** What {@link buildHistory} needs besides the runs. */
export interface HistoryOptions {
  /** The folder of runs, as given (recorded in the report). */
  readonly source: string;
  /** The metrics to follow, in order (at least one). */
  readonly selectors: readonly MetricSelector[];
  /** The tag to order and label the runs by (`commit`), or null to order by start time. */
  readonly tag: string | null;
  readonly significance?: number;
  readonly permutations?: number;
  readonly minSegment?: number;
  /** The seed of the permutation tests; default E-divisive's. */
  readonly seed?: number;
}

/**
 * The history of `inputs` (runs read from a folder, in any order): the runs ordered as {@link
 * orderRuns} says, and for each selector its value per run (`runValue`) and the change points
 * of its series (the runs that have a value), found by E-divisive means with the options'
 * settings (defaults: significance 0.05, 199 permutations, segments of at least 3 runs). Metric
 * i's permutations draw from stream i of the seed, so each metric's answer depends on its own
 * series only. Throws a `LAUNCHDAY_ERR_USAGE` when there is no run. Pure and deterministic.
 */
export function buildHistory(
  inputs: readonly HistoryInput[],
  options: HistoryOptions,
): HistoryReport {
  if (inputs.length === 0)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `${options.source} holds no run`, {
      hint: 'give a folder of runs: run folders with a result.json each (as launchday run writes to reports/), or result .json files',
    });
  const ordered = orderRuns(inputs, options.tag);
  const runs = ordered.map(historyRun);
  const values = ordered.map((run) => runValues(run.result, options.selectors));
  const method = {
    name: 'e-divisive means' as const,
    alpha: 1 as const,
    significance: options.significance ?? E_DIVISIVE_DEFAULTS.significance,
    permutations: options.permutations ?? E_DIVISIVE_DEFAULTS.permutations,
    minSegment: options.minSegment ?? E_DIVISIVE_DEFAULTS.minSegment,
    seed: options.seed ?? DEFAULT_SEED,
  };
  const metrics = options.selectors.map((selector, i): MetricHistory => {
    const series = values.map((row) => row[i]!);
    const present = series.flatMap((value, at) => (value === null ? [] : [{ value, at }]));
    const points = eDivisive(
      present.map((p) => p.value),
      { ...method, random: createPrng(deriveSeed(method.seed, i)) },
    );
    const metric = { label: metricLabel(selector), direction: directionOf(selector) };
    const changes = points.map((point) =>
      historyChange(point, runs[present[point.index]!.at]!, metric, options.tag),
    );
    return {
      key: selector.key,
      ...metric,
      unit: unitOfSelector(selector),
      values: series,
      changes,
    };
  });
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    source: options.source,
    orderedBy: options.tag === null ? 'startedAt' : 'tag',
    tag: options.tag,
    runs,
    metrics,
    method,
  };
}

function historyRun(run: OrderedRun, index: number): HistoryRun {
  const { result } = run;
  return {
    position: index + 1,
    runId: result.runId,
    startedAt: result.startedAt,
    scenario: result.scenario.name,
    source: run.source,
    tag: run.tag,
  };
}

/** A change point of a metric as the report states it, at `run` (the first run after it). */
function historyChange(
  point: ChangePoint,
  run: HistoryRun,
  metric: Pick<MetricHistory, 'label' | 'direction'>,
  tag: string | null,
): HistoryChange {
  const { before, after } = point;
  const relativeChange = before.mean === 0 ? null : after.mean / before.mean - 1;
  const direction = after.mean >= before.mean ? 'rose' : 'fell';
  const worse = (direction === 'rose') === (metric.direction === 'higher-is-worse');
  const at = `at run ${run.position} (${tag === null || run.tag === null ? run.runId : `${tag} ${run.tag}`})`;
  const by = relativeChange === null ? 'from 0' : formatRelative(relativeChange);
  return {
    position: run.position,
    runId: run.runId,
    tag: run.tag,
    pValue: point.pValue,
    statistic: point.statistic,
    before,
    after,
    relativeChange,
    direction,
    worse,
    sentence: `${metric.label} ${direction} ${by} ${at}`,
  };
}

/** A relative change as the sentences say it, unsigned: `18%`, `4.2%`, `0.3%`. */
export function formatRelative(change: number): string {
  const percent = Math.abs(change) * 100;
  return `${percent >= 10 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/**
 * What the sentences call a selector's metric: `p(99) of feed` for a request's latency,
 * `p(99) of all requests` without a filter, else `<aggregation> of <metric{filter}>`.
 */
export function metricLabel(selector: MetricSelector): string {
  const aggregation = aggregationText(selector.aggregation);
  const filters = Object.keys(selector.filter);
  if (selector.metric === 'http_req_duration') {
    if (filters.length === 0) return `${aggregation} of all requests`;
    if (filters.length === 1 && selector.filter.name !== undefined)
      return `${aggregation} of ${selector.filter.name}`;
  }
  const subject = selector.key.slice(0, selector.key.length - aggregation.length - 1);
  return `${aggregation} of ${subject}`;
}
