/**
 * Evaluates parsed thresholds against the metrics store: pure functions, no I/O, no clock.
 */
import { LaunchdayError } from '../core/errors.js';
import type {
  Aggregation,
  ComparisonOperator,
  MetricAggregate,
  MetricSource,
  ThresholdCondition,
  ThresholdDefinition,
  ThresholdResult,
} from './threshold-types.js';

type Comparison = (observed: number, bound: number) => boolean;

const COMPARE: Readonly<Record<ComparisonOperator, Comparison>> = {
  '<': (observed, bound) => observed < bound,
  '<=': (observed, bound) => observed <= bound,
  '>': (observed, bound) => observed > bound,
  '>=': (observed, bound) => observed >= bound,
  '==': (observed, bound) => observed === bound,
  '===': (observed, bound) => observed === bound,
  '!=': (observed, bound) => observed !== bound,
};

/**
 * Evaluates every threshold expression of `definitions` against `source`, one result per
 * expression in definition order. The engine calls it periodically during a run
 * (`final` false) to decide whether to abort, and once at the end (`final` true) for the verdict.
 *
 * - A threshold whose metric (with its filter) has no sample yet passes with `observed` null, as
 *   in k6: a sub-metric filter that matches nothing (a typo in a tag value, a request name that
 *   never ran) therefore does not fail the run. Reports should show such results as "no data".
 * - `shouldAbort` is true when the threshold has `abortOnFail`, fails, `elapsedMs` (run time in
 *   milliseconds) has reached its `delayAbortEval`, and the evaluation is not the final one
 *   (at the end there is nothing left to abort; the failure shows in `ok`).
 */
export function evaluateThresholds(
  definitions: readonly ThresholdDefinition[],
  source: MetricSource,
  elapsedMs: number,
  final: boolean,
): ThresholdResult[] {
  return definitions.flatMap((definition) => {
    const aggregate = source.aggregate(definition.metric, definition.filter);
    return definition.conditions.map((condition) =>
      evaluateCondition(definition.key, condition, aggregate, elapsedMs, final),
    );
  });
}

function evaluateCondition(
  key: string,
  condition: ThresholdCondition,
  aggregate: MetricAggregate | undefined,
  elapsedMs: number,
  final: boolean,
): ThresholdResult {
  const { expression, abortOnFail, delayAbortEvalMs } = condition;
  const observed = aggregate === undefined ? null : aggregateValue(aggregate, expression);
  const ok = observed === null || COMPARE[expression.operator](observed, expression.value);
  const shouldAbort = !ok && abortOnFail && !final && elapsedMs >= delayAbortEvalMs;
  return { key, expression: expression.source, ok, observed, abortOnFail, shouldAbort };
}

/**
 * The number an aggregation (of a threshold expression, or a `compare` selector) reads from an
 * aggregate, in the metric's base unit. Every aggregate field is named after the method that reads
 * it (`avg`, `count`, `rate`, `value`, ...), so the lookup is by name; a field missing means the
 * store answered another type than the catalogue's, which is a bug, not a user error.
 */
export function aggregateValue(aggregate: MetricAggregate, aggregation: Aggregation): number {
  const { method } = aggregation;
  const value =
    aggregate.type === 'trend' && aggregation.method === 'p'
      ? aggregate.percentile(aggregation.percentile)
      : (aggregate as unknown as Readonly<Record<string, unknown>>)[method];
  if (typeof value === 'number') return value;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_INTERNAL',
    `the metrics store answered a ${aggregate.type} aggregate, which has no '${method}'`,
    { hint: 'this is a bug in launchday; please report it with the scenario that triggered it' },
  );
}
