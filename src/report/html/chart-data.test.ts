import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../../test/support/run-result-fixture.js';
import { buildChartGroups } from './chart-data.js';
import { withoutIntervals, withoutRequests } from './fixture-variations.js';
import type { ChartSpec } from './types.js';

const result = buildRunResult();
const groups = buildChartGroups(result);
const charts = groups.flatMap((group) => group.charts);

function chart(title: string): ChartSpec {
  const found = charts.find((c) => c.title === title);
  if (found === undefined) throw new Error(`no chart ${title}`);
  return found;
}

function values(spec: ChartSpec, label: string): readonly (number | null)[] {
  const series = spec.series.find((s) => s.label === label);
  if (series === undefined) throw new Error(`no series ${label} in ${spec.title}`);
  return series.values;
}

describe('buildChartGroups', () => {
  it('groups the charts as the page shows them and numbers them in page order', () => {
    expect(groups.map((g) => [g.title, g.charts.map((c) => c.title)])).toEqual([
      [
        'Arrival rate: achieved vs target',
        ['signups: iterations started per second', 'readers: VUs and iterations started'],
      ],
      ['Latency by request name', ['feed: latency', 'signup: latency']],
      ['Errors by class', ['Failed requests per second by error class']],
      [
        'Iterations in flight and dropped',
        ['Iterations in flight (end of second) and dropped (per second)'],
      ],
    ]);
    expect(charts.map((c) => c.id)).toEqual(charts.map((_, i) => `chart-${i + 1}`));
    for (const c of charts) expect(c.x).toEqual(result.intervals.map((p) => p.t));
  });

  it('charts an arrival-rate workload as target vs achieved, a VU workload with its VUs', () => {
    const signups = chart('signups: iterations started per second');
    expect(signups.series.map((s) => [s.label, s.dashed])).toEqual([
      ['target', true],
      ['achieved', false],
    ]);
    expect(values(signups, 'achieved')).toEqual(
      result.intervals.map((p) => p.workloads.signups!.started),
    );
    const readers = chart('readers: VUs and iterations started');
    expect(values(readers, 'target VUs')).toEqual(result.intervals.map(() => 5));
    expect(values(readers, 'active VUs')).toEqual(
      result.intervals.map((p) => p.workloads.readers!.vus),
    );
  });

  it('charts p50, p95, p99 and max per request name from the per-second points', () => {
    const signup = chart('signup: latency');
    expect(signup.unit).toBe('ms');
    for (const stat of ['p50', 'p95', 'p99', 'max'] as const) {
      expect(values(signup, stat)).toEqual(result.intervals.map((p) => p.byName.signup![stat]));
    }
    expect(Math.max(...(values(signup, 'max') as number[]))).toBe(1000);
  });

  it('charts failed requests in all and by error class, zero where a class had none', () => {
    const errors = chart('Failed requests per second by error class');
    expect(errors.series.map((s) => s.label)).toEqual(['all failed', 'http_5xx', 'timeout']);
    expect(values(errors, 'all failed')).toEqual([0, 0, 0, 0, 0, 0, 0, 4, 4, 6]);
    expect(values(errors, 'timeout')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('charts in-flight and dropped iterations per workload', () => {
    const iterations = chart('Iterations in flight (end of second) and dropped (per second)');
    expect(iterations.series.map((s) => s.label)).toEqual([
      'signups in flight',
      'signups dropped',
      'readers in flight',
      'readers dropped',
    ]);
    expect(values(iterations, 'signups dropped')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 5]);
  });

  it('leaves a gap (null), not a zero, in seconds a workload or request name was idle', () => {
    const late = structuredClone(result);
    delete late.intervals[0]!.workloads.signups;
    delete late.intervals[0]!.byName.feed;
    const lateCharts = buildChartGroups(late).flatMap((g) => g.charts);
    const first = (title: string) => lateCharts.find((c) => c.title === title)!.series[0]!.values;
    expect(first('signups: iterations started per second').slice(0, 2)).toEqual([null, 40]);
    expect(first('feed: latency')[0]).toBeNull();
  });

  it('has no latency chart when the run made no request, and says why', () => {
    const latency = buildChartGroups(withoutRequests(result))[1]!;
    expect(latency.charts).toEqual([]);
    expect(latency.emptyNote).toBe('The run made no request.');
  });

  it('has no chart at all when the run recorded no per-second point', () => {
    for (const group of buildChartGroups(withoutIntervals(result))) {
      expect(group.charts).toEqual([]);
      expect(group.emptyNote).toBe('The run recorded no per-second data.');
    }
  });
});
