import { describe, expect, it } from 'vitest';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { serverPerTest, stallingHandler } from './support/test-server.js';

const startServer = serverPerTest();

function trend(result: Awaited<ReturnType<typeof readOnlyResult>>, metric: string) {
  const summary = result.summary.metrics[metric];
  if (summary?.kind !== 'trend') throw new Error(`${metric} is not a trend in the result`);
  return summary;
}

describe('latency without coordinated omission', () => {
  it('charges a server stall to every request planned during it, not only to those in flight', async () => {
    const stallMs = 400;
    let firstRequestAt = 0;
    const server = await startServer(stallingHandler(() => firstRequestAt, 1500, stallMs));
    server.server.prependListener('request', () => {
      firstRequestAt ||= Date.now();
    });
    const outDir = await tempDir();
    const outcome = await runCli([
      'run',
      scenarioFile('stall.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      outDir,
      '--workers',
      '1',
      '--quiet',
    ]);
    expect(outcome.code).toBe(0);
    const result = await readOnlyResult(outDir);
    const corrected = trend(result, 'http_req_duration');
    const uncorrected = trend(result, 'http_req_duration_uncorrected');
    // 80 of 800 requests (10%) are planned inside the 400 ms stall and wait out its remainder:
    // their latencies spread evenly over 0–400 ms, so p95 ≈ 200 ms and p99 ≈ 360 ms.
    expect(corrected.p95).toBeGreaterThan(120);
    expect(corrected.p99).toBeGreaterThan(280);
    expect(corrected.max).toBeGreaterThan(stallMs * 0.8);
    // Measured from the socket write, only the few requests in flight when the stall began
    // see it: the uncorrected view hides the stall from all but the top percentile.
    expect(uncorrected.p95).toBeLessThan(corrected.p95 / 3);
  });
});
