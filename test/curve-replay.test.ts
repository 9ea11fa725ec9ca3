import { describe, expect, it } from 'vitest';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { okAfter, serverPerTest } from './support/test-server.js';

const startServer = serverPerTest();

describe('curve-replay end to end', () => {
  it('starts the planned arrivals of a curve read from a CSV beside the scenario', async () => {
    const server = await startServer(okAfter());
    const validated = await runCli(['validate', scenarioFile('curve-replay.ts')]);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout).toMatch(/arrivals: curve-replay, runs 1\.5s/);
    const planned = Number(/(\d+) planned iterations/.exec(validated.stdout)?.[1]);
    expect(Math.abs(planned - 120)).toBeLessThanOrEqual(1);

    const outDir = await tempDir();
    const outcome = await runCli([
      'run',
      scenarioFile('curve-replay.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      outDir,
      '--quiet',
    ]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const result = await readOnlyResult(outDir);
    expect(result.summary.requests.find((row) => row.name === 'arrive')?.count).toBe(planned);
    expect(server.requests()).toBe(planned);
    expect(result.checks).toEqual([
      { workload: 'arrivals', name: 'arrival is 200', passes: planned, fails: 0 },
    ]);
  });
});
