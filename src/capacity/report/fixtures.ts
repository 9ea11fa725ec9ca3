/**
 * A realistic {@link CapacityReport} for the tests of the capacity renderers: a seven-step
 * staircase of a feed service that keeps its SLOs up to 800 iterations/s, bends at 600 and
 * collapses past 1000, with a Universal Scalability Law fit, two overload runs and a plan for a
 * 100-million sign-up launch. Options give the variants a report must survive.
 */
import type { CapacityPlan, CapacityReport, CapacityStep, Forecast, UslFit } from '../types.js';
import { completePhases } from './fixtures-phases.js';

/** Text that would run script, break out of its element or turn into Markdown if unescaped. */
export const HOSTILE_NAME =
  '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> *bold* | `code` [l](x) & \' <!-- \u2028';

/** How to vary the fixture. */
export interface CapacityFixtureOptions {
  /** The demand model: a sign-up curve (default), daily active users, or none (no plan either). */
  readonly demand?: 'signup-curve' | 'daily-active' | 'none';
  /** The USL fit: supported (default), present but unsupported, or absent. */
  readonly usl?: 'supported' | 'unsupported' | 'none';
  /** Whether a knee was found (default true). */
  readonly knee?: boolean;
  /** Whether the search ran at 1 and 2 target workers (default false). */
  readonly scaling?: boolean;
}

const SLO_LATENCY = 'p(99)<250ms';
const SLO_ERRORS = 'errors<0.1%';

/** [offered, achieved, throughput, p50, p99, errorRate, concurrency, cpuCores, elu, broken]. */
type StepRow = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  string[],
];

const STEP_ROWS: readonly StepRow[] = [
  [100, 100, 200, 4, 12, 0, 0.9, 0.11, 0.08, []],
  [200, 200, 400, 4.2, 13, 0, 1.8, 0.21, 0.15, []],
  [400, 399.6, 799, 4.6, 16, 0, 3.9, 0.4, 0.31, []],
  [600, 599, 1198, 5.5, 24, 0, 7, 0.62, 0.52, []],
  [800, 797, 1594, 8.1, 95, 0.0004, 14.1, 0.85, 0.81, []],
  [
    1000,
    940,
    1710,
    40,
    420,
    0.003,
    70,
    0.98,
    0.97,
    ['p(99) 420 ms > 250 ms', 'errors 0.30% > 0.10%', 'achieved 94.0% of offered < 98%'],
  ],
  [
    1200,
    990,
    1650,
    160,
    1400,
    0.02,
    260,
    0.99,
    0.99,
    ['p(99) 1400 ms > 250 ms', 'errors 2.00% > 0.10%', 'achieved 82.5% of offered < 98%'],
  ],
];

const MEASURED_SECONDS = 20;

function buildStep(row: StepRow): CapacityStep {
  const [offered, achieved, throughput, p50Ms, p99Ms, errorRate, concurrency, cpuCores, elu] = row;
  const broken = row[9];
  const requests = Math.round(throughput * MEASURED_SECONDS);
  const failed = Math.round(requests * errorRate);
  const perName = { rate: throughput / 2, p99Ms };
  return {
    offered,
    achieved,
    throughput,
    goodput: throughput * (1 - errorRate),
    requests,
    failed,
    errorRate,
    dropped: Math.round((offered - achieved) * MEASURED_SECONDS),
    p50Ms,
    p99Ms,
    percentilesMs: { [SLO_LATENCY]: p99Ms },
    concurrency,
    measuredSeconds: MEASURED_SECONDS,
    byName: { signup: perName, feed: perName },
    target: { cpuCores, eventLoopUtilization: elu },
    sustainable: broken.length === 0,
    broken,
  };
}

const SUPPORTED_USL: UslFit = {
  lambda: 225,
  sigma: 0.05,
  kappa: 0.0009,
  stdErr: { lambda: 6.5, sigma: 0.008, kappa: 0.00021 },
  rSquared: 0.93,
  peak: { concurrency: 32.49, throughput: 2091.3 },
  supported: true,
  warnings: [],
};

const UNSUPPORTED_USL: UslFit = {
  lambda: 230,
  sigma: 0.02,
  kappa: 0,
  stdErr: null,
  rSquared: 0.41,
  peak: null,
  supported: false,
  warnings: [
    'Only 3 steps span more than one concurrency level: the fit needs 5 or more.',
    'R² is 0.41: the points are too noisy for the fit to mean much.',
  ],
};

const SIGNUP_FORECAST: Forecast = {
  demand: { kind: 'signup-curve', total: 100e6, requestsPerSignup: { signup: 1, feed: 2 } },
  intent: { utilisation: 0.7, redundancy: 2, burst: 1.5 },
};

const DAILY_FORECAST: Forecast = {
  demand: {
    kind: 'daily-active',
    dailyActiveUsers: 5e6,
    sessionMinutes: 20,
    peakFactor: 3,
    requestsPerMinute: { feed: 3, signup: 0.05 },
  },
  intent: { utilisation: 0.6, redundancy: 1, burst: 1.2 },
};

/** The plan for `forecast`: feed needs 9 instances alone, plus the forecast's spares. */
function buildPlan(forecast: Forecast): CapacityPlan {
  const instances = 9 + forecast.intent.redundancy;
  return {
    endpoints: [
      { name: 'signup', peakRps: 2400, capacityRps: 795, instances: 5 },
      { name: 'feed', peakRps: 4800, capacityRps: 795, instances: 9 },
    ],
    instances,
    saturatesFirst: 'feed',
    headroom: 1 - 4800 / (instances * 795),
  };
}

/** The fixture report, varied by `options`; a fresh object each call, safe to modify. */
export function buildCapacityReport(options: CapacityFixtureOptions = {}): CapacityReport {
  const demand = options.demand ?? 'signup-curve';
  const usl = options.usl ?? 'supported';
  const forecast =
    demand === 'none' ? null : demand === 'daily-active' ? DAILY_FORECAST : SIGNUP_FORECAST;
  return structuredClone({
    schemaVersion: 1,
    runId: '20240705-160000-capacity',
    scenario: {
      name: 'read-heavy-feed',
      file: 'scenarios/read-heavy-feed.ts',
      workload: 'readers',
    },
    createdAt: '2024-07-05T16:30:00.000Z',
    status: 'complete',
    slos: [
      { kind: 'latency', text: SLO_LATENCY, percentile: 99, maxMs: 250 },
      { kind: 'errors', text: SLO_ERRORS, maxRate: 0.001 },
    ],
    verdict:
      forecast === null
        ? 'The service sustains 800 iterations/s (1594 requests/s) within every SLO.'
        : `Run ${9 + forecast.intent.redundancy} instances (9 + ${forecast.intent.redundancy} spare) for the launch peak: feed saturates first.`,
    breakpoint: 1000,
    maxSustainableRate: 800,
    maxSustainableEstablished: true,
    maxSustainableThroughput: 1594,
    knee: options.knee === false ? null : { offered: 600, throughput: 1198, p99Ms: 24 },
    usl: usl === 'none' ? null : usl === 'unsupported' ? UNSUPPORTED_USL : SUPPORTED_USL,
    steps: STEP_ROWS.map(buildStep),
    overload: [
      {
        multiple: 2,
        offered: 1600,
        achieved: 1010,
        goodput: 1500,
        errorRate: 0.05,
        p99Ms: 2100,
        goodputShare: 0.941,
      },
      {
        multiple: 10,
        offered: 8000,
        achieved: 1020,
        goodput: 900,
        errorRate: 0.42,
        p99Ms: 5000,
        goodputShare: 0.565,
      },
    ],
    forecast,
    plan: forecast === null ? null : buildPlan(forecast),
    scaling:
      options.scaling === true
        ? [
            { workers: 1, maxSustainableRate: 400, maxSustainableThroughput: 797 },
            { workers: 2, maxSustainableRate: 800, maxSustainableThroughput: 1594 },
          ]
        : [],
    scalingUsl: options.scaling === true ? SUPPORTED_USL : null,
    assumptions: [
      'Each step ran 25 s and its first 5 s were discarded as warm-up.',
      'One instance of the target served the staircase: capacity scales linearly with instances.',
    ],
    phases: completePhases(),
  } satisfies CapacityReport);
}

/** `report` with {@link HOSTILE_NAME} in every string a user or a server controls. */
export function withHostileNames(report: CapacityReport): CapacityReport {
  const renamed = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k === 'feed' ? HOSTILE_NAME : k, v]),
    );
  const copy = structuredClone(report) as {
    -readonly [K in keyof CapacityReport]: CapacityReport[K];
  };
  copy.scenario = { name: HOSTILE_NAME, file: HOSTILE_NAME, workload: HOSTILE_NAME };
  copy.runId = HOSTILE_NAME;
  copy.verdict = HOSTILE_NAME;
  copy.status = 'incomplete';
  copy.slos = [{ kind: 'errors', text: HOSTILE_NAME, maxRate: 0.001 }];
  copy.steps = copy.steps.map((step) => ({
    ...step,
    byName: renamed(step.byName),
    broken: [HOSTILE_NAME],
    sustainable: false,
  }));
  copy.assumptions = [HOSTILE_NAME];
  copy.phases = copy.phases.map((phase) => ({ ...phase, clean: false, note: HOSTILE_NAME }));
  if (copy.usl !== null) copy.usl = { ...copy.usl, supported: false, warnings: [HOSTILE_NAME] };
  if (copy.plan !== null)
    copy.plan = {
      ...copy.plan,
      saturatesFirst: HOSTILE_NAME,
      endpoints: copy.plan.endpoints.map((e) =>
        e.name === 'feed' ? { ...e, name: HOSTILE_NAME } : e,
      ),
    };
  if (copy.forecast?.demand.kind === 'signup-curve')
    copy.forecast = {
      ...copy.forecast,
      demand: {
        ...copy.forecast.demand,
        requestsPerSignup: renamed(copy.forecast.demand.requestsPerSignup),
      },
    };
  return copy;
}
