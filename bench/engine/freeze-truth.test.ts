import { describe, expect, it } from 'vitest';
import { percentOff } from '../common/stats.js';
import { freezeQuantile, freezeTruth, tailErrorPct } from './freeze-truth.js';

const schedule = { periodMs: 5000, freezeMs: 500, serviceMs: 1 };

describe('freezeTruth', () => {
  it('gives p99 451 ms and p99.9 496 ms for 500 ms every 5 s and 1 ms answers', () => {
    const truth = freezeTruth(schedule);
    expect(truth.p99).toBeCloseTo(451, 9);
    expect(truth['p99.9']).toBeCloseTo(496, 9);
  });

  it('gives the service time below the share of arrivals that land in a freeze', () => {
    expect(freezeQuantile(schedule, 0.5)).toBe(1);
    expect(freezeQuantile(schedule, 0.9)).toBeCloseTo(1, 9);
  });

  it('reaches service time plus the whole freeze at the top', () => {
    expect(freezeQuantile(schedule, 1)).toBe(501);
  });
});

describe('tailErrorPct', () => {
  it('is signed: positive when the tool reports more than the truth', () => {
    const error = tailErrorPct({ p99: 460, 'p99.9': 446.4 }, { p99: 451, 'p99.9': 496 });
    expect(error.p99).toBeCloseTo(1.9956, 3);
    expect(error['p99.9']).toBeCloseTo(-10, 9);
    expect(percentOff(990, 1000)).toBeCloseTo(-1, 9);
  });
});
