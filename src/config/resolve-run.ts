import { availableParallelism } from 'node:os';
import { type Issue, isLaunchdayError, LaunchdayError } from '../core/errors.js';
import { type ExecutorConfig, planExecutor, WHOLE_RUN } from '../executors/index.js';
import { assertHostAllowed } from '../http/host-guard.js';
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from '../http/index.js';
import { parseThresholds } from '../metrics/threshold-parser.js';
import type { ThresholdSpec } from '../metrics/threshold-types.js';
import {
  deepFreeze,
  type LoadedScenario,
  type ParamSpecs,
  type ParamValues,
  resolveParams,
  type ScenarioDefinition,
  thresholdsIssues,
  workloadsIssues,
} from '../scenario/index.js';
import { readEnvOptions } from './env-options.js';
import { resolveMemoryLimit } from './memory-limit.js';
import { httpOptionsSchema, runOptionsSchema, zodIssues } from './run-options-schema.js';
import { resolveSeed, resolveSegment, resolveStartAt } from './segment-options.js';
import { resolveServiceMetrics } from './service-metrics-options.js';
import type { ResolvedRun, ResolvedWorkload, RunOptions } from './types.js';

/**
 * Merges a run's configuration — defaults < scenario < `LAUNCHDAY_*` environment < options —
 * validates all of it, and returns it frozen. Every problem found is reported at once, each with
 * its path, in one LaunchdayError (exit code 2).
 */
export function resolveRun(
  loaded: LoadedScenario,
  options: RunOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedRun {
  const issues: Issues = Object.assign([], { hints: new Set<string>() });
  const merged = mergeOptions(loaded.definition, options, env, issues);
  const specs = loaded.definition.params ?? {};
  // With bad overrides (reported), the workloads are still checked, with the defaults: checked
  // with no parameters at all, they would add errors that are not the scenario's.
  const params =
    collect(issues, () => resolveParams(specs, merged.params ?? {}), null) ?? resolveParams(specs);
  const definition = loaded.definition as ScenarioDefinition;
  const workloads = collect(
    issues,
    () => resolveWorkloads(definition, params, merged.workloads ?? {}, issues),
    [],
  );
  const thresholdSpec = collect(issues, () => resolveThresholdSpec(definition, params, issues), {});
  const thresholds = collect(issues, () => parseThresholds(thresholdSpec), []);
  const http = resolveHttp(definition, issues);
  const baseUrl = merged.baseUrl ?? definition.baseUrl;
  const allowedHosts = merged.allowHosts ?? [];
  const maxMemoryBytes = collect(issues, () => resolveMemoryLimit(merged.maxMemory), 0);
  const segment = collect(issues, () => resolveSegment(merged.segment), WHOLE_RUN);
  const startAtMs = collect(issues, () => resolveStartAt(merged.startAt), undefined);
  const seed = collect(issues, () => resolveSeed(merged.seed, segment, startAtMs), 0);
  if (baseUrl !== undefined)
    collect(issues, () => assertHostAllowed(new URL(baseUrl), allowedHosts, 'baseUrl'), undefined);
  const serviceMetrics = collect(
    issues,
    () => resolveServiceMetrics(merged, baseUrl, allowedHosts),
    null,
  );
  if (issues.length > 0) throw invalidConfig(issues);
  const ends = workloads.map(({ plan }) => plan.startTimeMs + plan.durationMs);
  return deepFreeze<ResolvedRun>({
    scenario: {
      name: definition.name,
      description: definition.description,
      file: loaded.file,
      bundleFile: loaded.bundleFile,
    },
    baseUrl,
    params,
    tags: { ...definition.tags, ...merged.tags },
    seed,
    workers: workerCount(merged.workers ?? availableParallelism(), workloads),
    outDir: merged.outDir ?? 'reports',
    summaryExport: merged.summaryExport,
    allowedHosts,
    maxMemoryBytes,
    http,
    workloads,
    segment,
    startAtMs,
    serviceMetrics,
    thresholdSpec,
    thresholds,
    compare: structuredClone(definition.compare ?? {}),
    durationMs: Math.max(0, ...ends),
    maxDurationMs: Math.max(0, ...workloads.map(({ plan }, i) => ends[i]! + plan.gracefulStopMs)),
  });
}

function mergeOptions(
  definition: ScenarioDefinition,
  options: RunOptions,
  env: NodeJS.ProcessEnv,
  issues: Issues,
): RunOptions {
  const fromEnv = collect(issues, () => readEnvOptions(env), {});
  const merged = { ...fromEnv, ...stripUndefined(options) };
  const parsed = runOptionsSchema.safeParse(merged);
  if (!parsed.success) issues.push(...zodIssues(parsed.error, 'options'));
  if (definition.baseUrl !== undefined && !URL.canParse(definition.baseUrl)) {
    issues.push({ path: 'baseUrl', message: `'${definition.baseUrl}' is not a URL` });
  }
  // The executors in `workloads` are checked when the workloads are planned.
  return parsed.success ? { ...parsed.data, workloads: merged.workloads } : {};
}

function resolveWorkloads(
  definition: ScenarioDefinition,
  params: ParamValues<ParamSpecs>,
  overrides: NonNullable<RunOptions['workloads']>,
  issues: Issues,
): ResolvedWorkload[] {
  const workloads = evaluate(definition.workloads, params);
  if (typeof definition.workloads === 'function') {
    const shapeIssues = workloadsIssues(workloads, 'workloads(params)');
    issues.push(...shapeIssues);
    if (shapeIssues.length > 0) return [];
  }
  const entries = withOverrides(Object.entries(workloads), overrides, issues);
  if (entries.length === 0)
    issues.push({ path: 'workloads', message: 'the scenario has no workloads' });
  const resolved: ResolvedWorkload[] = [];
  for (const [name, workload] of entries) {
    const plan = collect(
      issues,
      () => planExecutor(workload.executor, `workloads.${name}.executor`),
      undefined,
    );
    if (plan !== undefined) resolved.push({ name, plan, tags: { ...workload.tags } });
  }
  return resolved;
}

/** `entries` with each overridden workload's executor replaced, or the workload left out. */
function withOverrides(
  entries: [string, { executor: ExecutorConfig; tags?: Record<string, string> }][],
  overrides: NonNullable<RunOptions['workloads']>,
  issues: Issues,
): [string, { executor: ExecutorConfig; tags?: Record<string, string> }][] {
  const names = entries.map(([name]) => name);
  for (const name of Object.keys(overrides)) {
    if (!names.includes(name))
      issues.push({
        path: `options.workloads.${name}`,
        message: `the scenario has no workload ${name} (it has ${names.join(', ')})`,
      });
  }
  return entries.flatMap(([name, workload]) => {
    const override = overrides[name];
    if (override === undefined) return [[name, workload]];
    return override === null ? [] : [[name, { ...workload, executor: override }]];
  });
}

function resolveThresholdSpec(
  definition: ScenarioDefinition,
  params: ParamValues<ParamSpecs>,
  issues: Issues,
): ThresholdSpec {
  const spec = evaluate(definition.thresholds, params) ?? {};
  if (typeof definition.thresholds !== 'function') return spec;
  const shapeIssues = thresholdsIssues(spec, 'thresholds(params)');
  issues.push(...shapeIssues);
  return shapeIssues.length > 0 ? {} : spec;
}

function resolveHttp(definition: ScenarioDefinition, issues: Issue[]): HttpOptions {
  const parsed = httpOptionsSchema.safeParse(definition.http ?? {});
  if (!parsed.success) {
    issues.push(...zodIssues(parsed.error, 'http'));
    return DEFAULT_HTTP_OPTIONS;
  }
  return { ...DEFAULT_HTTP_OPTIONS, ...parsed.data };
}

/**
 * No more workers than the smallest maxInFlight: each worker runs its share of an arrival-rate
 * workload's in-flight limit, and a worker with a share of 0 would drop every arrival.
 */
function workerCount(requested: number, workloads: readonly ResolvedWorkload[]): number {
  const limits = workloads.map(({ plan }) =>
    plan.model === 'arrival-rate' ? plan.maxInFlight : requested,
  );
  return Math.max(1, Math.min(requested, ...limits));
}

/** A scenario field that is a value or a function of the params. */
function evaluate<T>(field: T | ((params: never) => T), params: ParamValues<ParamSpecs>): T {
  return typeof field === 'function' ? (field as (params: unknown) => T)(params) : field;
}

/** The problems found so far, and the hints of the errors they came from. */
type Issues = Issue[] & { hints: Set<string> };

/** Runs `step`; a LaunchdayError's issues and hint are collected and `fallback` returned. */
function collect<T>(issues: Issues, step: () => T, fallback: T): T {
  try {
    return step();
  } catch (error) {
    if (!isLaunchdayError(error)) throw error;
    issues.push(
      ...(error.issues.length > 0 ? error.issues : [{ path: error.code, message: error.message }]),
    );
    issues.hints.add(error.hint);
    return fallback;
  }
}

/** One error for every problem; the code of the only error when there was just one. */
function invalidConfig(issues: Issues): LaunchdayError {
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  const hints = [
    ...issues.hints,
    '`launchday validate <scenario>` checks a scenario without running it',
  ];
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_CONFIG',
    `the run's configuration has ${count}`,
    {
      hint: hints.join('\n      '),
      issues: [...issues],
    },
  );
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
