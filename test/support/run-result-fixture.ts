/**
 * A realistic {@link RunResult} for the tests of reports and outputs, built the way a run builds
 * it: deterministic requests, iterations, checks and acknowledged writes go through the real
 * worker recorders, the main-thread metrics store, the threshold evaluator, the engine's result
 * builder and, when asked for, the judgement of the consistency check.
 */
import type { ResolvedRun } from '../../src/config/types.js';
import type {
  ConsistencyOutcome,
  Environment,
  IntervalPoint,
  RunResult,
  RunStatus,
} from '../../src/core/result.js';
import { buildResult } from '../../src/engine/build-result.js';
import { WHOLE_RUN } from '../../src/executors/index.js';
import type { ArrivalRatePlan, VusPlan } from '../../src/executors/types.js';
import { DEFAULT_HTTP_OPTIONS } from '../../src/http/options.js';
import { RunMetrics } from '../../src/metrics/run-metrics.js';
import { SliceRecorder } from '../../src/metrics/slice-recorder.js';
import { evaluateThresholds } from '../../src/metrics/threshold-evaluator.js';
import { parseThresholds } from '../../src/metrics/threshold-parser.js';
import type { ThresholdSpec } from '../../src/metrics/threshold-types.js';
import { mergeWriteLogs, type WriteLog } from '../../src/metrics/write-sampler.js';
import { judgeConsistency } from '../../src/workflows/rehearse/consistency-check.js';
import { withConsistency } from '../../src/workflows/rehearse/rehearse.js';
import { FIXTURE, FixtureWorker } from './fixture-worker.js';

export { FIXTURE } from './fixture-worker.js';

/** The scenario's thresholds: `feed`'s p(95) fails (its latencies spread 2–31 ms), the rest pass. */
export const FIXTURE_THRESHOLDS: ThresholdSpec = Object.freeze({
  'http_req_duration{name:signup}': ['p(99)<250'],
  'http_req_duration{name:feed}': ['p(95)<20', 'max<1000'],
  http_req_failed: [{ threshold: 'rate<0.05', abortOnFail: true }],
  dropped_iterations: ['count<10'],
});

/** How to vary the fixture. */
export interface FixtureOptions {
  /** Record scheduler lags of 30–50 ms and busy event loops, so the generator is judged invalid. */
  readonly overloaded?: boolean;
  /** End the run early with this status and reason. */
  readonly stopped?: { status: RunStatus; reason: string };
  /**
   * Check consistency after the run, as `launchday rehearse` does: the target `kept` every
   * acknowledged write, or `lost` users {@link FIXTURE_LOST_USERS} (status `consistency-failed`).
   * Absent: no check ran (`consistency: null`), as after `launchday run`.
   */
  readonly consistency?: 'kept' | 'lost';
}

/** The acknowledged users the target loses in the `lost` variant: missing, and not counted. */
export const FIXTURE_LOST_USERS: readonly string[] = Object.freeze(['17', '42']);

/** Users in the target before the run (its seed), for the counts the check compares. */
const USERS_BEFORE = 1000;

const STARTED_AT = Date.parse('2024-07-05T16:00:00.000Z');

/** The resolved configuration of the fixture run: `signups` (arrival rate) and `readers` (VUs). */
export function buildResolvedRun(): ResolvedRun {
  const durationMs = FIXTURE.seconds * 1000;
  return {
    scenario: {
      name: 'signup-spike',
      description: 'A Threads-like sign-up surge with feed reads',
      file: 'scenarios/signup-spike.ts',
      bundleFile: '.launchday-cache/signup-spike.mjs',
    },
    baseUrl: 'http://127.0.0.1:8080',
    params: {},
    tags: { testid: 'fixture' },
    seed: 42,
    workers: FIXTURE.workers,
    outDir: 'reports',
    summaryExport: undefined,
    allowedHosts: [],
    maxMemoryBytes: 8_000_000_000,
    http: DEFAULT_HTTP_OPTIONS,
    workloads: [
      { name: 'signups', plan: signupPlan(durationMs), tags: {} },
      { name: 'readers', plan: readerPlan(durationMs), tags: {} },
    ],
    segment: WHOLE_RUN,
    startAtMs: undefined,
    serviceMetrics: null,
    thresholdSpec: FIXTURE_THRESHOLDS,
    thresholds: parseThresholds(FIXTURE_THRESHOLDS),
    compare: {},
    durationMs,
    maxDurationMs: durationMs + 30_000,
  };
}

/** The fixture run's result, as `launchday run` would write it to result.json. */
export function buildRunResult(options: FixtureOptions = {}): RunResult {
  const run = buildResolvedRun();
  const metrics = new RunMetrics(run.tags);
  const workers = Array.from(
    { length: FIXTURE.workers },
    (_, i) => new FixtureWorker(i, options.overloaded === true),
  );
  const intervals: IntervalPoint[] = [];
  const slices = new SliceRecorder();
  const journeyErrors: string[] = [];
  for (let second = 0; second < FIXTURE.seconds; second++) {
    for (let j = 0; j < FIXTURE.signupRate; j++) workerOf(workers, j).signup(second, j);
    for (let j = 0; j < FIXTURE.readerRate; j++)
      workerOf(workers, j).read(second * FIXTURE.readerRate + j);
    if (second === FIXTURE.seconds - 1) workers[0]!.drop(FIXTURE.droppedInLastSecond);
    const snapshots = workers.map((worker) => worker.snapshot(second));
    for (const snapshot of snapshots) journeyErrors.push(...snapshot.errors);
    const targets = { signups: FIXTURE.signupRate, readers: FIXTURE.readerVus };
    intervals.push(metrics.addInterval(second, snapshots, targets, (second + 1) * 1000));
    slices.add(second, metrics.latestSeries);
  }
  const elapsedMs = FIXTURE.seconds * 1000;
  const endedAt = new Date(STARTED_AT + elapsedMs + 180);
  const writes = mergeWriteLogs(workers.map((worker) => worker.writeLog()));
  const result = buildResult({
    run,
    runId: '20240705-160000-fixture',
    environment: FIXTURE_ENVIRONMENT,
    metrics,
    intervals,
    slices: slices.toSlices(),
    thresholds: evaluateThresholds(run.thresholds, metrics, elapsedMs, true),
    journeyErrors,
    startedAt: new Date(STARTED_AT),
    loadStartMs: STARTED_AT + 20,
    endedAt,
    stopped: options.stopped,
    interrupted: 0,
    writes,
    generatorProblems: [],
    service: null,
  });
  if (options.consistency === undefined) return result;
  const checkedAt = new Date(endedAt.getTime() + 2000);
  return withConsistency(result, checkConsistency(writes, options.consistency, checkedAt));
}

/** The consistency check's verdict on `writes` when the target kept them all or lost some. */
function checkConsistency(
  writes: WriteLog,
  target: 'kept' | 'lost',
  checkedAt: Date,
): ConsistencyOutcome {
  const lost = target === 'lost' ? FIXTURE_LOST_USERS : [];
  const acknowledged = writes.users?.count ?? 0;
  return judgeConsistency({
    writes,
    before: { users: USERS_BEFORE, jobs: { queued: 0, running: 0 } },
    after: { users: USERS_BEFORE + acknowledged - lost.length, jobs: { queued: 0, running: 0 } },
    settled: true,
    missing: { users: [...lost] },
    checkedAt,
  });
}

/** The machine the fixture runs ran on. */
export const FIXTURE_ENVIRONMENT: Environment = Object.freeze({
  launchdayVersion: '0.1.0',
  node: 'v20.19.0',
  platform: 'linux',
  arch: 'x64',
  cpuModel: 'Fixture CPU @ 3.0GHz',
  cpus: 8,
  totalMemoryBytes: 16 * 1024 ** 3,
  hostname: 'fixture-host',
});

function workerOf(workers: readonly FixtureWorker[], j: number): FixtureWorker {
  return workers[j % workers.length]!;
}

function signupPlan(durationMs: number): ArrivalRatePlan {
  return {
    type: 'constant-arrival-rate',
    model: 'arrival-rate',
    startTimeMs: 0,
    durationMs,
    gracefulStopMs: 30_000,
    stages: [
      {
        startMs: 0,
        durationMs,
        from: FIXTURE.signupRate,
        to: FIXTURE.signupRate,
        unit: 'iterations/s',
      },
    ],
    rate: {
      segments: [
        { startMs: 0, durationMs, fromRate: FIXTURE.signupRate, toRate: FIXTURE.signupRate },
      ],
    },
    arrivals: 'uniform',
    maxInFlight: 200,
    plannedIterations: FIXTURE.signupRate * FIXTURE.seconds,
  };
}

function readerPlan(durationMs: number): VusPlan {
  return {
    type: 'constant-vus',
    model: 'vus',
    startTimeMs: 0,
    durationMs,
    gracefulStopMs: 30_000,
    stages: [
      { startMs: 0, durationMs, from: FIXTURE.readerVus, to: FIXTURE.readerVus, unit: 'VUs' },
    ],
    vus: [{ startMs: 0, durationMs, from: FIXTURE.readerVus, to: FIXTURE.readerVus }],
    maxVUs: FIXTURE.readerVus,
  };
}
