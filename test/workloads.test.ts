import { describe, expect, it } from 'vitest';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { serverPerTest } from './support/test-server.js';

const startServer = serverPerTest();

describe('several workloads in one scenario', () => {
  it('run at the same time, each on its own executor, start time and tags', async () => {
    const signupsAt: number[] = [];
    const authorizations = new Set<string | undefined>();
    const startedAt = Date.now();
    const server = await startServer((req, res) => {
      if (req.url === '/signup') signupsAt.push(Date.now() - startedAt);
      else authorizations.add(req.headers.authorization);
      res.writeHead(req.url === '/signup' ? 201 : 200);
      res.end();
    });
    const outDir = await tempDir();
    const outcome = await runCli([
      'run',
      scenarioFile('two-workloads.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      outDir,
      '--quiet',
      '--seed',
      '3',
    ]);
    expect(outcome.code).toBe(0);
    const result = await readOnlyResult(outDir);
    const rows = Object.fromEntries(result.summary.requests.map((row) => [row.name, row.count]));
    expect(rows.signup).toBe(50);
    expect(rows.browse).toBeGreaterThan(20);
    expect([...authorizations]).toEqual(['from-setup']);
    // The signups began no earlier than their startTime, while the browsers were running.
    const firstSignupSecond = result.intervals.findIndex(
      (point) => (point.workloads.signups?.started ?? 0) > 0,
    );
    expect(firstSignupSecond).toBe(1);
    expect(result.intervals[1]?.workloads.browsers?.vus).toBe(2);
    const signupSeries = result.series.filter(
      (series) => series.metric === 'http_reqs' && series.tags.name === 'signup',
    );
    expect(
      signupSeries.every(
        (series) => series.tags.flow === 'signup' && series.tags.scenario === 'signups',
      ),
    ).toBe(true);
    expect(result.checks).toEqual([
      { workload: 'signups', name: 'signup accepted', passes: 50, fails: 0 },
    ]);
    expect(signupsAt.length).toBe(50);
  });
});
