/**
 * Runs with realistic noise for the tests of `compare`: two request names, `feed` and
 * `signup`, at a constant rate, latencies drawn from a log-normal around a median with a slow
 * per-second wave and a small per-run offset, a few failures; recorded through the real worker
 * recorders, main-thread store, slice recorder and result builder, so every figure and slice is
 * as a run writes it.
 */
import type { RunResult } from '../../src/core/result.js';
import { buildResult } from '../../src/engine/build-result.js';
import { createPrng, type Prng } from '../../src/executors/prng.js';
import { RunMetrics } from '../../src/metrics/run-metrics.js';
import { SliceRecorder } from '../../src/metrics/slice-recorder.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';
import { fixtureSample } from './fixture-worker.js';
import { buildResolvedRun, FIXTURE_ENVIRONMENT } from './run-result-fixture.js';

/** How a noisy run differs from the default one. */
export interface NoisyRunOptions {
  readonly runId: string;
  readonly seed: number;
  /** Seconds of load (default 30). */
  readonly seconds?: number;
  /** Requests per second of each name (default 100). */
  readonly rate?: number;
  /** Median latency of `feed` in ms (default 12; `signup` is 20). */
  readonly feedMedianMs?: number;
  /** Extra fixed ms on every `feed` request (an injected slowdown; default 0). */
  readonly feedExtraMs?: number;
  /** Share of `signup` requests that fail with a 503 (default 0.002). */
  readonly signupErrorRate?: number;
  /** The scenario's name (default the fixture's). */
  readonly scenario?: string;
  /** The machine's CPU (default the fixture's). */
  readonly cpuModel?: string;
  /** Record scheduler lags of 30–50 ms, so the generator is judged invalid. */
  readonly overloaded?: boolean;
  /** When it started (default 2024-07-05T16:00Z plus a minute per seed). */
  readonly startedAt?: Date;
}

/** A run of `options`, as result.json holds it. */
export function noisyRun(options: NoisyRunOptions): RunResult {
  const seconds = options.seconds ?? 30;
  const rate = options.rate ?? 100;
  const random = createPrng(options.seed);
  const runOffset = 1 + 0.02 * gaussian(random);
  const worker = new WorkerMetrics(0);
  const workload = worker.addWorkload('readers');
  const resolved = buildResolvedRun();
  const run =
    options.scenario === undefined
      ? resolved
      : { ...resolved, scenario: { ...resolved.scenario, name: options.scenario } };
  const metrics = new RunMetrics(run.tags);
  const slices = new SliceRecorder();
  const intervals = [];
  for (let second = 0; second < seconds; second++) {
    const wave = runOffset * (1 + 0.05 * Math.sin(second / 4 + options.seed));
    for (let i = 0; i < rate; i++) {
      const feedMs =
        (options.feedMedianMs ?? 12) * wave * Math.exp(0.35 * gaussian(random)) +
        (options.feedExtraMs ?? 0);
      record(worker, 'feed', 'GET', 200, feedMs);
      const failed = random() < (options.signupErrorRate ?? 0.002);
      record(
        worker,
        'signup',
        'POST',
        failed ? 503 : 201,
        20 * wave * Math.exp(0.3 * gaussian(random)),
      );
      workload.iterationStarted(options.overloaded ? 30_000 + (i % 21) * 1000 : 200);
      workload.recordCheck('status ok', !failed);
      workload.iterationEnded(feedMs * 1000, undefined);
    }
    const snapshot = worker.snapshot(second, options.overloaded ? 0.96 : 0.3);
    intervals.push(
      metrics.addInterval(second, [snapshot], { signups: 0, readers: rate }, (second + 1) * 1000),
    );
    slices.add(second, metrics.latestSeries);
  }
  const startedAt =
    options.startedAt ?? new Date(Date.parse('2024-07-05T16:00:00Z') + options.seed * 60_000);
  return buildResult({
    run,
    runId: options.runId,
    environment: {
      ...FIXTURE_ENVIRONMENT,
      cpuModel: options.cpuModel ?? FIXTURE_ENVIRONMENT.cpuModel,
    },
    metrics,
    intervals,
    slices: slices.toSlices(),
    thresholds: [],
    journeyErrors: [],
    startedAt,
    loadStartMs: startedAt.getTime(),
    endedAt: new Date(startedAt.getTime() + seconds * 1000),
    stopped: undefined,
    interrupted: 0,
    service: null,
    writes: {},
    generatorProblems: [],
  });
}

function record(
  worker: WorkerMetrics,
  name: string,
  method: string,
  status: number,
  ms: number,
): void {
  const errorClass = status >= 500 ? 'http_5xx' : null;
  worker
    .requestRecorder('readers', name, method)
    .record(fixtureSample(status, errorClass, Math.round(ms * 1000), 200, 800));
}

/** A standard normal draw (Box-Muller). */
function gaussian(random: Prng): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
