import { buildHistory, type HistoryOptions } from '../../src/compare/history.js';
import type { HistoryInput } from '../../src/compare/history-order.js';
import type { HistoryReport } from '../../src/compare/history-types.js';
import { parseMetricSelector } from '../../src/compare/metric-selector.js';
import type { RunResult } from '../../src/core/result.js';
import { HdrHistogram } from '../../src/metrics/hdr-histogram.js';
import { buildRunResult } from './run-result-fixture.js';

/** The feed latency of a history fixture's runs, in ms, one per run: a step up at run 13. */
export const FEED_P99_MS: readonly number[] = Object.freeze([
  ...[40, 42, 41, 39, 40, 43, 41, 40, 42, 41, 40, 39],
  ...[48, 49, 47, 48, 50, 48, 49, 47],
]);

const BASE = buildRunResult();
const START = Date.parse('2026-11-02T09:00:00.000Z');

/** A trend series of request `name` whose 100 samples are all `ms` (so its p(99) is `ms`). */
function latencySeries(name: string, ms: number): RunResult['series'][number] {
  const histogram = new HdrHistogram();
  for (let i = 0; i < 100; i++) histogram.record(ms * 1000);
  return {
    metric: 'http_req_duration',
    tags: { name, method: 'GET', status: '200' },
    kind: 'trend',
    histogram: histogram.encode(),
  };
}

/**
 * A run of the fixture scenario whose only series are feed's and signup's latencies (`feedMs`;
 * signup steady at 20 ms), started `index` minutes after a fixed time, with test-wide `tags`.
 */
export function historyRun(
  index: number,
  feedMs: number,
  tags: Record<string, string> = {},
): RunResult {
  return {
    ...BASE,
    runId: `run-${String(index + 1).padStart(2, '0')}`,
    startedAt: new Date(START + index * 60_000).toISOString(),
    config: { ...(BASE.config as object), tags },
    series: [latencySeries('feed', feedMs), latencySeries('signup', 20)],
  };
}

/**
 * The fixture's runs ({@link FEED_P99_MS}), each tagged `commit=c<index>` (c01, c02, …), in a
 * scrambled order as a folder listing might give them.
 */
export function historyInputs(latencies: readonly number[] = FEED_P99_MS): HistoryInput[] {
  const runs = latencies.map((ms, i) => ({
    result: historyRun(i, ms, { commit: `c${String(i + 1).padStart(2, '0')}` }),
    source: `runs/run-${String(i + 1).padStart(2, '0')}/result.json`,
  }));
  // Reverse the odd ones into the front: an order that is neither the runs' nor sorted.
  return [...runs.filter((_, i) => i % 2 === 1).reverse(), ...runs.filter((_, i) => i % 2 === 0)];
}

/** The history of the fixture: feed's p(99) and signup's p(99), ordered by the commit tag. */
export function buildHistoryFixture(options: Partial<HistoryOptions> = {}): HistoryReport {
  return buildHistory(historyInputs(), {
    source: 'runs',
    selectors: ['http_req_duration{name:feed}:p(99)', 'http_req_duration{name:signup}:p(99)'].map(
      (text) => parseMetricSelector(text),
    ),
    tag: 'commit',
    ...options,
  });
}
