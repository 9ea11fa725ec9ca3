/**
 * Realistic {@link CompareReport}s for the tests of the comparison's renderers, shaped as
 * `compareSides` builds them: `regressed` (a block bootstrap over seconds of 2 runs a side, too
 * few runs for Mann-Whitney to reach α = 0.05, where p(99) of `feed` and the error rate of
 * `signup` regressed) and `no-regression` (Mann-Whitney over 5 runs a side, with improved,
 * unchanged and inconclusive rows and an allowed machine difference). The charts hold smooth,
 * plausible latency distributions per request name and per-second series of every run.
 */
import {
  type ChangeInterval,
  COMPARE_SCHEMA_VERSION,
  type CompareMethod,
  type CompareReport,
  type CompareSide,
  type CompareUnit,
  type MetricComparison,
  type Verdict,
} from '../../src/compare/types.js';
import { fixtureCharts } from './compare-report-charts.js';

/** The variants of the fixture. */
export type CompareFixture = 'regressed' | 'no-regression';

/** A request name with every character a renderer must escape (HTML, XML, Markdown). */
export const HOSTILE_NAME = '</script><img src=x onerror="window.__pwned=1">|&amp;*_`';

const LATENCY_BUDGET = { relative: 0.1, absolute: 1 };
const RATE_BUDGET = { relative: null, absolute: 0.005 };
const THROUGHPUT_BUDGET = { relative: 0.1, absolute: null };

/** What one row of the fixture varies; the rest follows from it. */
interface Row {
  readonly key: string;
  readonly name: string | null;
  readonly unit: CompareUnit;
  readonly values: readonly [number | null, number | null];
  readonly samples: readonly [number, number];
  readonly interval: readonly [number, number] | null;
  readonly pValue: number | null;
  readonly verdict: Verdict;
  readonly reason: string;
}

/** The comparison of one metric from `row`, with the changes computed from its two values. */
function comparison(row: Row, method: CompareMethod, runs: number): MetricComparison {
  const [base, cand] = row.values;
  const both = base !== null && cand !== null;
  const intervalOf = row.unit === 'fraction' ? 'absolute' : 'relative';
  const interval: ChangeInterval | null =
    row.interval === null ? null : { low: row.interval[0], high: row.interval[1], level: 0.95 };
  const budgets = { ms: LATENCY_BUDGET, fraction: RATE_BUDGET, 'per-second': THROUGHPUT_BUDGET };
  return {
    key: row.key,
    requestName: row.name,
    unit: row.unit,
    direction: row.unit === 'per-second' ? 'lower-is-worse' : 'higher-is-worse',
    baseline: { value: base, runs, samples: row.samples[0] },
    candidate: { value: cand, runs, samples: row.samples[1] },
    relativeChange: both && base !== 0 ? cand / base - 1 : null,
    absoluteChange: both ? cand - base : null,
    interval,
    intervalOf,
    pValue: row.pValue,
    method,
    budget: row.unit === 'count' ? { relative: null, absolute: 0 } : budgets[row.unit],
    verdict: row.verdict,
    reason: row.reason,
  };
}

const REGRESSED_ROWS: readonly Row[] = [
  row('http_req_duration:p(50)', null, 'ms', [4.21, 4.3], [11982, 12040], [-0.01, 0.05], 0.31),
  {
    ...row(
      'http_req_duration:p(99)',
      null,
      'ms',
      [12.4, 14.1],
      [11982, 12040],
      [-0.02, 0.31],
      0.07,
    ),
    verdict: 'inconclusive',
    reason:
      'p(99) rose 13.7% (+1.70 ms), but its interval (-2.0% to +31.0%) spans the budget of +10%',
  },
  {
    ...row(
      'http_req_failed:rate',
      null,
      'fraction',
      [0.003, 0.0078],
      [11982, 12040],
      [0.0021, 0.0075],
      0.01,
    ),
    verdict: 'inconclusive',
    reason:
      'the error rate rose by 0.48 points, but its interval (+0.21 to +0.75 points) spans the budget of +0.50 points',
  },
  {
    ...row(
      'http_req_duration{name:feed}:p(99)',
      'feed',
      'ms',
      [12.2, 16.8],
      [8990, 9030],
      [0.24, 0.52],
      0.002,
    ),
    verdict: 'regressed',
    reason: 'p(99) of feed rose 37.7% (+4.60 ms), beyond its budget of +10% and +1 ms',
  },
  {
    ...row(
      'http_req_failed{name:signup}:rate',
      'signup',
      'fraction',
      [0.01, 0.043],
      [2992, 3010],
      [0.019, 0.047],
      0.001,
    ),
    verdict: 'regressed',
    reason:
      'the error rate of signup rose by 3.30 points (1.00% to 4.30%), beyond its budget of +0.50 points',
  },
  row('http_reqs:rate', null, 'per-second', [199.7, 200.7], [11982, 12040], [-0.01, 0.02], 0.4),
];

const NO_REGRESSION_ROWS: readonly Row[] = [
  {
    ...row(
      'http_req_duration:p(50)',
      null,
      'ms',
      [4.9, 4.2],
      [60150, 60320],
      [-0.19, -0.1],
      0.0079,
    ),
    verdict: 'improved',
    reason: 'p(50) fell 14.3% (-0.70 ms), beyond its budget of +10% and +1 ms',
  },
  row(
    'http_req_duration{name:feed}:p(99)',
    'feed',
    'ms',
    [13.1, 13.4],
    [45100, 45290],
    [-0.04, 0.07],
    0.55,
  ),
  {
    ...row(
      'http_req_duration{name:signup}:p(99.9)',
      'signup',
      'ms',
      [31.5, 44],
      [1490, 1502],
      null,
      null,
    ),
    verdict: 'inconclusive',
    reason: 'too few samples for p(99.9): 1490 requests a side, 10000 needed',
  },
  row(
    'http_req_failed:rate',
    null,
    'fraction',
    [0.002, 0.0024],
    [60150, 60320],
    [-0.001, 0.0015],
    0.69,
  ),
  row('http_reqs:rate', null, 'per-second', [200.5, 201.1], [60150, 60320], [-0.01, 0.015], 0.42),
];

/** An unchanged row: its values, samples, interval and p-value, with the matching reason. */
function row(
  key: string,
  name: string | null,
  unit: CompareUnit,
  values: Row['values'],
  samples: Row['samples'],
  interval: Row['interval'],
  pValue: number | null,
): Row {
  const reason = `${key} changed within its budget`;
  return { key, name, unit, values, samples, interval, pValue, verdict: 'unchanged', reason };
}

function side(
  role: 'baseline' | 'candidate',
  runIds: readonly string[],
  machine: string,
): CompareSide {
  return {
    source: `reports/${role}`,
    ...(role === 'baseline' ? { baselineName: 'main' } : {}),
    runIds,
    scenario: 'feed-mix',
    startedAt: '2024-07-05T16:00:00.000Z',
    endedAt: '2024-07-05T16:06:10.000Z',
    machine,
  };
}

const MACHINE = 'AMD EPYC 7B13 ×2, linux x64, node v20.20.0';

/** The comparison `variant` of {@link CompareFixture}, the same on every call. */
export function buildCompareReport(variant: CompareFixture = 'regressed'): CompareReport {
  const regressed = variant === 'regressed';
  const runs = regressed ? 2 : 5;
  const method: CompareMethod = regressed ? 'block-bootstrap' : 'mann-whitney';
  const ids = (prefix: string) => Array.from({ length: runs }, (_, i) => `${prefix}-${i + 1}`);
  const [baseIds, candIds] = [ids('base'), ids('cand')];
  const allowed = regressed
    ? []
    : [
        {
          kind: 'machine' as const,
          message: `The candidate ran on another machine (Intel Xeon 8375C ×2, linux x64, node v20.20.0) than the baseline (${MACHINE}); compared anyway (--allow machine).`,
        },
      ];
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    createdAt: '2024-07-05T16:07:00.000Z',
    verdict: regressed ? 'regressed' : 'no-regression',
    headline: regressed
      ? 'Regressed: p(99) of feed rose 37.7% and the error rate of signup rose by 3.30 points'
      : 'No regression: 1 improved, 3 unchanged, 1 inconclusive',
    baseline: side('baseline', baseIds, MACHINE),
    candidate: side(
      'candidate',
      candIds,
      regressed ? MACHINE : 'Intel Xeon 8375C ×2, linux x64, node v20.20.0',
    ),
    method,
    settings: {
      alpha: 0.05,
      confidence: 0.95,
      resamples: 2000,
      seed: 1,
      blockSeconds: 5,
      allowed: allowed.map((a) => a.kind),
    },
    comparisons: (regressed ? REGRESSED_ROWS : NO_REGRESSION_ROWS).map((r) =>
      comparison(r, method, runs),
    ),
    allowedDifferences: allowed,
    charts: fixtureCharts(regressed ? 1.38 : 1, baseIds, candIds),
  };
}

/** `report` with its request name `feed` and its scenario renamed {@link HOSTILE_NAME}. */
export function withHostileNames(report: CompareReport): CompareReport {
  const rename = (text: string) => text.replaceAll('feed', HOSTILE_NAME);
  return {
    ...report,
    headline: rename(report.headline),
    baseline: { ...report.baseline, scenario: HOSTILE_NAME, source: HOSTILE_NAME },
    candidate: { ...report.candidate, scenario: HOSTILE_NAME },
    comparisons: report.comparisons.map((c) => ({
      ...c,
      key: rename(c.key),
      requestName: c.requestName === null ? null : rename(c.requestName),
      reason: rename(c.reason),
    })),
    charts: {
      ...report.charts,
      distributions: report.charts.distributions.map((d) => ({
        ...d,
        requestName: d.requestName === null ? null : rename(d.requestName),
      })),
      seconds: report.charts.seconds.map((s) => ({ ...s, runId: rename(`${s.runId}-feed`) })),
    },
  };
}
