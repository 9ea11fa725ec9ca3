import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scenarioFile, tempDir } from './support/cli.js';

describe('bad input gets a clear error and exit code 2', () => {
  it('reports every problem of an invalid scenario with its path', async () => {
    const { code, stderr } = await runCli(['validate', scenarioFile('invalid-executor.ts')]);
    expect(code).toBe(2);
    expect(stderr).toContain('LAUNCHDAY_ERR_INVALID_CONFIG');
    expect(stderr).toContain('workloads.readers.executor.rate');
    expect(stderr).toContain('workloads.readers.executor.duration');
    expect(stderr).toContain('maxInFlite');
    expect(stderr).toContain('http_req_duraton');
    expect(stderr).toMatch(/thresholds\["http_req_failed"\]/);
    expect(stderr).toContain('hint:');
  });

  it('names a bad --param and its allowed values', async () => {
    const { code, stderr } = await runCli([
      'validate',
      scenarioFile('constant-rate.ts'),
      '--param',
      'rate=fast',
      '--param',
      'arrivals=bursty',
      '--param',
      'nope=1',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--param rate');
    expect(stderr).toMatch(/--param arrivals.*uniform.*poisson/);
    expect(stderr).toContain('--param nope');
    // Only the parameters are named: the workloads, checked with the defaults, are fine.
    expect(stderr).not.toContain('workloads');
  });

  it('names a bad --max-memory, and LAUNCHDAY_MAX_MEMORY, and how to write a size', async () => {
    const args = ['validate', scenarioFile('constant-rate.ts')];
    const flagged = await runCli([...args, '--max-memory', 'lots']);
    expect(flagged.code).toBe(2);
    expect(flagged.stderr).toContain("options.maxMemory: 'lots' is not a size");
    expect(flagged.stderr).toContain("e.g. 65536, '10MB' or '64KiB'");
    const fromEnv = await runCli(args, { LAUNCHDAY_MAX_MEMORY: '2 parsecs' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain("options.maxMemory: '2 parsecs' is not a size");
  });

  it('refuses a non-loopback target unless --allow-host names it', async () => {
    const { code, stderr } = await runCli([
      'run',
      scenarioFile('constant-rate.ts'),
      '--base-url',
      'http://192.0.2.10:8080',
      '--quiet',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('192.0.2.10 is not loopback');
    expect(stderr).toContain('--allow-host 192.0.2.10');
  });

  it('takes the allowed hosts from LAUNCHDAY_ALLOW_HOSTS when no --allow-host is given', async () => {
    const args = ['validate', scenarioFile('constant-rate.ts'), '--base-url', 'http://192.0.2.10'];
    const allowed = await runCli(args, { LAUNCHDAY_ALLOW_HOSTS: '192.0.2.10' });
    expect(allowed.code, allowed.stderr).toBe(0);
    const remoteWrite = await runCli([...args, '--out', 'prometheus-rw=http://192.0.2.10/write'], {
      LAUNCHDAY_ALLOW_HOSTS: '192.0.2.10',
    });
    expect(remoteWrite.code, remoteWrite.stderr).toBe(0);
    const other = await runCli([...args, '--out', 'prometheus-rw=http://192.0.2.11/write'], {
      LAUNCHDAY_ALLOW_HOSTS: '192.0.2.10',
    });
    expect([other.code, other.stderr]).toEqual([2, expect.stringContaining('192.0.2.11')]);
  });

  it('fails fast, before any load, when the target is unreachable', async () => {
    const started = Date.now();
    const { code, stderr } = await runCli([
      'run',
      scenarioFile('constant-rate.ts'),
      '--base-url',
      'http://127.0.0.1:9',
      '--quiet',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('LAUNCHDAY_ERR_TARGET_UNREACHABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('points at the line of a syntax error and at a missing file', async () => {
    const dir = await tempDir();
    const broken = join(dir, 'broken.ts');
    await writeFile(
      broken,
      "import { defineScenario } from 'launchday';\nexport default defineScenario({ name: 'x', \n",
    );
    const syntax = await runCli(['validate', broken]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/broken\.ts:\d+:\d+/);
    const missing = await runCli(['validate', join(dir, 'nope.ts')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.ts');
  });
});
