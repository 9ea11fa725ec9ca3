/**
 * The verdict of one compared metric: a change counts only when it is both significant and
 * larger than its budget; too few samples, or an interval too wide to place the change on
 * either side of the budget, is `inconclusive` rather than a guess.
 */
import type { Aggregation } from '../metrics/threshold-types.js';
import type { Budget, ChangeInterval, Direction, Verdict } from './types.js';

/**
 * Samples needed beyond a percentile for it to mean anything: p(99) needs 1,000 requests a
 * side (10 slower than it), p(99.9) 10,000.
 */
export const MIN_TAIL_SAMPLES = 10;

/**
 * Events a rate or a count needs a side: fewer than 100 vary by more than ±20% by chance
 * alone (a Poisson count's 2σ), so a rarely used request's throughput or error rate is not
 * compared on a handful of requests.
 */
export const MIN_COUNT_SAMPLES = 100;

/** Why a verdict was reached: what {@link explainVerdict} words. */
export type VerdictGround =
  | 'no-data'
  | 'few-samples'
  | 'no-interval'
  | 'beyond-budget'
  | 'within-budget'
  | 'inside-budget'
  | 'wide-interval';

/** What the verdict of one metric is decided on. */
export interface VerdictInput {
  readonly aggregation: Aggregation;
  readonly direction: Direction;
  readonly budget: Budget;
  readonly baseline: number | null;
  readonly candidate: number | null;
  /** The change the interval is about: relative (b / a − 1) or absolute (b − a). */
  readonly intervalOf: 'relative' | 'absolute';
  readonly change: number | null;
  readonly interval: ChangeInterval | null;
  readonly pValue: number | null;
  /** Samples behind the smaller side's figure (per run, for repeats). */
  readonly samples: number;
  /** Significance level. */
  readonly alpha: number;
}

/** A verdict and its ground. */
export interface VerdictDecision {
  readonly verdict: Verdict;
  readonly ground: VerdictGround;
  /** The budget as a bound on the interval's change (fraction, or the metric's unit). */
  readonly bound: number;
}

/** Decides the verdict of one metric (see {@link Verdict}). */
export function decideVerdict(input: VerdictInput): VerdictDecision {
  const bound = effectiveBound(input.budget, input.intervalOf, input.baseline);
  const decide = (verdict: Verdict, ground: VerdictGround) => ({ verdict, ground, bound });
  if (input.baseline === null || input.candidate === null || input.change === null)
    return decide('inconclusive', 'no-data');
  if (sampleShortfall(input.aggregation, input.samples) > 0)
    return decide('inconclusive', 'few-samples');
  if (input.interval === null || input.pValue === null)
    return decide('inconclusive', 'no-interval');
  const worse = input.direction === 'higher-is-worse' ? 1 : -1;
  const change = worse * input.change;
  if (input.pValue < input.alpha) {
    if (Math.abs(change) <= bound) return decide('unchanged', 'within-budget');
    return decide(change > 0 ? 'regressed' : 'improved', 'beyond-budget');
  }
  const low = Math.min(worse * input.interval.low, worse * input.interval.high);
  const high = Math.max(worse * input.interval.low, worse * input.interval.high);
  return low >= -bound && high <= bound
    ? decide('unchanged', 'inside-budget')
    : decide('inconclusive', 'wide-interval');
}

/**
 * The budget as one bound on the change the interval measures: a change must exceed every
 * bound that is set, so the larger of the relative bound and the absolute one converted by the
 * baseline's value. 0 when no bound is set (any significant change counts).
 */
export function effectiveBound(
  budget: Budget,
  intervalOf: 'relative' | 'absolute',
  baseline: number | null,
): number {
  const scale = Math.abs(baseline ?? 0);
  if (intervalOf === 'relative') {
    const fromAbsolute =
      budget.absolute === null ? 0 : scale > 0 ? budget.absolute / scale : Number.POSITIVE_INFINITY;
    return Math.max(budget.relative ?? 0, fromAbsolute);
  }
  return Math.max(budget.absolute ?? 0, (budget.relative ?? 0) * scale);
}

/**
 * How many samples a side needs for `aggregation`: ten beyond a percentile (the median: 20),
 * {@link MIN_COUNT_SAMPLES} for a rate or a count, 20 for a mean; any number for the extremes
 * and a gauge's value.
 */
export function samplesNeeded(aggregation: Aggregation): number {
  switch (aggregation.method) {
    case 'p':
      if (aggregation.percentile >= 100) return 0;
      // Rounded first: 1 − 99.9 / 100 is not exactly 0.001 in floating point.
      return Math.ceil(
        Number((MIN_TAIL_SAMPLES / (1 - aggregation.percentile / 100)).toPrecision(12)),
      );
    case 'med':
    case 'avg':
      return 2 * MIN_TAIL_SAMPLES;
    case 'rate':
    case 'count':
      return MIN_COUNT_SAMPLES;
    default:
      return 0;
  }
}

/** How many samples short of {@link samplesNeeded} `samples` is (0 when enough). */
export function sampleShortfall(aggregation: Aggregation, samples: number): number {
  return Math.max(0, samplesNeeded(aggregation) - samples);
}
