/**
 * The contracts of thresholds: what a scenario writes, what the parser returns, what the
 * evaluator reads from the metrics store and what it answers.
 */
import type { MetricName } from './catalogue.js';

/**
 * One threshold as a scenario writes it, as in k6: an expression (`'p(99)<250'`), or the object
 * form adding `abortOnFail` (stop the run when it fails) and `delayAbortEval` (a duration such
 * as `'30s'` before a failure may abort).
 */
export type ThresholdSpecItem =
  | string
  | {
      readonly threshold: string;
      readonly abortOnFail?: boolean;
      readonly delayAbortEval?: string;
    };

/**
 * The `thresholds` of a scenario, as in k6: keys `metric` or `metric{tag:value,...}`, each with
 * a list of thresholds, e.g. `{ 'http_req_duration{name:feed}': ['p(99)<250'] }`.
 */
export type ThresholdSpec = Readonly<Record<string, readonly ThresholdSpecItem[]>>;

/**
 * How an expression reduces a metric to one number. Trends: `avg`, `min`, `med`, `max`, `p`
 * (a percentile); counters: `count`, `rate` (per second); rates: `rate`; gauges: `value`.
 */
export type AggregationMethod = 'avg' | 'min' | 'med' | 'max' | 'p' | 'count' | 'rate' | 'value';

/** The comparison of an expression; `==` and `===` mean the same, as in k6. */
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';

/** An aggregation method with its argument: the percentile for `p`, null for the others. */
export type Aggregation =
  | { readonly method: 'p' /** In percent, 0 < p ≤ 100. */; readonly percentile: number }
  | { readonly method: Exclude<AggregationMethod, 'p'>; readonly percentile: null };

/** One parsed expression: `<aggregation> <operator> <value>`. */
export type ThresholdExpression = Aggregation & {
  /** The expression as written, e.g. `p(99.9) < 250ms`. */
  readonly source: string;
  readonly operator: ComparisonOperator;
  /**
   * The bound in the metric's base unit, units in the source already converted: milliseconds
   * for time trends, a fraction (0–1) for rates, per second for a counter's `rate`.
   */
  readonly value: number;
};

/** One threshold of a metric key: its expression and when it may abort the run. */
export interface ThresholdCondition {
  readonly expression: ThresholdExpression;
  /** Whether a failure should abort the run (k6's `abortOnFail`). */
  readonly abortOnFail: boolean;
  /** Run time in milliseconds before a failure may abort (k6's `delayAbortEval`); 0 if unset. */
  readonly delayAbortEvalMs: number;
}

/** The thresholds of one metric key, parsed and validated against the catalogue. */
export interface ThresholdDefinition {
  /** The key as written, e.g. `http_req_duration{name:feed}`; results are reported under it. */
  readonly key: string;
  readonly metric: MetricName;
  /** The sub-metric filter: a series counts when its tags include all of these. */
  readonly filter: Readonly<Record<string, string>>;
  readonly conditions: readonly ThresholdCondition[];
}

/**
 * The aggregate of one metric (over the series a filter selects) that the metrics store
 * answers. Times are in milliseconds.
 */
export type MetricAggregate =
  | {
      type: 'trend';
      count: number;
      avg: number;
      min: number;
      max: number;
      med: number;
      /** The value at percentile `p`, given in percent (0 < p ≤ 100). */
      percentile(p: number): number;
    }
  /** `rate` is per second of run time. */
  | { type: 'counter'; count: number; rate: number }
  /** `rate` is `passes / total`. */
  | { type: 'rate'; passes: number; total: number; rate: number }
  | { type: 'gauge'; value: number; min: number; max: number };

/** What the metrics store answers; provided by the lead's store. */
export interface MetricSource {
  /**
   * The aggregate of `metric` over every series whose tags include all of `filter`, or
   * undefined when no sample of that metric (with that filter) was recorded yet.
   */
  aggregate(
    metric: MetricName,
    filter: Readonly<Record<string, string>>,
  ): MetricAggregate | undefined;
}

/** The verdict on one threshold expression at one evaluation. */
export interface ThresholdResult {
  /** The metric key as written, e.g. `http_req_duration{name:feed}`. */
  readonly key: string;
  /** The expression as written, e.g. `p(99)<250`. */
  readonly expression: string;
  /** Whether the threshold holds; true when there is no data yet (observed null), as in k6. */
  readonly ok: boolean;
  /** The aggregated value compared, in the metric's base unit; null when there is no data. */
  readonly observed: number | null;
  readonly abortOnFail: boolean;
  /** True when this failure should abort the run now; never on the final evaluation. */
  readonly shouldAbort: boolean;
}
