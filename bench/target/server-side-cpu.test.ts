import { describe, expect, it } from 'vitest';
import { cpuWithin } from './server-side-cpu.js';

const samples = [
  { atMs: 1000, server: 1, database: 0.5 },
  { atMs: 1250, server: 1.2, database: 0.6 },
  { atMs: 1500, server: 1.4, database: 0.7 },
  { atMs: 1750, server: 1.7, database: 0.8 },
];

describe('cpuWithin', () => {
  it('takes the CPU between the first and the last sample inside the window', () => {
    const cpu = cpuWithin(samples, 1100, 1800);
    expect(cpu.seconds).toBeCloseTo(0.5, 9);
    expect(cpu.server).toBeCloseTo(0.5, 9);
    expect(cpu.database).toBeCloseTo(0.2, 9);
  });

  it('refuses a window holding fewer than two samples', () => {
    expect(() => cpuWithin(samples, 1300, 1600)).toThrow(
      'fewer than two CPU samples fell within the load (1 of 4): the phase is too short to measure',
    );
  });
});
