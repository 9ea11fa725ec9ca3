import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, readOnlyResult, scenarioFile, startCli, tempDir } from './support/cli.js';
import { okAfter, serverPerTest } from './support/test-server.js';

const startServer = serverPerTest();

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('SIGINT', () => {
  it('stops scheduling, waits for in-flight work, writes the partial result and exits 130', async () => {
    const server = await startServer(okAfter(300));
    const outDir = await tempDir();
    const child = startCli([
      'run',
      scenarioFile('constant-rate.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      outDir,
      '--param',
      'duration=60s',
      '--quiet',
    ]);
    const outcome = finished(child);
    await waitFor(() => server.requests() >= 100, 15_000);
    child.kill('SIGINT');
    const { code, stdout, stderr } = await outcome;
    expect(stderr).toContain('stopping');
    expect(code).toBe(130);
    const result = await readOnlyResult(outDir);
    expect(result.status).toBe('interrupted');
    // The reports are written for the partial result too.
    expect(stdout).toContain('report: ');
    const markdown = await readFile(join(outDir, result.runId, 'report.md'), 'utf8');
    expect(markdown.split('\n')[0]).toBe('## ⚠️ Interrupted: constant-rate');
    expect(markdown).toContain('Stopped early: interrupted (SIGINT).');
    for (const file of ['report.html', 'junit.xml']) {
      expect((await stat(join(outDir, result.runId, file))).size).toBeGreaterThan(0);
    }
    expect(result.durationMs).toBeLessThan(20_000);
    const hello = result.summary.requests.find((row) => row.name === 'hello');
    // In-flight requests (each takes 300 ms) were allowed to finish: none was cut off.
    expect(hello?.failed).toBe(0);
    expect(hello?.count).toBe(server.requests());
  });

  it('exits at once on a second SIGINT', async () => {
    const server = await startServer(okAfter(5_000));
    const outDir = await tempDir();
    const child = startCli([
      'run',
      scenarioFile('constant-rate.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      outDir,
      '--param',
      'duration=60s',
      '--param',
      'gracefulStop=60s',
      '--quiet',
    ]);
    const outcome = finished(child);
    await waitFor(() => server.requests() >= 20, 15_000);
    const started = Date.now();
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGINT');
    const { code } = await outcome;
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
