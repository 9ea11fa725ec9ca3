import { describe, expect, it } from 'vitest';
import { type FaultSpec, NO_FAULTS } from '../config.js';
import { faultSpecProblems, formatFaultSpec, parseFaultSpec } from './fault-spec.js';

const FULL: FaultSpec = {
  latencyMs: 50,
  errorRate: 0.01,
  stallMs: 500,
  stallEveryMs: 5000,
  cpuMs: 2,
};

describe('parseFaultSpec', () => {
  it('reads every fault with its units', () => {
    expect(parseFaultSpec('latency=50ms,errors=1%,stall=500ms/5s,cpu=2ms')).toEqual(FULL);
    expect(parseFaultSpec(' cpu = 0.5ms , errors=0.25 ')).toEqual({
      ...NO_FAULTS,
      cpuMs: 0.5,
      errorRate: 0.25,
    });
    expect(parseFaultSpec('latency=1.5s')).toEqual({ ...NO_FAULTS, latencyMs: 1500 });
  });

  it('reads route= and method= as the scope of the per-request faults', () => {
    expect(parseFaultSpec('latency=3ms,route=/v1/feed')).toEqual({
      ...NO_FAULTS,
      latencyMs: 3,
      route: '/v1/feed',
    });
    expect(parseFaultSpec('cpu=2ms, route=/v1/posts/:id/like, method=post')).toEqual({
      ...NO_FAULTS,
      cpuMs: 2,
      route: '/v1/posts/:id/like',
      method: 'POST',
    });
    expect(parseFaultSpec('errors=5%,method=DELETE')).toEqual({
      ...NO_FAULTS,
      errorRate: 0.05,
      method: 'DELETE',
    });
  });

  it('reads none as no fault at all', () => {
    expect(parseFaultSpec('none')).toEqual(NO_FAULTS);
    expect(parseFaultSpec('errors=0%')).toEqual(NO_FAULTS);
  });

  it.each([
    ['', "'' is not name=value"],
    ['latency', "'latency' is not name=value"],
    ['latency=50', "latency: '50' is not a duration such as 50ms or 1.5s"],
    ['cpu=2m', "cpu: '2m' is not a duration"],
    ['errors=abc', "errors: 'abc' is not a percentage such as 1% or a fraction such as 0.01"],
    ['errors=150%', "errors: '150%' is more than 100%"],
    ['errors=1.5', "errors: '1.5' is more than 100%"],
    ['stall=500ms', "stall: '500ms' is not <duration>/<period> such as 500ms/5s"],
    ['stall=500ms/5s/1s', "stall: '500ms/5s/1s' is not <duration>/<period>"],
    ['stall=5s/1s', 'stall: the stall must be shorter than its period'],
    ['latency=120s', 'latency: Too big'],
    ['jitter=5ms', "unknown fault 'jitter'"],
    ['cpu=1ms,cpu=2ms', 'cpu is given twice'],
    ['none,cpu=1ms', "'none' is not name=value"],
    [
      'latency=3ms,route=feed',
      'route: not a /v1/ route pattern such as /v1/feed or /v1/posts/:id/like',
    ],
    ['latency=3ms,route=/healthz', 'route: not a /v1/ route pattern'],
    ['latency=3ms,route=/v1/feed?cursor=1', 'route: not a /v1/ route pattern'],
    ['latency=3ms,method=FETCH', 'method: Invalid option'],
    ['latency=3ms,route=/v1/feed,route=/v1/me', 'route is given twice'],
    ['route=/v1/feed', 'route= and method= scope no fault: add latency=, cpu= or errors='],
    [
      'stall=5ms/1s,route=/v1/feed,cpu=1ms',
      'stall: it freezes the whole process, so it cannot be scoped',
    ],
  ])('rejects %j naming the problem and the accepted forms', (text, problem) => {
    expect(() => parseFaultSpec(text)).toThrow(problem);
    expect(() => parseFaultSpec(text)).toThrow(
      'e.g. latency=50ms,errors=1%,stall=500ms/5s,cpu=2ms or latency=3ms,route=/v1/feed,method=GET',
    );
  });

  it('names every problem of a spec at once', () => {
    expect(() => parseFaultSpec('latency=x,foo=1,errors=2')).toThrow(
      /latency: 'x' is not a duration.*; unknown fault 'foo'; errors: '2' is more than 100%/,
    );
  });
});

describe('formatFaultSpec', () => {
  it('writes only the faults in force, in the syntax parseFaultSpec reads', () => {
    expect(formatFaultSpec(NO_FAULTS)).toBe('none');
    expect(formatFaultSpec(FULL)).toBe('latency=50ms,errors=1%,stall=500ms/5s,cpu=2ms');
    expect(formatFaultSpec({ ...NO_FAULTS, errorRate: 0.07, latencyMs: 1500 })).toBe(
      'latency=1500ms,errors=7%',
    );
    expect(formatFaultSpec({ ...NO_FAULTS, cpuMs: 2, route: '/v1/feed', method: 'GET' })).toBe(
      'cpu=2ms,route=/v1/feed,method=GET',
    );
  });

  it.each([
    FULL,
    NO_FAULTS,
    { ...NO_FAULTS, errorRate: 0.001, cpuMs: 0.25 },
    { ...NO_FAULTS, errorRate: 1, stallMs: 1, stallEveryMs: 2000 },
    { ...NO_FAULTS, latencyMs: 3, route: '/v1/posts/:id/like', method: 'POST' as const },
  ])('round-trips %j', (spec) => {
    expect(parseFaultSpec(formatFaultSpec(spec))).toEqual(spec);
  });
});

describe('faultSpecProblems', () => {
  it('accepts a usable spec and names the fields of an unusable one', () => {
    expect(faultSpecProblems(FULL)).toEqual([]);
    expect(faultSpecProblems({ ...NO_FAULTS, errorRate: -1, stallMs: 10 })).toEqual([
      expect.stringMatching(/^errors: Too small/),
      'stall: the stall must be shorter than its period',
    ]);
  });
});
