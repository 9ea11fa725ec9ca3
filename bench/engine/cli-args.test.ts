import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './cli-args.js';

const now = new Date('2025-01-31T12:34:56.789Z');

describe('parseBenchArgs', () => {
  it('runs every part for 600 s of memory into a dated file by default', () => {
    const options = parseBenchArgs([], now);
    expect(options).toMatchObject({
      parts: ['cost', 'accuracy', 'memory', 'hostile'],
      memorySeconds: 600,
    });
    expect(options !== 'help' && options.outFile).toMatch(
      /bench\/results\/engine-2025-01-31T12-34-56\.json$/,
    );
  });

  it('takes one part, a memory length and an output file', () => {
    expect(
      parseBenchArgs(['--only', 'memory', '--memory-seconds', '90', '--out', '/tmp/x.json'], now),
    ).toEqual({
      parts: ['memory'],
      memorySeconds: 90,
      outFile: '/tmp/x.json',
    });
  });

  it('names every bad flag in one usage error', () => {
    try {
      parseBenchArgs(['--only', 'speed', '--memory-seconds', '5'], now);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'LAUNCHDAY_ERR_USAGE', exitCode: 2 });
      expect((error as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toEqual([
        '--only',
        '--memory-seconds',
      ]);
    }
  });

  it('rejects unknown flags as usage errors', () => {
    expect(() => parseBenchArgs(['--fast'], now)).toThrow(
      expect.objectContaining({ code: 'LAUNCHDAY_ERR_USAGE' }),
    );
  });

  it('answers help', () => {
    expect(parseBenchArgs(['--help'], now)).toBe('help');
  });
});
