import { describe, expect, it } from 'vitest';
import { noisyRun } from '../../test/support/noisy-runs.js';
import { parseMetricSelector } from './metric-selector.js';
import { runValue } from './run-value.js';
import { secondsOfSides } from './seconds-of-side.js';

const a = [noisyRun({ runId: 'a', seed: 1, seconds: 10 })];
const b = [
  noisyRun({ runId: 'b', seed: 2, seconds: 10 }),
  noisyRun({ runId: 'c', seed: 3, seconds: 10 }),
];
const every = (size: number) => Int32Array.from({ length: size }, (_, i) => i);

describe('secondsOfSides', () => {
  it('gives each side one item per second of its runs, one after the other', () => {
    const outcome = secondsOfSides(a, b, parseMetricSelector('http_req_duration:p(99)'));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect([outcome.a.size, outcome.b.size]).toEqual([10, 20]);
  });

  it('over every second once, gives what the run’s merged histograms give', () => {
    for (const text of [
      'http_req_duration{name:feed}:p(90)',
      'http_req_duration:med',
      'http_req_failed:rate',
      'http_reqs:count',
    ]) {
      const selector = parseMetricSelector(text);
      const outcome = secondsOfSides(a, b, selector);
      if (!outcome.ok) throw new Error(outcome.reason);
      const whole = outcome.a.statistic(every(outcome.a.size));
      const expected = runValue(a[0]!, selector)!;
      expect(Math.abs(whole - expected), text).toBeLessThanOrEqual(expected / 500);
    }
  });

  it('counts per run: two runs of the same load count as one', () => {
    const outcome = secondsOfSides(a, b, parseMetricSelector('http_reqs{name:feed}:count'));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.b.statistic(every(outcome.b.size))).toBe(1000);
  });

  it('resamples the picked seconds: one second picked ten times is that second', () => {
    const outcome = secondsOfSides(a, b, parseMetricSelector('http_reqs{name:feed}:rate'));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.a.statistic(new Int32Array(10).fill(3))).toBe(100);
  });

  it('names why it cannot: no slices, or no data', () => {
    const old = secondsOfSides(
      [{ ...a[0]!, slices: null }],
      b,
      parseMetricSelector('http_reqs:rate'),
    );
    expect(old).toEqual({
      ok: false,
      reason: expect.stringMatching(/run a keeps no per-second slices/),
    });
    const none = secondsOfSides(a, b, parseMetricSelector('http_req_duration{name:nothing}:p(50)'));
    expect(none).toEqual({ ok: false, reason: 'neither side has data for it' });
  });
});
