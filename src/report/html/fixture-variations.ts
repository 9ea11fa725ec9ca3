/**
 * Variations of the fixture result (`buildRunResult`) for the tests of the HTML report: hostile
 * strings everywhere the result holds text, and the edge cases a report must survive.
 */
import type { RunResult } from '../../core/result.js';

/** Text that would run script or break out of its element if it were ever placed unescaped. */
export const HOSTILE =
  '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & \' <!-- \u2028';

/**
 * `result` with {@link HOSTILE} in every string a user or a server controls: scenario name,
 * description and file, stop reason, the `feed` request name (table and per-second points), an
 * error class, a check and a workload name, a threshold's metric key, journey errors, the
 * generator's reasons, the host name, the base URL, and a kind of write, its missing id and the
 * problem of a failed consistency check.
 */
export function withHostileStrings(result: RunResult): RunResult {
  const copy = structuredClone(result);
  copy.scenario = { name: HOSTILE, description: HOSTILE, file: HOSTILE };
  copy.stopReason = HOSTILE;
  copy.config = { ...(copy.config as object), baseUrl: HOSTILE };
  copy.summary.requests = copy.summary.requests.map((row) =>
    row.name === 'feed' ? { ...row, name: HOSTILE, errors: { [HOSTILE]: 1 } } : row,
  );
  for (const point of copy.intervals) {
    point.byName = renameKey(point.byName, 'feed', HOSTILE);
    point.errors = { ...point.errors, [HOSTILE]: 1 };
    point.workloads = renameKey(point.workloads, 'readers', HOSTILE);
  }
  copy.checks = copy.checks.map((check) => ({ ...check, name: HOSTILE, workload: HOSTILE }));
  copy.thresholds = copy.thresholds.map((t) => ({
    ...t,
    metric: `http_req_duration{name:${HOSTILE}}`,
  }));
  copy.journeyErrors = [HOSTILE];
  copy.generator = { ...copy.generator, valid: false, reasons: [HOSTILE] };
  copy.environment = { ...copy.environment, hostname: HOSTILE };
  copy.writes = { ...copy.writes, [HOSTILE]: { count: 3, sample: [HOSTILE, 'a', 'b'] } };
  copy.consistency = {
    ok: false,
    checkedAt: copy.endedAt,
    kinds: [{ kind: HOSTILE, acknowledged: 3, stored: 2, sampled: 3, missing: [HOSTILE] }],
    problems: [HOSTILE],
  };
  return copy;
}

/** `result` as if the run had made no request at all (a journey that only sleeps). */
export function withoutRequests(result: RunResult): RunResult {
  const copy = structuredClone(result);
  copy.summary.requests = [];
  for (const point of copy.intervals) {
    point.requests = 0;
    point.failed = 0;
    point.byName = {};
    point.errors = {};
  }
  return copy;
}

/** `result` cut to its first second: one per-second point. */
export function oneSecondLong(result: RunResult): RunResult {
  const copy = structuredClone(result);
  copy.intervals = copy.intervals.slice(0, 1);
  copy.durationMs = 1000;
  return copy;
}

/** `result` with a request name `refused` whose requests all failed before any latency. */
export function withUntimedRequestName(result: RunResult): RunResult {
  const copy = structuredClone(result);
  copy.summary.requests.push({
    name: 'refused',
    count: 3,
    rate: 0.3,
    p50: 0,
    p90: 0,
    p95: 0,
    p99: 0,
    'p99.9': 0,
    max: 0,
    failed: 3,
    errors: { connect: 3 },
  });
  return copy;
}

/** `result` of a run stopped before its first second ended: no per-second point at all. */
export function withoutIntervals(result: RunResult): RunResult {
  const copy = structuredClone(result);
  copy.intervals = [];
  return copy;
}

function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}
