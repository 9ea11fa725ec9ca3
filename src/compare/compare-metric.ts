/**
 * The comparison of one metric between two sides of runs: the figures of each side, the change
 * with its bootstrap interval and p-value by the chosen method, and the verdict with its reason.
 */
import type { RunResult } from '../core/result.js';
import { createPrng } from '../executors/prng.js';
import { type BudgetSettings, budgetFor } from './budget.js';
import { directionOf, unitOfSelector } from './metric-selector.js';
import { explainVerdict } from './reason.js';
import type { RunMeasure } from './run-value.js';
import { secondsOfSides } from './seconds-of-side.js';
import {
  type BootstrapChange,
  blockChange,
  type Contrast,
  changeOf,
  medianChange,
} from './stats/bootstrap.js';
import { mannWhitney } from './stats/mann-whitney.js';
import { median } from './stats/quantiles.js';
import type {
  CompareMethod,
  CompareUnit,
  MetricComparison,
  MetricSelector,
  SideFigure,
} from './types.js';
import { decideVerdict } from './verdict.js';

/** The settings one metric's comparison needs. */
export interface MetricSettings {
  readonly method: CompareMethod;
  readonly alpha: number;
  readonly confidence: number;
  readonly resamples: number;
  readonly seed: number;
  readonly blockSeconds: number;
  readonly budgets: BudgetSettings;
}

/** The two sides' runs: `baseline` and `candidate`, each at least one run. */
export interface SideRuns {
  readonly baseline: readonly RunResult[];
  readonly candidate: readonly RunResult[];
}

/** Each side's runs' measures of one selector, in run order. */
export interface SideMeasures {
  readonly baseline: readonly RunMeasure[];
  readonly candidate: readonly RunMeasure[];
}

/** What a method estimates: both sides' figures, the change's interval and p-value. */
interface Estimate {
  readonly baseline: SideFigure;
  readonly candidate: SideFigure;
  /** Samples behind the smaller figure: per run for repeats, all of them when pooled. */
  readonly samples: number;
  readonly change: BootstrapChange | null;
  readonly pValue: number | null;
}

/** Compares `selector` between the sides with `settings`. */
export function compareMetric(
  sides: SideRuns,
  measures: SideMeasures,
  selector: MetricSelector,
  settings: MetricSettings,
): MetricComparison {
  const unit = unitOfSelector(selector);
  const direction = directionOf(selector);
  const budget = budgetFor(selector, settings.budgets);
  const contrast = contrastOf(unit);
  const estimate =
    settings.method === 'mann-whitney'
      ? estimateOverRuns(measures, selector, contrast, settings)
      : estimateOverSeconds(sides, measures, selector, contrast, settings);
  const base = estimate.baseline.value;
  const cand = estimate.candidate.value;
  const relativeChange = base === null || cand === null || base === 0 ? null : cand / base - 1;
  const absoluteChange = base === null || cand === null ? null : cand - base;
  const interval =
    estimate.change === null || !Number.isFinite(estimate.change.low)
      ? null
      : { low: estimate.change.low, high: estimate.change.high, level: settings.confidence };
  const decision = decideVerdict({
    aggregation: selector.aggregation,
    direction,
    budget,
    baseline: base,
    candidate: cand,
    intervalOf: contrast,
    change: contrast === 'relative' ? relativeChange : absoluteChange,
    interval,
    pValue: interval === null ? null : estimate.pValue,
    samples: estimate.samples,
    alpha: settings.alpha,
  });
  const comparison: MetricComparison = {
    key: selector.key,
    requestName: selector.filter.name ?? null,
    unit,
    direction,
    baseline: estimate.baseline,
    candidate: estimate.candidate,
    relativeChange,
    absoluteChange,
    interval,
    intervalOf: contrast,
    pValue: interval === null ? null : estimate.pValue,
    method: settings.method,
    budget,
    verdict: decision.verdict,
    reason: '',
  };
  return {
    ...comparison,
    reason: explainVerdict(comparison, selector, decision, estimate.samples),
  };
}

/**
 * Latencies and throughput change by a ratio; rates (errors, checks) and counts (drops) by a
 * difference, as their baseline is often 0.
 */
export function contrastOf(unit: CompareUnit): Contrast {
  return unit === 'ms' || unit === 'per-second' ? 'relative' : 'absolute';
}

/** Repeats: one value per run, Mann-Whitney U over them, the interval of the medians' change. */
function estimateOverRuns(
  measures: SideMeasures,
  selector: MetricSelector,
  contrast: Contrast,
  settings: MetricSettings,
): Estimate {
  const measure = (runs: readonly RunMeasure[]) => {
    const values = runs.flatMap((m) => (m.value === null ? [] : [m.value]));
    const samples = Math.min(...runs.map((m) => m.samples));
    return {
      values,
      samples,
      figure: figure(values.length ? median(values) : null, runs.length, runs),
    };
  };
  const a = measure(measures.baseline);
  const b = measure(measures.candidate);
  const samples = Math.min(a.samples, b.samples);
  if (a.values.length < 2 || b.values.length < 2)
    return { baseline: a.figure, candidate: b.figure, samples, change: null, pValue: null };
  const change = medianChange(a.values, b.values, contrast, bootstrapOptions(selector, settings));
  const { pValue } = mannWhitney(a.values, b.values);
  return { baseline: a.figure, candidate: b.figure, samples, change, pValue };
}

/** One run a side (or few repeats): the runs' seconds pooled, resampled in blocks. */
function estimateOverSeconds(
  sides: SideRuns,
  measures: SideMeasures,
  selector: MetricSelector,
  contrast: Contrast,
  settings: MetricSettings,
): Estimate {
  const { baseline: measuresA, candidate: measuresB } = measures;
  const seconds = secondsOfSides(sides.baseline, sides.candidate, selector);
  if (!seconds.ok)
    return {
      baseline: figure(null, sides.baseline.length, measuresA),
      candidate: figure(null, sides.candidate.length, measuresB),
      samples: 0,
      change: null,
      pValue: null,
    };
  const whole = (size: number) => Int32Array.from({ length: size }, (_, i) => i);
  const wholeValue = (side: typeof seconds.a) => {
    const value = side.statistic(whole(side.size));
    return Number.isFinite(value) ? value : null;
  };
  const baseline = figure(wholeValue(seconds.a), sides.baseline.length, measuresA);
  const candidate = figure(wholeValue(seconds.b), sides.candidate.length, measuresB);
  const samples = Math.min(baseline.samples, candidate.samples);
  if (baseline.value === null || candidate.value === null)
    return { baseline, candidate, samples, change: null, pValue: null };
  const block = Math.max(1, Math.min(settings.blockSeconds, seconds.a.size, seconds.b.size));
  const change = blockChange(
    seconds.a,
    seconds.b,
    contrast,
    block,
    bootstrapOptions(selector, settings),
  );
  const observed = changeOf(baseline.value, candidate.value, contrast);
  return {
    baseline,
    candidate,
    samples,
    change: Number.isFinite(observed) ? change : null,
    pValue: change.pValue,
  };
}

function figure(
  value: number | null,
  runs: number,
  measures: readonly { readonly samples: number }[],
): SideFigure {
  return { value, runs, samples: measures.reduce((sum, m) => sum + m.samples, 0) };
}

/** A bootstrap seeded per metric, so one metric's interval does not depend on the others. */
function bootstrapOptions(selector: MetricSelector, settings: MetricSettings) {
  return {
    resamples: settings.resamples,
    confidence: settings.confidence,
    random: createPrng((settings.seed ^ fnv1a(selector.key)) >>> 0),
  };
}

/** The 32-bit FNV-1a hash of `text`. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
