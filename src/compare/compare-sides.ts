/**
 * `launchday compare` as a pure function: two sides of runs in, the {@link CompareReport} out.
 * Checks the sides are comparable, picks the metrics (flags, else the baseline scenario's
 * `compare` block, else the defaults, per request name too), the method (Mann-Whitney over
 * repeats when they can reach significance, else a block bootstrap over seconds) and compares
 * each metric.
 */
import { LaunchdayError } from '../core/errors.js';
import type { RunResult } from '../core/result.js';
import { budgetSettings, unusedBudgetKeys } from './budget.js';
import { checkComparable } from './comparability.js';
import { buildCharts } from './compare-charts.js';
import { compareMetric } from './compare-metric.js';
import { describeSide } from './compare-side.js';
import { DEFAULT_SELECTORS, expandSelectors, parseMetricSelector } from './metric-selector.js';
import { headlineOf, metricLabel } from './reason.js';
import { requestNames, runMeasures } from './run-value.js';
import { smallestPValue } from './stats/mann-whitney.js';
import {
  COMPARE_SCHEMA_VERSION,
  type CompareMethod,
  type CompareReport,
  type Incomparability,
  type MetricSelector,
} from './types.js';

/** One side as read from disk: where it came from and its runs (at least one). */
export interface CompareInput {
  readonly source: string;
  readonly runs: readonly RunResult[];
  readonly baselineName?: string;
}

/** How to compare; every field has a default ({@link DEFAULT_COMPARE_OPTIONS}). */
export interface CompareOptions {
  /** `--metric` texts; none: the scenario's `compare.metrics`, else the defaults. */
  readonly metrics: readonly string[];
  /** `--budget` texts, global or per metric. */
  readonly budgets: readonly string[];
  readonly allow: readonly Incomparability['kind'][];
  /** `auto`: Mann-Whitney when both sides have enough repeats to reach `alpha`. */
  readonly method: CompareMethod | 'auto';
  /** Significance level; undefined: the scenario's `compare.alpha`, else 0.05. */
  readonly alpha?: number;
  readonly confidence: number;
  readonly resamples: number;
  readonly seed: number;
  readonly blockSeconds: number;
  /** When the comparison is made (compare.json's `createdAt`). */
  readonly now: Date;
}

/** The defaults of {@link CompareOptions}, but `now`. */
export const DEFAULT_COMPARE_OPTIONS = Object.freeze({
  metrics: [],
  budgets: [],
  allow: [],
  method: 'auto',
  confidence: 0.95,
  resamples: 2000,
  seed: 1,
  blockSeconds: 5,
} satisfies Omit<CompareOptions, 'now'>);

const DEFAULT_ALPHA = 0.05;

/** The `compare` block of a scenario, as result.json keeps it under `config.compare`. */
interface ScenarioCompareBlock {
  readonly metrics?: readonly string[];
  readonly budgets?: Readonly<Record<string, string>>;
  readonly alpha?: number;
}

/** Compares `candidate` against `baseline`; throws a coded error for incomparable sides. */
export function compareSides(
  baseline: CompareInput,
  candidate: CompareInput,
  options: CompareOptions,
): CompareReport {
  const allowedDifferences = checkComparable(baseline.runs, candidate.runs, options.allow);
  const block = scenarioBlock(baseline.runs[0]!);
  const alpha = options.alpha ?? block.alpha ?? DEFAULT_ALPHA;
  const budgets = budgetSettings(options.budgets, block.budgets);
  const selectors = selectorsFor(options.metrics, block, [...baseline.runs, ...candidate.runs]);
  const unused = unusedBudgetKeys(budgets, selectors);
  if (unused.length > 0)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `a budget names a metric that is not compared: ${unused.join(', ')}`,
      {
        hint: "name it with --metric too, or fix the budget's key (see the table for compared keys)",
      },
    );
  const method =
    options.method === 'auto'
      ? methodOf(baseline.runs.length, candidate.runs.length, alpha)
      : options.method;
  const settings = { ...options, method, alpha, budgets };
  const sides = { baseline: baseline.runs, candidate: candidate.runs };
  const measuresOf = (runs: readonly RunResult[]) => runs.map((run) => runMeasures(run, selectors));
  const baseMeasures = measuresOf(baseline.runs);
  const candMeasures = measuresOf(candidate.runs);
  const comparisons = selectors.map((selector, i) =>
    compareMetric(
      sides,
      { baseline: baseMeasures.map((m) => m[i]!), candidate: candMeasures.map((m) => m[i]!) },
      selector,
      settings,
    ),
  );
  const labels = new Map(selectors.map((selector) => [selector.key, metricLabel(selector)]));
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    createdAt: options.now.toISOString(),
    verdict: comparisons.some((c) => c.verdict === 'regressed') ? 'regressed' : 'no-regression',
    headline: headlineOf(comparisons, labels),
    baseline: describeSide(baseline.source, baseline.runs, baseline.baselineName),
    candidate: describeSide(candidate.source, candidate.runs),
    method,
    settings: {
      alpha,
      confidence: options.confidence,
      resamples: options.resamples,
      seed: options.seed,
      blockSeconds: options.blockSeconds,
      allowed: options.allow,
    },
    comparisons,
    allowedDifferences,
    charts: buildCharts(baseline.runs, candidate.runs),
  };
}

/**
 * Mann-Whitney when both sides have at least two runs and the smallest p-value their sizes can
 * reach is below `alpha` (4 runs a side or more at 0.05); else the block bootstrap over the
 * runs' seconds pooled, which can decide with one run a side.
 */
export function methodOf(
  baselineRuns: number,
  candidateRuns: number,
  alpha: number,
): CompareMethod {
  return baselineRuns >= 2 &&
    candidateRuns >= 2 &&
    smallestPValue(baselineRuns, candidateRuns) < alpha
    ? 'mann-whitney'
    : 'block-bootstrap';
}

function selectorsFor(
  metrics: readonly string[],
  block: ScenarioCompareBlock,
  runs: readonly RunResult[],
): MetricSelector[] {
  if (metrics.length > 0) return dedupe(metrics.map((text) => parseMetricSelector(text)));
  if (block.metrics !== undefined && block.metrics.length > 0)
    return dedupe(block.metrics.map((text) => parseMetricSelector(text, 'compare.metrics')));
  return expandSelectors(DEFAULT_SELECTORS, requestNames(runs));
}

function dedupe(selectors: readonly MetricSelector[]): MetricSelector[] {
  return [...new Map(selectors.map((s) => [s.key, s])).values()];
}

function scenarioBlock(run: RunResult): ScenarioCompareBlock {
  const config = run.config as { compare?: ScenarioCompareBlock } | null;
  return config?.compare ?? {};
}
