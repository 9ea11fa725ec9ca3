import { describe, expect, it } from 'vitest';
import { parseSlo, stepBreaks } from './slo.js';

describe('parseSlo', () => {
  it('parses latency bounds, a bare number in ms', () => {
    expect(parseSlo('p(99)<250ms')).toEqual({
      kind: 'latency',
      text: 'p(99)<250ms',
      percentile: 99,
      maxMs: 250,
    });
    expect(parseSlo('p(95)<1s')).toMatchObject({ percentile: 95, maxMs: 1000 });
    expect(parseSlo(' p(99.9) < 500 ')).toEqual({
      kind: 'latency',
      text: 'p(99.9) < 500',
      percentile: 99.9,
      maxMs: 500,
    });
    expect(parseSlo('http_req_duration p(50)<800us')).toMatchObject({ maxMs: 0.8 });
  });

  it('parses error bounds as a percentage or a share', () => {
    expect(parseSlo('http_req_failed<0.1%')).toEqual({
      kind: 'errors',
      text: 'http_req_failed<0.1%',
      maxRate: 0.001,
    });
    expect(parseSlo('http_req_failed<0.001')).toMatchObject({ kind: 'errors', maxRate: 0.001 });
    expect(parseSlo('errors<1%')).toMatchObject({ kind: 'errors', maxRate: 0.01 });
  });

  it.each([
    ['p99<250', 'is not an SLO'],
    ['p(99)>250ms', 'is not an SLO'],
    ['latency<3', 'is not an SLO'],
    ['p(0)<250', 'the percentile must be in (0, 100]'],
    ['p(101)<250', 'the percentile must be in (0, 100]'],
    ['p(99)<0ms', 'the latency bound must be greater than 0'],
    ['errors<2', 'the error bound must be a share'],
  ])('rejects %s naming the text and the allowed forms', (text, problem) => {
    let caught: unknown;
    try {
      parseSlo(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'LAUNCHDAY_ERR_USAGE',
      message: expect.stringContaining(`--slo '${text}': ${problem}`),
      hint: expect.stringContaining("'p(99)<250ms'"),
      issues: [{ path: '--slo', message: expect.stringContaining(text) }],
    });
    expect((caught as Error).message.includes(problem)).toBe(true);
  });
});

describe('stepBreaks', () => {
  const slos = [parseSlo('p(99)<250ms'), parseSlo('http_req_failed<0.1%')];
  const step = { offered: 100, achieved: 99, errorRate: 0, percentilesMs: { 'p(99)<250ms': 120 } };

  it('is empty for a step within every SLO and the achieved share', () => {
    expect(stepBreaks(step, slos)).toEqual([]);
    expect(stepBreaks({ ...step, achieved: 98 }, slos)).toEqual([]);
  });

  it('names every broken condition', () => {
    const broken = {
      offered: 1000,
      achieved: 912,
      errorRate: 0.004,
      percentilesMs: { 'p(99)<250ms': 312.4 },
    };
    expect(stepBreaks(broken, slos)).toEqual([
      'p(99) 312 ms > 250 ms',
      'errors 0.4% > 0.1%',
      'achieved 91% of offered',
    ]);
  });

  it('breaks at the bound itself, on a percentile not measured and with a custom share', () => {
    const atBound = { ...step, errorRate: 0.001, percentilesMs: { 'p(99)<250ms': 250 } };
    expect(stepBreaks(atBound, slos)).toEqual(['p(99) 250 ms ≥ 250 ms', 'errors 0.1% ≥ 0.1%']);
    expect(stepBreaks({ ...step, percentilesMs: {} }, slos)).toEqual(['p(99) not measured']);
    expect(stepBreaks(step, [], 0.995)).toEqual(['achieved 99% of offered']);
  });

  it('writes small latencies with a decimal', () => {
    const slo = parseSlo('p(99)<2');
    expect(stepBreaks({ ...step, percentilesMs: { [slo.text]: 4.56 } }, [slo])).toEqual([
      'p(99) 4.6 ms > 2 ms',
    ]);
  });
});
