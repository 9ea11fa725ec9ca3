/**
 * The contracts of `launchday compare`: which metrics are compared (selectors in threshold
 * syntax), how large a change must be to count (budgets), the statistics behind each verdict,
 * and the report that compare.json holds and every renderer (terminal, Markdown, JUnit, HTML)
 * reads. Pure data: latencies in milliseconds, rates as fractions (0–1), throughput per second.
 */
import type { MetricName } from '../metrics/catalogue.js';
import type { Aggregation } from '../metrics/threshold-types.js';

/** The version of the {@link CompareReport} layout (schemas/compare.schema.json). */
export const COMPARE_SCHEMA_VERSION = 1;

/**
 * What one comparison says about one metric:
 * - `regressed`: significantly worse, by more than its budget;
 * - `improved`: significantly better, by more than its budget;
 * - `unchanged`: no change larger than the budget (the interval lies inside it, or the change
 *   is significant but smaller than the budget);
 * - `inconclusive`: too few samples for the aggregation (e.g. p(99.9) of 2,000 requests), or an
 *   interval too wide to tell a change within the budget from one beyond it.
 */
export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive';

/** Whether a larger value of the metric is worse (latency, errors) or better (throughput). */
export type Direction = 'higher-is-worse' | 'lower-is-worse';

/**
 * How a comparison was computed: `block-bootstrap` resamples blocks of consecutive seconds of
 * each side's runs (used when a side has one run); `mann-whitney` compares the runs' values,
 * one value per run, with Mann-Whitney U and a bootstrap interval of the ratio of medians
 * (used when both sides have repeats).
 */
export type CompareMethod = 'block-bootstrap' | 'mann-whitney';

/** The unit of a compared value: what the renderers print after it. */
export type CompareUnit = 'ms' | 'fraction' | 'per-second' | 'count';

/**
 * One metric to compare, as `--metric` writes it in threshold syntax:
 * `metric{tag:value,...}:aggregation`, e.g. `http_req_duration{name:feed}:p(99)`,
 * `http_req_failed:rate`, `http_reqs:rate`.
 */
export interface MetricSelector {
  /** The canonical key, e.g. `http_req_duration{name:feed}:p(99)`; verdicts are keyed by it. */
  readonly key: string;
  readonly metric: MetricName;
  /** Series count when their tags include all of these. */
  readonly filter: Readonly<Record<string, string>>;
  readonly aggregation: Aggregation;
}

/**
 * The smallest change that counts as a regression or an improvement. A change must exceed
 * every bound that is set (both, for a latency by default: +10% and +1 ms).
 */
export interface Budget {
  /** Relative bound, as a fraction of the baseline (0.1 for +10%); null when not required. */
  readonly relative: number | null;
  /** Absolute bound in the metric's unit (ms, a fraction for rates, per second); null when not. */
  readonly absolute: number | null;
}

/** A confidence interval of a change. */
export interface ChangeInterval {
  readonly low: number;
  readonly high: number;
  /** Its confidence level, e.g. 0.95. */
  readonly level: number;
}

/** One side's figure for one metric. */
export interface SideFigure {
  /**
   * The value: the metric over all the side's runs merged (block bootstrap), or the median of
   * the runs' values (Mann-Whitney); null when the side has no data for the metric.
   */
  readonly value: number | null;
  /** How many runs stand behind it. */
  readonly runs: number;
  /** How many samples (requests, for request metrics) stand behind it. */
  readonly samples: number;
}

/** The comparison of one metric between the two sides. */
export interface MetricComparison {
  readonly key: string;
  /** The request name it is about (`name` tag), or null for all requests together. */
  readonly requestName: string | null;
  readonly unit: CompareUnit;
  readonly direction: Direction;
  readonly baseline: SideFigure;
  readonly candidate: SideFigure;
  /** candidate / baseline − 1; null when either value is missing or the baseline is 0. */
  readonly relativeChange: number | null;
  /** candidate − baseline in the metric's unit; null when either value is missing. */
  readonly absoluteChange: number | null;
  /**
   * The interval of the change: of the relative change (ratio − 1) for latencies and
   * throughput, of the absolute change for rates (`fraction`); null when not computable.
   */
  readonly interval: ChangeInterval | null;
  /** Which change `interval` is about. */
  readonly intervalOf: 'relative' | 'absolute';
  /** The Mann-Whitney p-value, or the bootstrap's two-sided p-value; null when not computable. */
  readonly pValue: number | null;
  readonly method: CompareMethod;
  readonly budget: Budget;
  readonly verdict: Verdict;
  /** One sentence saying why, e.g. "p(99) rose 18% (+6.1 ms), beyond its budget of +10%". */
  readonly reason: string;
}

/** What one side of a comparison was made of. */
export interface CompareSide {
  /** The path given on the command line (a result.json, a run folder, a folder of runs). */
  readonly source: string;
  /** The baseline's name when it came from `--baseline NAME`. */
  readonly baselineName?: string;
  readonly runIds: readonly string[];
  readonly scenario: string;
  /** Start of the earliest run and end of the latest (ISO times). */
  readonly startedAt: string;
  readonly endedAt: string;
  /** The machine of its first run, e.g. "AMD EPYC 7B13 ×2, linux x64, node v20.20.0". */
  readonly machine: string;
}

/** A difference between the sides that makes them not comparable, or was allowed. */
export interface Incomparability {
  /** What differs; `--allow <kind>` compares anyway. */
  readonly kind: 'scenario' | 'plan' | 'generator' | 'machine';
  /** A sentence naming the difference and how to override it. */
  readonly message: string;
}

/** A latency distribution as an HDR percentile plot draws it: percentile (0–100) → ms. */
export interface PercentileCurve {
  readonly percentiles: readonly number[];
  readonly valuesMs: readonly number[];
}

/** One run's per-second series, for the HTML report's time charts. */
export interface RunSeconds {
  readonly side: 'baseline' | 'candidate';
  readonly runId: string;
  /** Per second from the run's start: requests, failed, p50 and p99 (ms), all names. */
  readonly t: readonly number[];
  readonly requests: readonly number[];
  readonly failed: readonly number[];
  readonly p50Ms: readonly number[];
  readonly p99Ms: readonly number[];
}

/** What the HTML report charts, computed by the comparison so renderers stay simple. */
export interface CompareCharts {
  /** Per request name, and `null` for all requests: both sides' merged distributions. */
  readonly distributions: readonly {
    readonly requestName: string | null;
    readonly baseline: PercentileCurve;
    readonly candidate: PercentileCurve;
  }[];
  readonly seconds: readonly RunSeconds[];
}

/** The settings a comparison ran with, as compare.json records them. */
export interface CompareSettings {
  /** Significance level of a change (default 0.05). */
  readonly alpha: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly confidence: number;
  /** Bootstrap resamples (default 2000). */
  readonly resamples: number;
  /** Seed of the bootstrap: the same inputs and seed give the same report. */
  readonly seed: number;
  /** Block length of the block bootstrap, in seconds. */
  readonly blockSeconds: number;
  /** The differences the user allowed (`--allow`). */
  readonly allowed: readonly Incomparability['kind'][];
}

/** The overall verdict: `regressed` when any metric regressed. */
export type OverallVerdict = 'regressed' | 'no-regression';

/** What compare.json holds, and what every renderer of a comparison reads. */
export interface CompareReport {
  readonly schemaVersion: typeof COMPARE_SCHEMA_VERSION;
  readonly createdAt: string;
  readonly verdict: OverallVerdict;
  /** One sentence to open every rendering with, e.g. "Regressed: p(99) of feed rose 18%". */
  readonly headline: string;
  readonly baseline: CompareSide;
  readonly candidate: CompareSide;
  readonly method: CompareMethod;
  readonly settings: CompareSettings;
  /** Every compared metric, overall first then by request name, in selector order. */
  readonly comparisons: readonly MetricComparison[];
  /** The differences between the sides that the user allowed, each a sentence. */
  readonly allowedDifferences: readonly Incomparability[];
  readonly charts: CompareCharts;
}
