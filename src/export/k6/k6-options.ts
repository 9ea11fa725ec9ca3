import type { ResolvedRun } from '../../config/types.js';
import type { Issue } from '../../core/errors.js';
import type { ScenarioHttpOptions } from '../../http/index.js';
import { k6Scenario } from './executor-mapping.js';
import type { K6Options, K6RuntimeConfig, K6Scenario, K6WorkloadRuntime } from './types.js';

/** launchday metrics k6 does not produce: a threshold on one of them cannot be exported. */
const NOT_IN_K6: Readonly<Record<string, string>> = {
  http_req_duration_uncorrected:
    "k6's http_req_duration is already measured from the actual send (launchday's uncorrected latency): put the threshold on http_req_duration",
  scheduler_lag: 'k6 does not measure how late iterations start',
  interrupted_iterations: 'k6 does not count interrupted iterations as a metric',
};

/** Scenario `http` options k6 has no equivalent for, with what k6 does instead. */
const HTTP_NOT_IN_K6: Readonly<Record<string, string>> = {
  connections: 'k6 opens connections per VU, with no per-origin limit',
  pipelining: 'k6 does not pipeline HTTP/1.1 requests',
  keepAliveTimeoutMs: "k6's idle connection timeout is not configurable",
  connectTimeoutMs: 'k6 has only the whole-request timeout (http.timeoutMs maps to it)',
  maxResponseBodySize: 'k6 has no response size limit',
  maxHeaderSize: 'k6 has no response header size limit',
};

const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'] as const;

/** The k6 options of a script and the adapter's runtime configuration, from one resolved run. */
export interface K6Mapping {
  readonly options: K6Options;
  readonly runtime: K6RuntimeConfig;
}

/**
 * Maps a resolved run (what `validate` prints) and the scenario's own `http` options to k6:
 * options.scenarios (one per workload, see {@link k6Scenario}), the thresholds as written (k6
 * syntax), test-wide tags, user agent and discarded bodies, and the values the adapter needs at
 * run time (seed, params, base URL, timeout, expected statuses). Returns `issues` instead when
 * anything cannot be mapped — a threshold on a metric k6 lacks, an `http` option k6 has no
 * equivalent for, Poisson arrivals — each naming its path and why.
 */
export function k6Mapping(
  run: ResolvedRun,
  scenarioHttp: ScenarioHttpOptions | undefined,
): { mapping: K6Mapping } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const names = execNames(run.workloads.map(({ name }) => name));
  const workloads = run.workloads.map(({ plan }, i) => ({
    ...names[i]!,
    iterationsPerVu: plan.model === 'vus',
  }));
  const scenarios: Record<string, K6Scenario> = {};
  for (const [i, workload] of run.workloads.entries()) {
    const scenario = k6Scenario(workload, workloads[i]!.exec, issues);
    if (scenario !== undefined) scenarios[workload.name] = scenario;
  }
  issues.push(...thresholdIssues(run), ...httpIssues(scenarioHttp), ...segmentIssues(run));
  if (issues.length > 0) return { issues };
  const options: K6Options = {
    scenarios,
    thresholds: run.thresholdSpec,
    tags: { ...run.tags },
    userAgent: run.http.userAgent,
    discardResponseBodies: run.http.discardResponseBodies,
    summaryTrendStats: SUMMARY_TREND_STATS,
  };
  const runtime: K6RuntimeConfig = {
    scenario: run.scenario.name,
    baseUrl: run.baseUrl,
    seed: run.seed,
    params: { ...run.params },
    workloads,
    timeoutMs: run.http.timeoutMs,
    expectedStatuses: run.http.expectedStatuses,
  };
  return { mapping: { options, runtime } };
}

/** A JavaScript name per workload for its exported function: `workload_<name>`, made unique. */
function execNames(names: readonly string[]): Omit<K6WorkloadRuntime, 'iterationsPerVu'>[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = `workload_${name.replace(/[^A-Za-z0-9_$]/g, '_')}`;
    let exec = base;
    for (let n = 2; taken.has(exec); n++) exec = `${base}_${n}`;
    taken.add(exec);
    return { name, exec };
  });
}

function segmentIssues(run: ResolvedRun): Issue[] {
  if (run.segment.count === 1) return [];
  const message =
    "an export is the whole run: k6 splits it itself (k6-operator's parallelism, or k6 run --execution-segment)";
  return [{ path: 'segment', message }];
}

function thresholdIssues(run: ResolvedRun): Issue[] {
  return run.thresholds.flatMap(({ key, metric }) => {
    const why = NOT_IN_K6[metric];
    return why === undefined
      ? []
      : [{ path: `thresholds.${key}`, message: `${metric} is a launchday metric: ${why}` }];
  });
}

function httpIssues(http: ScenarioHttpOptions | undefined): Issue[] {
  return Object.entries(http ?? {}).flatMap(([key, value]) => {
    const why = HTTP_NOT_IN_K6[key];
    return why === undefined || value === undefined
      ? []
      : [{ path: `http.${key}`, message: `cannot be exported: ${why}; remove it for the export` }];
  });
}
