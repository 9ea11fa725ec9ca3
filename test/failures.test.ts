import { describe, expect, it } from 'vitest';
import { closedPort } from '../src/http/test-support.js';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { serverPerTest } from './support/test-server.js';

const startServer = serverPerTest();

describe('failures are data', () => {
  it('classifies resets, timeouts, refused connections, 4xx and 5xx and keeps running', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/reset') req.socket.destroy();
      else if (req.url === '/hang') return;
      else {
        res.writeHead(req.url === '/missing' ? 404 : 503);
        res.end();
      }
    });
    const outDir = await tempDir();
    const port = await closedPort();
    const outcome = await runCli([
      'run',
      scenarioFile('failures.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      outDir,
      '--param',
      `closedPort=${port}`,
      '--quiet',
    ]);
    expect(outcome.code).toBe(0);
    const result = await readOnlyResult(outDir);
    const errors = Object.fromEntries(result.summary.requests.map((row) => [row.name, row.errors]));
    expect(Object.keys(errors.reset ?? {})).toEqual(['reset']);
    expect(Object.keys(errors.hang ?? {})).toEqual(['timeout']);
    expect(Object.keys(errors.missing ?? {})).toEqual(['http_4xx']);
    expect(Object.keys(errors.broken ?? {})).toEqual(['http_5xx']);
    expect(Object.keys(errors.refused ?? {})).toEqual(['connect']);
    expect(result.journeyErrors[0]).toContain('journey failed on purpose');
    const iterations = result.summary.metrics.iterations;
    expect(iterations?.kind === 'counter' && iterations.count).toBeGreaterThanOrEqual(1);
  });
});
