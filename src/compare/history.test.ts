import { describe, expect, it } from 'vitest';
import {
  buildHistoryFixture,
  FEED_P99_MS,
  historyInputs,
  historyRun,
} from '../../test/support/history-fixture.js';
import { buildHistory, formatRelative, metricLabel } from './history.js';
import { orderRuns, runTag } from './history-order.js';
import { parseMetricSelector } from './metric-selector.js';

const feed = [parseMetricSelector('http_req_duration{name:feed}:p(99)')];

describe('buildHistory', () => {
  it('orders the runs, gives each metric its value per run and finds the step', () => {
    const report = buildHistoryFixture();
    expect(report.runs.map((run) => run.position)).toEqual(FEED_P99_MS.map((_, i) => i + 1));
    expect(report.runs.map((run) => run.tag)).toEqual(
      FEED_P99_MS.map((_, i) => `c${String(i + 1).padStart(2, '0')}`),
    );
    const [feedHistory, signup] = report.metrics;
    for (const [i, value] of feedHistory!.values.entries())
      expect(Math.abs(value! - FEED_P99_MS[i]!)).toBeLessThanOrEqual(FEED_P99_MS[i]! / 1000);
    expect(feedHistory!.changes).toHaveLength(1);
    const [change] = feedHistory!.changes;
    expect(change).toMatchObject({ position: 13, runId: 'run-13', tag: 'c13', direction: 'rose' });
    expect(change!.worse).toBe(true);
    expect(change!.relativeChange!).toBeCloseTo(48.25 / 40.667 - 1, 2);
    expect(change!.sentence).toBe('p(99) of feed rose 19% at run 13 (commit c13)');
    expect(change!.before.length).toBe(12);
    expect(change!.after.length).toBe(8);
    expect(signup!.changes).toEqual([]);
    expect(report.method).toEqual({
      name: 'e-divisive means',
      alpha: 1,
      significance: 0.05,
      permutations: 199,
      minSegment: 3,
      seed: 0x5eed,
    });
  });

  it('orders by start time without a tag and names the run in the sentence', () => {
    const report = buildHistoryFixture({ tag: null, selectors: feed });
    expect(report.orderedBy).toBe('startedAt');
    expect(report.runs.map((run) => run.tag)).toEqual(FEED_P99_MS.map(() => null));
    expect(report.metrics[0]!.changes[0]!.sentence).toBe(
      'p(99) of feed rose 19% at run 13 (run-13)',
    );
  });

  it('says a fall, and whether it is for the better by the metric', () => {
    const falling = historyInputs([...FEED_P99_MS].reverse());
    const report = buildHistory(falling, { source: 'runs', selectors: feed, tag: 'commit' });
    const [change] = report.metrics[0]!.changes;
    expect(change).toMatchObject({ position: 9, direction: 'fell', worse: false });
    expect(change!.sentence).toBe('p(99) of feed fell 16% at run 9 (commit c09)');
  });

  it('leaves runs without data out of the series, and places change points among all runs', () => {
    const inputs = historyInputs();
    const gap = inputs.find((input) => input.result.runId === 'run-05')!;
    const without = { ...gap, result: { ...gap.result, series: [] } };
    const report = buildHistory(
      inputs.map((input) => (input === gap ? without : input)),
      { source: 'runs', selectors: feed, tag: 'commit' },
    );
    expect(report.metrics[0]!.values[4]).toBeNull();
    expect(report.metrics[0]!.changes.map((c) => c.position)).toEqual([13]);
  });

  it('is deterministic and takes its settings', () => {
    expect(buildHistoryFixture()).toEqual(buildHistoryFixture());
    const strict = buildHistoryFixture({ permutations: 9 });
    expect(strict.metrics[0]!.changes).toEqual([]);
    expect(strict.method.permutations).toBe(9);
  });

  it('refuses an empty folder, naming it', () => {
    expect(() => buildHistory([], { source: 'reports/x', selectors: feed, tag: null })).toThrow(
      /reports\/x holds no run/,
    );
  });
});

describe('orderRuns', () => {
  const input = (index: number, tags: Record<string, string>) => ({
    result: historyRun(index, 10, tags),
    source: `r${index}.json`,
  });

  it('orders numeric tags by number, then by start', () => {
    const runs = [input(0, { build: '10' }), input(1, { build: '9' }), input(2, { build: '10' })];
    expect(orderRuns(runs, 'build').map((r) => r.source)).toEqual([
      'r1.json',
      'r0.json',
      'r2.json',
    ]);
  });

  it('groups other tags by value, in the order each value was first run', () => {
    const runs = [
      input(3, { commit: 'aaa' }),
      input(0, { commit: 'fff' }),
      input(1, { commit: 'aaa' }),
      input(2, { commit: 'fff' }),
    ];
    expect(orderRuns(runs, 'commit').map((r) => r.source)).toEqual([
      'r0.json',
      'r2.json',
      'r1.json',
      'r3.json',
    ]);
  });

  it('refuses a run without the tag, naming its file', () => {
    const runs = [input(0, { commit: 'aaa' }), input(1, {})];
    expect(() => orderRuns(runs, 'commit')).toThrow(/r1\.json has no tag 'commit'/);
    expect(runTag(runs[0]!.result, 'commit')).toBe('aaa');
    expect(runTag({ ...runs[0]!.result, config: null }, 'commit')).toBeUndefined();
  });
});

describe('metricLabel and formatRelative', () => {
  it('name metrics and changes as the sentences do', () => {
    const label = (text: string) => metricLabel(parseMetricSelector(text));
    expect(label('http_req_duration:p(99)')).toBe('p(99) of all requests');
    expect(label('http_req_duration{name:feed}:p(90)')).toBe('p(90) of feed');
    expect(label('http_req_duration{name:feed,status:200}:avg')).toBe(
      'avg of http_req_duration{name:feed,status:200}',
    );
    expect(label('http_req_failed:rate')).toBe('rate of http_req_failed');
    expect([0.18, -0.042, 0.003, 1.5].map(formatRelative)).toEqual(['18%', '4.2%', '0.3%', '150%']);
  });
});
