/**
 * Parses thresholds in k6's syntax, and the `--slo` shorthand built on it, into validated
 * {@link ThresholdDefinition}s. Every problem is collected and reported in one coded error.
 */
import { parseDuration } from '../core/duration.js';
import { type ErrorCode, type Issue, isLaunchdayError, LaunchdayError } from '../core/errors.js';
import {
  isMetricName,
  METRIC_NAMES,
  METRICS,
  type MetricName,
  type MetricType,
} from './catalogue.js';
import type {
  Aggregation,
  AggregationMethod,
  ComparisonOperator,
  ThresholdCondition,
  ThresholdDefinition,
  ThresholdExpression,
  ThresholdSpec,
} from './threshold-types.js';

/** Records one problem at `path`; parsing goes on so that every problem is reported at once. */
type Report = (path: string, message: string) => undefined;
/** A metric key's metric, or null when the key is invalid (then only syntax is checked). */
type Target = MetricName | null;

const METHODS_BY_TYPE: Readonly<Record<MetricType, readonly AggregationMethod[]>> = {
  trend: ['avg', 'min', 'med', 'max', 'p'],
  counter: ['count', 'rate'],
  rate: ['rate'],
  gauge: ['value'],
};
/** The aggregation an SLO may leave out, for the metric types that have only one. */
const DEFAULT_METHOD: Partial<Record<MetricType, string>> = { rate: 'rate', gauge: 'value' };
const SLO_DEFAULT_METRIC: MetricName = 'http_req_duration';
const TIME_UNITS_MS: Readonly<Record<string, number>> = {
  us: 0.001,
  µs: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const OBJECT_KEYS = ['threshold', 'abortOnFail', 'delayAbortEval'];

// Lazy left side so the first operator wins; longer operators listed before their prefixes.
const EXPRESSION = /^\s*(.+?)\s*(<=|>=|===|==|!=|<|>)\s*(.*?)\s*$/s;
const METHOD = /^(?:(avg|min|med|max|count|rate|value)|p\(\s*(\d+(?:\.\d+)?)\s*\))$/;
const NUMBER = /^(-?\d+(?:\.\d+)?)\s*(us|µs|ms|s|m|h|%)?$/;
const KEY = /^\s*([^\s{}]+)\s*(?:\{(.*)\})?\s*$/s;
const TAG = /\s*([^\s:,{}"']+)\s*:\s*(?:"([^"]*)"|'([^']*)'|([^,"'{}]*?))\s*(?:,|$)/y;
const SLO_LHS = /^([A-Za-z_]\w*)\s*(\{.*\})?\s*(.*)$/s;

const THRESHOLDS_HINT =
  "write thresholds as k6 does, e.g. { 'http_req_duration{name:feed}': ['p(99)<250', " +
  "{ threshold: 'p(99.9)<1s', abortOnFail: true, delayAbortEval: '30s' }], " +
  "http_req_failed: ['rate<0.01'] }";
const SLO_HINT =
  "write an SLO as [metric{tag:value}] [aggregation] <op> <value>, e.g. --slo 'p(99)<250ms' " +
  "--slo 'http_req_failed<0.1%' --slo 'http_req_duration{name:feed} p(95)<100'";

/**
 * Parses a scenario's `thresholds` (k6 syntax, see {@link ThresholdSpec}) into one definition per
 * key, bounds converted to base units. The config loader calls it; the shape is checked at run
 * time too, since scenarios are user code. Throws one `LAUNCHDAY_ERR_INVALID_THRESHOLD` listing
 * every problem, each at a path such as `thresholds["http_req_duration{name:feed}"][0]`.
 */
export function parseThresholds(spec: ThresholdSpec, path = 'thresholds'): ThresholdDefinition[] {
  return collect(THRESHOLDS_HINT, (report) => {
    if (typeof spec === 'object' && spec !== null && !Array.isArray(spec)) {
      return Object.entries(spec).map(([key, items]) =>
        parseEntry(key, items, `${path}[${JSON.stringify(key)}]`, report),
      );
    }
    report(path, 'must be an object mapping metric keys to lists of thresholds');
    return [];
  });
}

/**
 * Parses `--slo` values, each `[metric{tag:value,...}] [aggregation] <op> <value>`, into one
 * definition each. Without a metric the SLO is on `http_req_duration` (`p(99)<250ms`); the
 * aggregation may be left out for rate and gauge metrics (`http_req_failed<0.1%` means `rate`).
 * Called by the CLI's `capacity` and `run` commands. Throws like {@link parseThresholds}.
 */
export function parseSlos(texts: readonly string[], path = '--slo'): ThresholdDefinition[] {
  return collect(SLO_HINT, (report) =>
    texts.map((text) => parseSlo(text, `${path} ${text}`, report)),
  );
}

/** What a parsed `metric{tag:value,...}` key with an aggregation stands for. */
export interface MetricAggregationParts {
  readonly metric: MetricName;
  /** A series counts when its tags include all of these. */
  readonly filter: Readonly<Record<string, string>>;
  readonly aggregation: Aggregation;
}

/**
 * Parses a metric key in threshold syntax (`metric` or `metric{tag:value,...}`) and an
 * aggregation for it (`p(99)`, `rate`, ...; undefined takes the only one a rate or gauge has),
 * checked as thresholds are: a known metric, a well-formed filter, an aggregation that applies
 * to the metric. For selectors that reuse threshold syntax (`launchday compare --metric`).
 * Throws one `LAUNCHDAY_ERR_USAGE` that starts with `label` and lists every problem at `path`.
 */
export function parseMetricAggregation(
  key: string,
  aggregation: string | undefined,
  where: { readonly path: string; readonly label: string; readonly hint: string },
): MetricAggregationParts {
  const as = { label: where.label, code: 'LAUNCHDAY_ERR_USAGE' } as const;
  return collect(
    where.hint,
    (report) => [keyAggregation(key, aggregation, where.path, report)],
    as,
  )[0]!;
}

function keyAggregation(key: string, text: string | undefined, path: string, report: Report) {
  const { metric, filter } = parseKey(key, path, report);
  if (!metric) return undefined;
  const written = text ?? DEFAULT_METHOD[METRICS[metric].type];
  if (written === undefined)
    return report(path, `name the aggregation for ${metric}: ${methodsOf(metric)}`);
  const aggregation = parseAggregation(written.trim());
  if (!aggregation)
    return report(path, `'${written}' is not an aggregation; use ${methodsOf(metric)}`);
  return appliesTo(aggregation, written, metric, path, report)
    ? { metric, filter, aggregation }
    : undefined;
}

function collect<T>(
  hint: string,
  parse: (report: Report) => readonly (T | undefined)[],
  as: { label: string; code: ErrorCode } = {
    label: 'invalid threshold',
    code: 'LAUNCHDAY_ERR_INVALID_THRESHOLD',
  },
): T[] {
  const issues: Issue[] = [];
  const definitions = parse((path, message) => {
    issues.push({ path, message });
  });
  if (issues.length === 0) return definitions.filter((definition) => definition !== undefined);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const message = `${as.label}: ${issues[0]?.path}: ${issues[0]?.message}${more}`;
  throw new LaunchdayError(as.code, message, { hint, issues });
}

function parseEntry(key: string, items: unknown, path: string, report: Report) {
  const { metric, filter } = parseKey(key, path, report);
  if (!Array.isArray(items)) {
    report(path, "must be a list of thresholds, e.g. ['p(99)<250']");
    return undefined;
  }
  const conditions = items.map((item, index) =>
    parseItem(item, metric, `${path}[${index}]`, report),
  );
  const valid = conditions.filter((condition) => condition !== undefined);
  return metric ? { key, metric, filter, conditions: valid } : undefined;
}

function parseItem(item: unknown, metric: Target, path: string, report: Report) {
  if (typeof item === 'string') return plain(parseExpression(item, metric, path, report));
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    report(path, 'must be an expression or an object { threshold, abortOnFail, delayAbortEval }');
    return undefined;
  }
  const fields = item as Record<string, unknown>;
  for (const field of Object.keys(fields).filter((name) => !OBJECT_KEYS.includes(name))) {
    report(`${path}.${field}`, `unknown key; use ${OBJECT_KEYS.join(', ')}`);
  }
  const { threshold, abortOnFail = false, delayAbortEval } = fields;
  if (typeof abortOnFail !== 'boolean') report(`${path}.abortOnFail`, 'must be true or false');
  const delayAbortEvalMs = parseDelay(delayAbortEval, `${path}.delayAbortEval`, report);
  if (typeof threshold !== 'string') {
    report(`${path}.threshold`, "must be an expression, e.g. 'p(99)<250'");
    return undefined;
  }
  const expression = parseExpression(threshold, metric, `${path}.threshold`, report);
  return expression && { expression, abortOnFail: abortOnFail === true, delayAbortEvalMs };
}

function parseDelay(value: unknown, path: string, report: Report): number {
  if (value === undefined) return 0;
  if (typeof value === 'string') {
    try {
      return parseDuration(value, path);
    } catch (error) {
      if (!isLaunchdayError(error)) throw error;
    }
  }
  report(path, "must be a duration such as '30s' or '1m30s'");
  return 0;
}

function parseKey(key: string, path: string, report: Report) {
  const filter: Record<string, string> = {};
  const [, name = '', filterText] = KEY.exec(key) ?? [];
  if (filterText !== undefined) parseFilter(filterText, filter, path, report);
  if (isMetricName(name)) return { metric: name, filter };
  if (name === '') report(path, "is not a metric key; write 'metric' or 'metric{tag:value}'");
  else report(path, `unknown metric '${name}'; known: ${METRIC_NAMES.join(', ')}`);
  return { metric: null, filter };
}

function parseFilter(text: string, into: Record<string, string>, path: string, report: Report) {
  if (text.trim() === '') return report(path, 'has an empty tag filter; remove {} or name a tag');
  TAG.lastIndex = 0;
  while (TAG.lastIndex < text.length) {
    const at = TAG.lastIndex;
    const match = TAG.exec(text);
    if (!match || TAG.lastIndex === at) {
      return report(path, `has a malformed tag filter at '${text.slice(at).trim()}'`);
    }
    const [, tag = '', doubleQuoted, singleQuoted, bare = ''] = match;
    const value = doubleQuoted ?? singleQuoted ?? bare;
    if (value === '') report(path, `tag '${tag}' has no value`);
    else if (Object.hasOwn(into, tag)) report(path, `tag '${tag}' is filtered twice`);
    else into[tag] = value;
  }
}

function parseSlo(text: string, path: string, report: Report): ThresholdDefinition | undefined {
  const [, lhs = '', operator = '', rhs = ''] = EXPRESSION.exec(text) ?? [];
  if (operator === '') return notAnExpression(text, 'the operator', path, report);
  const named = METHOD.test(lhs) ? null : SLO_LHS.exec(lhs);
  const key = named ? `${named[1]}${named[2] ?? ''}` : SLO_DEFAULT_METRIC;
  const { metric, filter } = parseKey(key, path, report);
  if (!metric) return undefined;
  const method = named ? named[3] || DEFAULT_METHOD[METRICS[metric].type] : lhs;
  if (!method) return report(path, `name the aggregation for ${metric}: ${methodsOf(metric)}`);
  const condition = plain(parseExpression(`${method}${operator}${rhs}`, metric, path, report));
  return condition && { key, metric, filter, conditions: [condition] };
}

/** Parses `<aggregation> <op> <value>`, the value converted to `metric`'s base unit. */
function parseExpression(
  source: string,
  metric: Target,
  path: string,
  report: Report,
): ThresholdExpression | undefined {
  const [, lhs = '', operator = '', rhs = ''] = EXPRESSION.exec(source) ?? [];
  const aggregation = parseAggregation(lhs);
  const [, number, unit] = NUMBER.exec(rhs) ?? [];
  if (!operator) return notAnExpression(source, 'the operator', path, report);
  if (!aggregation) return notAnExpression(source, 'a known aggregation', path, report);
  if (!number) return notAnExpression(source, 'a number', path, report);
  if (!appliesTo(aggregation, lhs, metric, path, report) || !metric) return undefined;
  const value = toBaseUnit(Number(number), unit, metric);
  if (value === undefined) {
    return report(path, `unit '${unit}' does not fit ${metric}: ${unitsOf(metric)}`);
  }
  return { ...aggregation, source: source.trim(), operator: operator as ComparisonOperator, value };
}

/**
 * True when `aggregation` (written `text`) is in range and applies to `metric`; reports why not.
 * With no metric (an invalid key) only the range is checked, and the answer is false.
 */
function appliesTo(
  aggregation: Aggregation,
  text: string,
  metric: Target,
  path: string,
  report: Report,
): boolean {
  const { method, percentile } = aggregation;
  if (percentile !== null && !(percentile > 0 && percentile <= 100)) {
    report(path, `${text} is out of range: a percentile is above 0 and at most 100`);
    return false;
  }
  if (!metric) return false;
  if (METHODS_BY_TYPE[METRICS[metric].type].includes(method)) return true;
  const written = method === 'p' ? 'p(N)' : method;
  report(path, `'${written}' does not apply to ${metric}; use ${methodsOf(metric)}`);
  return false;
}

function parseAggregation(text: string): Aggregation | undefined {
  const [, named, percentile] = METHOD.exec(text) ?? [];
  if (percentile !== undefined) return { method: 'p', percentile: Number(percentile) };
  return named === undefined
    ? undefined
    : { method: named as Exclude<AggregationMethod, 'p'>, percentile: null };
}

function toBaseUnit(value: number, unit: string | undefined, metric: MetricName) {
  const info = METRICS[metric];
  if (unit === undefined) return value;
  if (unit === '%') return info.type === 'rate' ? value / 100 : undefined;
  const factor = TIME_UNITS_MS[unit];
  return factor !== undefined && info.unit === 'time' ? value * factor : undefined;
}

function unitsOf(metric: MetricName): string {
  const { type, unit } = METRICS[metric];
  if (type === 'rate') return "write a fraction (0.01) or a percentage ('1%')";
  return unit === 'time'
    ? 'write milliseconds, or a number with us, ms, s, m, h'
    : 'write a plain number';
}

function methodsOf(metric: MetricName): string {
  const { type } = METRICS[metric];
  const names = METHODS_BY_TYPE[type].map((method) => (method === 'p' ? 'p(N)' : method));
  return `${names.join(', ')} (a ${type} metric)`;
}

function notAnExpression(source: string, missing: string, path: string, report: Report) {
  return report(path, `'${source}' is not <aggregation> <op> <number>: ${missing} is missing`);
}

/** A condition without abort options, as plain strings and SLOs give. */
function plain(expression: ThresholdExpression | undefined): ThresholdCondition | undefined {
  return expression && { expression, abortOnFail: false, delayAbortEvalMs: 0 };
}
