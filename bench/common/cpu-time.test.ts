import { afterEach, describe, expect, it } from 'vitest';
import { parseChildTimes, runWithCpuTime } from './cpu-time.js';
import { ProcessGroup } from './process-group.js';

describe('parseChildTimes', () => {
  it("reads the children's line of bash's times as seconds", () => {
    expect(parseChildTimes('0m0.003s 0m0.001s\n1m3.070s 0m0.380s\n')).toEqual({
      userS: 63.07,
      sysS: 0.38,
      totalS: 63.45,
    });
  });

  it('rejects output in another form', () => {
    expect(() => parseChildTimes('real 0.1\n')).toThrow(/unexpected output of bash's times/);
  });
});

describe('runWithCpuTime', () => {
  const group = new ProcessGroup();
  afterEach(() => group.stopAll());

  it("measures the CPU a command burns and keeps the command's own stdout", async () => {
    const burn = 'const end = Date.now() + 300; while (Date.now() < end); console.log("done")';
    const outcome = await runWithCpuTime(group, [process.execPath, '-e', burn], {
      timeoutMs: 10_000,
    });
    expect(outcome.stdout).toBe('done\n');
    expect(outcome.cpu.totalS).toBeGreaterThanOrEqual(0.25);
    expect(outcome.cpu.totalS).toBeCloseTo(outcome.cpu.userS + outcome.cpu.sysS, 9);
  });

  it('fails with the exit code when the command fails', async () => {
    await expect(
      runWithCpuTime(group, [process.execPath, '-e', 'process.exit(3)'], { timeoutMs: 10_000 }),
    ).rejects.toThrow(/exited with code 3/);
  });
});
