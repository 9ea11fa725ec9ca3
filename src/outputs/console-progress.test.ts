import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildResolvedRun, buildRunResult } from '../../test/support/run-result-fixture.js';
import type { ThresholdResult } from '../metrics/threshold-types.js';
import { stripAnsi, visibleWidth } from '../report/ansi.js';
import { ConsoleProgress } from './console-progress.js';

const { intervals } = buildRunResult();
const run = buildResolvedRun();

const failingFeed: ThresholdResult = {
  key: 'http_req_duration{name:feed}',
  expression: 'p(95)<20',
  ok: false,
  observed: 30.02,
  abortOnFail: false,
  shouldAbort: false,
};
const passingSignup: ThresholdResult = {
  ...failingFeed,
  key: 'http_req_duration{name:signup}',
  expression: 'p(99)<250',
  ok: true,
  observed: 59,
};

/** A real stream with Node's TTY fields, read back synchronously after each call. */
function fakeStream(isTTY: boolean, columns?: number) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns });
  stream.setEncoding('utf8');
  return { stream, take: () => String(stream.read() ?? '') };
}

function start(progress: ConsoleProgress): void {
  progress.start({ runId: 'r1', run, startAt: 0 });
}

describe('ConsoleProgress on a TTY', () => {
  it('redraws its block in place each second and clears it at the end', () => {
    const { stream, take } = fakeStream(true, 200);
    const progress = new ConsoleProgress(stream, { color: true });
    start(progress);
    progress.interval(intervals[0]!, {
      elapsedMs: 1000,
      thresholds: [failingFeed, passingSignup],
      series: [],
      service: null,
    });
    const first = take();
    expect(first).not.toContain('\x1b[J');
    const drawn = first.split('\n').length - 1;
    progress.interval(intervals[1]!, {
      elapsedMs: 2000,
      thresholds: [failingFeed, passingSignup],
      series: [],
      service: null,
    });
    const second = take();
    expect(second.startsWith(`\x1b[${drawn}A\x1b[J`)).toBe(true);
    progress.end();
    expect(take()).toBe(`\x1b[${drawn}A\x1b[J`);
  });

  it('shows per-workload progress, target vs achieved, run rates, latest p50/p99 and failing thresholds', () => {
    const { stream, take } = fakeStream(true, 200);
    const progress = new ConsoleProgress(stream, { color: false });
    start(progress);
    for (const [i, point] of intervals.entries()) {
      progress.interval(point, {
        elapsedMs: (i + 1) * 1000,
        thresholds: [failingFeed, passingSignup],
        series: [],
        service: null,
      });
      if (i < intervals.length - 1) take();
    }
    const last = intervals.at(-1)!;
    const raw = take();
    expect(raw).not.toContain('\x1b[3');
    const frame = stripAnsi(raw);
    expect(frame).toContain('signup-spike  10s / 10s');
    expect(frame).toMatch(
      /signups\s+\[█{20}\]\s+100%\s+target 40\.0\/s {2}achieved 40\.0\/s\s+in flight 0\s+dropped 5 total/,
    );
    expect(frame).toMatch(
      /readers\s+\[█{20}\]\s+100%\s+VUs 2 of 5 {2}60\.0 it\/s\s+in flight 0\s+dropped 0 total/,
    );
    expect(frame).toContain('requests 100/s, errors 2.80% (http_5xx 12, timeout 2) (last 5s)');
    expect(frame).toContain(
      `p50 ${last.latency.p50.toFixed(1)} ms  p99 ${last.latency.p99.toFixed(0)} ms (last 1s)`,
    );
    expect(frame).toContain('thresholds failing now: 1 of 2');
    expect(frame).toContain('✗ http_req_duration{name:feed} p(95)<20 (p(95)=30.02ms)');
  });

  it('cuts lines to the terminal width so the redraw never wraps', () => {
    const { stream, take } = fakeStream(true, 40);
    const progress = new ConsoleProgress(stream, { color: true });
    start(progress);
    progress.interval(intervals[0]!, {
      elapsedMs: 1000,
      thresholds: [failingFeed],
      series: [],
      service: null,
    });
    const lines = take().split('\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(39);
  });
});

describe('ConsoleProgress without a TTY', () => {
  it('prints one plain line per plainEveryMs of run time, summing the seconds since the last', () => {
    const { stream, take } = fakeStream(false);
    const progress = new ConsoleProgress(stream, { color: true, plainEveryMs: 5000 });
    start(progress);
    const written: string[] = [];
    for (const [i, point] of intervals.entries()) {
      progress.interval(point, {
        elapsedMs: (i + 1) * 1000,
        thresholds: [failingFeed],
        series: [],
        service: null,
      });
      written.push(take());
    }
    progress.end();
    expect(take()).toBe('');
    expect(written.map((chunk) => chunk !== '')).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
    const [first, second] = written.filter((chunk) => chunk !== '');
    expect(first).toBe(stripAnsi(first!));
    expect(first).toMatch(
      /^\[launchday\] 5s \/ 10s \| last 5s: 100 req\/s, errors 0, dropped 0 \| last 1s: p50 \S+ ms, p99 \S+ ms \| in flight \d+ \| thresholds failing 1\n$/,
    );
    expect(second).toContain(
      '10s / 10s | last 5s: 100 req/s, errors 14 (http_5xx 12, timeout 2), dropped 5',
    );
    expect(second).toContain('in flight 0');
  });

  it('writes nothing before the first plainEveryMs has passed', () => {
    const { stream, take } = fakeStream(false);
    const progress = new ConsoleProgress(stream, { color: false, plainEveryMs: 20_000 });
    start(progress);
    for (const [i, point] of intervals.entries())
      progress.interval(point, {
        elapsedMs: (i + 1) * 1000,
        thresholds: [],
        series: [],
        service: null,
      });
    progress.end();
    expect(take()).toBe('');
  });
});
