import { fitUsl } from 'launchday';
import { describe, expect, it } from 'vitest';
import { contention, fitScaling } from './scaling.js';
import type { PhaseResult } from './types.js';

/** A phase result with what the scaling reads; the rest is filler. */
function point(
  processes: number,
  requestsPerSecond: number,
  serverSideCores: number,
  databaseCpuShare = 0,
  store: PhaseResult['store'] = 'postgres',
  phase: PhaseResult['phase'] = 'signup',
): PhaseResult {
  return {
    phase,
    store,
    processes,
    requests: requestsPerSecond * 15,
    failed: 0,
    errors: {},
    requestsPerSecond,
    p50: 1,
    p99: 2,
    serverCpuUsPerRequest: 100,
    databaseCpuUsPerRequest: 50,
    databaseCpuShare,
    serverSideCores,
  };
}

describe('contention', () => {
  it('names the CPU when the server side was saturated at the most processes', () => {
    const text = contention('postgres', [point(1, 200, 0.85, 0.2), point(4, 180, 0.99, 0.31)], 1);
    expect(text).toBe(
      'throughput ×0.90 for ×4 the processes; the server side used 0.85–0.99 of its 1 core, the database taking up to 31% of it: the CPU contends, so σ and κ measure processes sharing it, not a lock.',
    );
  });

  it("names the store's waits when throughput stayed flat with the CPU idle", () => {
    const text = contention(
      'sqlite',
      [point(1, 100, 0.3), point(2, 110, 0.35), point(4, 120, 0.4)],
      4,
    );
    expect(text).toMatch(
      /×1\.20 for ×4 the processes while the server side used 0\.30–0\.40 of its 4 cores: a wait contends, not the CPU — SQLite's one writer/,
    );
  });

  it('says so when the processes scaled', () => {
    const text = contention('postgres', [point(1, 100, 0.9), point(2, 195, 1.8)], 4);
    expect(text).toMatch(
      /×1\.95 for ×2 the processes, the server side using 0\.90–1\.80 of its 4 cores: little contention/,
    );
  });
});

describe('fitScaling', () => {
  it('fits each store and phase measured at two process counts or more, and no other', () => {
    const phases = [
      point(1, 1000, 0.5, 0, 'sqlite', 'feed'),
      point(1, 600, 0.5, 0.3, 'postgres', 'feed'),
      point(2, 1150, 0.9, 0.3, 'postgres', 'feed'),
      point(4, 1200, 0.95, 0.3, 'postgres', 'feed'),
      point(1, 50, 0.5, 0, null, 'constant'),
    ];
    const fits = fitScaling(phases, 1);
    expect(fits.map((fit) => [fit.store, fit.phase])).toEqual([['postgres', 'feed']]);
    const expected = fitUsl([
      { concurrency: 1, throughput: 600 },
      { concurrency: 2, throughput: 1150 },
      { concurrency: 4, throughput: 1200 },
    ]);
    expect(fits[0]).toMatchObject({
      lambda: expected.lambda,
      sigma: expected.sigma,
      kappa: expected.kappa,
      warnings: expected.warnings,
    });
    expect(expected.warnings).toContain(
      'only 3 points: the fit has 3 parameters and needs at least 4.',
    );
  });
});
