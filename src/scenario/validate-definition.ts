import { type Issue, LaunchdayError } from '../core/errors.js';
import { isDurationText, paramSpecIssues } from './param-values.js';
import type { ScenarioDefinition } from './types.js';

type Value = Record<string, unknown>;

const SCENARIO_KEYS = [
  'name',
  'description',
  'baseUrl',
  'params',
  'setup',
  'teardown',
  'workloads',
  'thresholds',
  'http',
  'tags',
  'compare',
];
const WORKLOAD_KEYS = ['executor', 'journey', 'tags'];
const THRESHOLD_KEYS = ['threshold', 'abortOnFail', 'delayAbortEval'];
const COMPARE_KEYS = ['metrics', 'budgets', 'alpha'];
// k6's rule for scenario names, so that every workload can be exported to k6.
const WORKLOAD_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Checks that `value` (a scenario module's default export) is a scenario and returns it typed.
 * Throws LaunchdayError `LAUNCHDAY_ERR_INVALID_SCENARIO` listing every problem with its path
 * (e.g. `workloads.readers.journey`). Executor configs are only checked to be objects with a
 * string `type`; the executors registry validates the rest. `source` names the scenario (its
 * file) in the message.
 */
export function validateScenarioDefinition(value: unknown, source: string): ScenarioDefinition {
  const issues = scenarioIssues(value);
  if (issues.length > 0) throw invalidScenario(source, issues);
  return value as ScenarioDefinition;
}

/** Every problem of a would-be scenario definition; empty when it is valid. */
export function scenarioIssues(value: unknown): Issue[] {
  if (!isRecord(value)) {
    const got = describe(value);
    return [
      { path: 'default export', message: `must be a defineScenario({...}) object, got ${got}` },
    ];
  }
  const issues = unknownKeyIssues(value, SCENARIO_KEYS, '');
  if (typeof value.name !== 'string' || value.name.trim() === '') {
    issues.push({
      path: 'name',
      message: `must be a non-empty string, got ${describe(value.name)}`,
    });
  }
  optional(value, 'description', 'a string', (v) => typeof v === 'string', issues);
  optional(value, 'baseUrl', 'an http(s) URL', isHttpUrl, issues);
  optional(value, 'setup', 'a function', isFunction, issues);
  optional(value, 'teardown', 'a function', isFunction, issues);
  optional(value, 'http', 'an object of HTTP options', isRecord, issues);
  issues.push(...paramsIssues(value.params), ...tagsIssues(value.tags, 'tags'));
  issues.push(...compareIssues(value.compare));
  if (!isFunction(value.workloads)) issues.push(...workloadsIssues(value.workloads, 'workloads'));
  if (value.thresholds !== undefined && !isFunction(value.thresholds)) {
    issues.push(...thresholdsIssues(value.thresholds, 'thresholds'));
  }
  return issues;
}

/** Every problem of a workloads object (as written, or returned by a workloads function). */
export function workloadsIssues(value: unknown, path: string): Issue[] {
  if (!isRecord(value) || Object.keys(value).length === 0) {
    const message = `must be an object with at least one workload (or a function of the params returning one), got ${describe(value)}`;
    return [{ path, message }];
  }
  return Object.entries(value).flatMap(([name, workload]) => {
    const issues: Issue[] = [];
    if (!WORKLOAD_NAME.test(name)) {
      issues.push({
        path: `${path}.${name}`,
        message: 'name may only hold letters, digits, _ and -',
      });
    }
    return issues.concat(workloadIssues(workload, `${path}.${name}`));
  });
}

/** Every problem of a thresholds object (as written, or returned by a thresholds function). */
export function thresholdsIssues(value: unknown, path: string): Issue[] {
  if (!isRecord(value)) {
    return [
      { path, message: `must be an object of metric → list of thresholds, got ${describe(value)}` },
    ];
  }
  return Object.entries(value).flatMap(([metric, list]) => {
    if (!Array.isArray(list)) {
      const message = `must be a list of thresholds such as ['p(99)<250'], got ${describe(list)}`;
      return [{ path: `${path}.${metric}`, message }];
    }
    return list.flatMap((item, i) => thresholdIssues(item, `${path}.${metric}[${i}]`));
  });
}

/** The error for an invalid scenario: every problem as an issue, with a hint. */
export function invalidScenario(source: string, issues: readonly Issue[]): LaunchdayError {
  const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_SCENARIO',
    `${source}: invalid scenario: ${list}`,
    {
      hint: "export default defineScenario({ name, workloads: { <name>: { executor: { type, ... }, journey } } }) from 'launchday'; fix each path listed",
      issues,
    },
  );
}

function workloadIssues(value: unknown, path: string): Issue[] {
  if (!isRecord(value)) {
    return [{ path, message: `must be an object { executor, journey }, got ${describe(value)}` }];
  }
  const issues = unknownKeyIssues(value, WORKLOAD_KEYS, path);
  const executor = value.executor;
  if (!isRecord(executor) || typeof executor.type !== 'string') {
    const message = `must be an executor config object with a string type, e.g. { type: 'constant-arrival-rate', ... }, got ${describe(executor)}`;
    issues.push({ path: `${path}.executor`, message });
  }
  if (!isFunction(value.journey)) {
    const message = `must be a function (ctx) => ..., got ${describe(value.journey)}`;
    issues.push({ path: `${path}.journey`, message });
  }
  return issues.concat(tagsIssues(value.tags, `${path}.tags`));
}

function thresholdIssues(item: unknown, path: string): Issue[] {
  if (typeof item === 'string') return [];
  if (!isRecord(item)) {
    const message = `must be a threshold string or { threshold, abortOnFail?, delayAbortEval? }, got ${describe(item)}`;
    return [{ path, message }];
  }
  const issues = unknownKeyIssues(item, THRESHOLD_KEYS, path);
  if (typeof item.threshold !== 'string') {
    issues.push({
      path: `${path}.threshold`,
      message: 'must be a threshold string such as p(99)<250',
    });
  }
  optional(item, 'abortOnFail', 'a boolean', (v) => typeof v === 'boolean', issues, path);
  optional(item, 'delayAbortEval', 'a duration such as 10s', isDurationText, issues, path);
  return issues;
}

/**
 * The shape of a `compare` block; its texts (metric selectors, budgets) are checked by `compare`,
 * which reads them back from result.json.
 */
function compareIssues(compare: unknown): Issue[] {
  if (compare === undefined) return [];
  if (!isRecord(compare)) {
    const message = `must be an object { metrics?, budgets?, alpha? }, got ${describe(compare)}`;
    return [{ path: 'compare', message }];
  }
  const issues = unknownKeyIssues(compare, COMPARE_KEYS, 'compare');
  const { metrics, budgets, alpha } = compare;
  if (metrics !== undefined && !Array.isArray(metrics)) {
    const message = `must be a list of metric selectors such as ['http_req_duration:p(99)'], got ${describe(metrics)}`;
    issues.push({ path: 'compare.metrics', message });
  } else if (metrics !== undefined) {
    metrics.forEach((metric: unknown, i) => {
      if (typeof metric === 'string' && metric.trim() !== '') return;
      const message = `must be a metric selector such as 'http_req_duration{name:feed}:p(99)', got ${describe(metric)}`;
      issues.push({ path: `compare.metrics[${i}]`, message });
    });
  }
  if (budgets !== undefined && !isRecord(budgets)) {
    const message = `must be an object of metric selector → budget such as { 'http_req_duration:p(99)': '+5%' }, got ${describe(budgets)}`;
    issues.push({ path: 'compare.budgets', message });
  } else if (budgets !== undefined) {
    issues.push(...tagsIssues(budgets, 'compare.budgets'));
  }
  const alphaOk = typeof alpha === 'number' && alpha > 0 && alpha < 0.5;
  if (alpha !== undefined && !alphaOk) {
    const message = `must be a number above 0 and below 0.5 (e.g. 0.05), got ${describe(alpha)}`;
    issues.push({ path: 'compare.alpha', message });
  }
  return issues;
}

function paramsIssues(params: unknown): Issue[] {
  if (params === undefined) return [];
  if (!isRecord(params)) {
    return [
      { path: 'params', message: `must be an object of param specs, got ${describe(params)}` },
    ];
  }
  return Object.entries(params).flatMap(([key, spec]) => paramSpecIssues(spec, `params.${key}`));
}

function tagsIssues(tags: unknown, path: string): Issue[] {
  if (tags === undefined) return [];
  if (!isRecord(tags))
    return [{ path, message: `must be an object of strings, got ${describe(tags)}` }];
  return Object.entries(tags)
    .filter(([, v]) => typeof v !== 'string')
    .map(([key, v]) => ({
      path: `${path}.${key}`,
      message: `must be a string, got ${describe(v)}`,
    }));
}

function unknownKeyIssues(value: Value, known: readonly string[], path: string): Issue[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      path: path === '' ? key : `${path}.${key}`,
      message: `unknown key; known keys: ${known.join(', ')}`,
    }));
}

function optional(
  value: Value,
  key: string,
  expected: string,
  test: (v: unknown) => boolean,
  issues: Issue[],
  path = '',
): void {
  const v = value[key];
  if (v === undefined || test(v)) return;
  issues.push({
    path: path === '' ? key : `${path}.${key}`,
    message: `must be ${expected}, got ${describe(v)}`,
  });
}

function isRecord(value: unknown): value is Value {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function';
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const protocol = new URL(value).protocol;
  return protocol === 'http:' || protocol === 'https:';
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}
