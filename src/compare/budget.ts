/**
 * Budgets: how large a change must be before `compare` calls it a regression or an improvement.
 * Written `+10%`, `+1ms`, `+10%,+1ms`, `+0.5pt`, globally (`--budget +5%`) or for one metric
 * (`--budget 'http_req_duration{name:signup}:p(99)=+5%'`, or the scenario's `compare.budgets`).
 */
import { LaunchdayError } from '../core/errors.js';
import { parseMetricSelector, unitOfSelector } from './metric-selector.js';
import type { Budget, CompareUnit, MetricSelector } from './types.js';

/**
 * The bounds one budget text sets, each a magnitude (the sign is optional: a bound applies in
 * the metric's worse direction for a regression and its better one for an improvement):
 * `relative` a fraction of the baseline (`%` is always relative, also for rates); `ms` an
 * absolute latency; `points` an absolute change of a rate as a fraction (`0.5pt` = 0.005);
 * `plain` an absolute change in the metric's own unit (a count, or per second).
 */
export interface BudgetBounds {
  readonly relative?: number;
  readonly ms?: number;
  readonly points?: number;
  readonly plain?: number;
}

/** Which absolute bound of {@link BudgetBounds} a unit's metrics read. */
const ABSOLUTE_FIELD: Readonly<Record<CompareUnit, 'ms' | 'points' | 'plain'>> = {
  ms: 'ms',
  fraction: 'points',
  'per-second': 'plain',
  count: 'plain',
};

/**
 * The budgets when nothing else is set: latencies +10% and +1 ms; error and check rates 0.5
 * points; throughput 10% (lower is worse); counts (dropped iterations) +10% and at least 10.
 */
export const DEFAULT_BUDGETS: Readonly<Record<CompareUnit, BudgetBounds>> = Object.freeze({
  ms: { relative: 0.1, ms: 1 },
  fraction: { points: 0.005 },
  'per-second': { relative: 0.1 },
  count: { relative: 0.1, plain: 10 },
});

const FORM = "'+10%', '+1ms', '+10%,+1ms' or '+0.5pt'";
const HINT =
  `write a budget as ${FORM} (% is relative to the baseline, also for rates; pt are ` +
  'percentage points of a rate; us, ms, s a latency; a plain number a count or per second), ' +
  "for one metric as 'metric{tag:value}:aggregation=+5%'";
const PART = /^[+-]?\s*(\d+(?:\.\d+)?)\s*(%|pt|us|µs|ms|s|\/s)?$/;
const TIME_MS: Readonly<Record<string, number>> = { us: 0.001, µs: 0.001, ms: 1, s: 1000 };

/**
 * Parses one budget text, comma-separated bounds such as `+10%,+1ms`, into its bounds; a later
 * bound of the same kind wins. `path` names where it came from in errors. Throws a
 * `LAUNCHDAY_ERR_USAGE` naming the part that is not a bound and the accepted form.
 */
export function parseBudget(text: string, path = '--budget'): BudgetBounds {
  const bounds: { -readonly [K in keyof BudgetBounds]: number } = {};
  for (const part of text.split(',')) {
    const [, number, unit = ''] = PART.exec(part.trim()) ?? [];
    if (number === undefined) throw usage(`${path} ${text}: '${part.trim()}' is not a bound`);
    const value = Number(number);
    if (unit === '%') bounds.relative = value / 100;
    else if (unit === 'pt') bounds.points = value / 100;
    else if (unit === '' || unit === '/s') bounds.plain = value;
    else bounds.ms = value * TIME_MS[unit]!;
  }
  return Object.freeze(bounds);
}

/** A `--budget` value: for one metric (`selector=budget`), or for all (`selector` null). */
export interface BudgetFlag {
  readonly selector: MetricSelector | null;
  readonly bounds: BudgetBounds;
}

/**
 * Parses a `--budget` value: `selector=budget` for one metric (checked against its unit: a
 * latency takes % and time, a rate % and pt, a count or throughput % and plain numbers), or a
 * bare budget for every metric, which needs a unit on each bound.
 */
export function parseBudgetFlag(text: string, path = '--budget'): BudgetFlag {
  const equals = text.lastIndexOf('=');
  if (equals === -1) {
    const bounds = parseBudget(text, path);
    if (bounds.plain !== undefined)
      throw usage(`${path} ${text}: a budget for every metric gives each bound a unit (%, ms, pt)`);
    return { selector: null, bounds };
  }
  return metricBudget(text.slice(0, equals), text.slice(equals + 1), path);
}

/** The budget `budgetText` for the metric `selectorText`, checked against its unit. */
export function metricBudget(
  selectorText: string,
  budgetText: string,
  path: string,
): BudgetFlag & { readonly selector: MetricSelector } {
  const selector = parseMetricSelector(selectorText.trim(), path);
  const bounds = parseBudget(budgetText.trim(), `${path} ${selector.key}=`);
  const unit = unitOfSelector(selector);
  const wrong = (['ms', 'points', 'plain'] as const).find(
    (field) => bounds[field] !== undefined && field !== ABSOLUTE_FIELD[unit],
  );
  if (wrong !== undefined)
    throw usage(
      `${path} ${selector.key}=${budgetText}: ${UNIT_NAMES[wrong]} do not fit ${selector.key} ` +
        `(${UNIT_NAMES[ABSOLUTE_FIELD[unit]]} or % do)`,
    );
  return { selector, bounds };
}

const UNIT_NAMES = { ms: 'times (us, ms, s)', points: 'points (pt)', plain: 'plain numbers' };

/** Every budget that was set, by where it was set; {@link budgetFor} resolves one metric's. */
export interface BudgetSettings {
  /** `--budget selector=…`, by canonical selector key. */
  readonly flags: ReadonlyMap<string, BudgetBounds>;
  /** The scenario's `compare.budgets`, by canonical selector key. */
  readonly scenario: ReadonlyMap<string, BudgetBounds>;
  /** `--budget …` without a selector, every one of them merged (a later bound wins). */
  readonly global: BudgetBounds;
}

/**
 * Collects the `--budget` flags and the scenario's `compare.budgets` record (selector text →
 * budget text, as result.json stores it in `config.compare.budgets`). Throws a
 * `LAUNCHDAY_ERR_USAGE` for any text that does not parse.
 */
export function budgetSettings(
  flags: readonly string[],
  scenario: Readonly<Record<string, string>> = {},
): BudgetSettings {
  const perMetric = new Map<string, BudgetBounds>();
  let global: BudgetBounds = {};
  for (const flag of flags) {
    const { selector, bounds } = parseBudgetFlag(flag);
    if (selector === null) global = { ...global, ...bounds };
    else perMetric.set(selector.key, { ...perMetric.get(selector.key), ...bounds });
  }
  const fromScenario = new Map<string, BudgetBounds>();
  for (const [key, text] of Object.entries(scenario)) {
    const { selector, bounds } = metricBudget(key, text, 'compare.budgets');
    fromScenario.set(selector.key, bounds);
  }
  return { flags: perMetric, scenario: fromScenario, global };
}

/**
 * The budget of one metric. Each bound is taken from the first place that sets it, in order:
 * its `--budget selector=…` flag, the scenario's `compare.budgets`, a global `--budget`, then
 * {@link DEFAULT_BUDGETS}; a bound no place sets is null. A bound of 0 (`+0ms`, `+0%`)
 * constrains nothing: it lifts a default.
 */
export function budgetFor(selector: MetricSelector, settings: BudgetSettings): Budget {
  const unit = unitOfSelector(selector);
  const layers = [
    settings.flags.get(selector.key),
    settings.scenario.get(selector.key),
    settings.global,
    DEFAULT_BUDGETS[unit],
  ];
  const first = (field: keyof BudgetBounds) =>
    layers.find((layer) => layer?.[field] !== undefined)?.[field] ?? null;
  return { relative: first('relative'), absolute: first(ABSOLUTE_FIELD[unit]) };
}

/** The keys of per-metric budgets that name none of `compared`, for an error naming them. */
export function unusedBudgetKeys(
  settings: BudgetSettings,
  compared: readonly MetricSelector[],
): string[] {
  const keys = new Set(compared.map((s) => s.key));
  return [...settings.flags.keys(), ...settings.scenario.keys()].filter((key) => !keys.has(key));
}

function usage(message: string): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_USAGE', `invalid budget: ${message}`, { hint: HINT });
}
