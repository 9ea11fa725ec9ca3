import { describe, expect, it } from 'vitest';
import { HdrHistogram } from './hdr-histogram.js';
import { sliceDeltasAt } from './slice-deltas.js';
import { SliceRecorder } from './slice-recorder.js';
import type { SeriesDelta } from './types.js';

const TAGS = { scenario: 'readers', name: 'feed' };

function trend(values: readonly number[]): SeriesDelta {
  const histogram = new HdrHistogram();
  for (const value of values) histogram.record(value);
  return {
    metric: 'http_req_duration',
    tags: TAGS,
    kind: 'trend',
    histogram: histogram.toTransfer(),
  };
}

describe('sliceDeltasAt', () => {
  it("gives back each second's deltas as the recorder kept them, and none for an empty second", () => {
    const recorder = new SliceRecorder();
    recorder.add(0, [
      trend([1000, 2000, 3000]),
      { metric: 'http_reqs', tags: TAGS, kind: 'counter', count: 3 },
      { metric: 'http_req_failed', tags: TAGS, kind: 'rate', passes: 1, total: 3 },
      { metric: 'vus', tags: TAGS, kind: 'gauge', value: 4 },
    ]);
    recorder.add(2, [{ metric: 'http_reqs', tags: TAGS, kind: 'counter', count: 5 }]);
    const slices = recorder.toSlices();

    const first = sliceDeltasAt(slices, 0);
    expect(first.map((d) => `${d.metric} ${d.kind}`)).toEqual([
      'http_req_duration trend',
      'http_reqs counter',
      'http_req_failed rate',
    ]);
    const histogram =
      first[0]?.kind === 'trend' ? HdrHistogram.fromTransfer(first[0].histogram) : null;
    expect([histogram?.count, histogram?.percentile(50)]).toEqual([3, 2000]);
    expect(first[2]).toMatchObject({ passes: 1, total: 3 });
    expect(sliceDeltasAt(slices, 1)).toEqual([]);
    expect(sliceDeltasAt(slices, 2)).toEqual([
      { metric: 'http_reqs', tags: TAGS, kind: 'counter', count: 5 },
    ]);
    expect(sliceDeltasAt(slices, 3)).toEqual([]);
  });

  it('feeds a recorder back to the same slices', () => {
    const recorder = new SliceRecorder();
    recorder.add(0, [
      trend([500, 900]),
      { metric: 'http_reqs', tags: TAGS, kind: 'counter', count: 2 },
    ]);
    recorder.add(1, [trend([7000])]);
    const slices = recorder.toSlices();
    const again = new SliceRecorder();
    for (let second = 0; second < slices.count; second++)
      again.add(second, sliceDeltasAt(slices, second));
    expect(again.toSlices()).toEqual(slices);
  });
});
