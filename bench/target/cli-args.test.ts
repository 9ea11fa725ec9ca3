import { describe, expect, it } from 'vitest';
import { parseTargetBenchArgs } from './cli-args.js';

const now = new Date('2025-01-31T12:34:56.789Z');

describe('parseTargetBenchArgs', () => {
  it('measures SQLite at one process by default', () => {
    expect(parseTargetBenchArgs([], now)).toMatchObject({
      stores: ['sqlite'],
      processes: [1],
      users: 100_000,
      seconds: 15,
    });
  });

  it('with --store postgres, measures PostgreSQL beside SQLite at 1, 2 and 4 processes', () => {
    expect(parseTargetBenchArgs(['--store', 'postgres'], now)).toMatchObject({
      stores: ['sqlite', 'postgres'],
      processes: [1, 2, 4],
    });
  });

  it('takes the process counts as a list, sorted', () => {
    expect(
      parseTargetBenchArgs(['--store', 'postgres', '--processes', '3, 1,2'], now),
    ).toMatchObject({ processes: [1, 2, 3] });
  });

  it('names every bad flag in one usage error', () => {
    try {
      parseTargetBenchArgs(['--store', 'mysql', '--processes', '1,1,0'], now);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'LAUNCHDAY_ERR_USAGE', exitCode: 2 });
      const issues = (error as { issues: { path: string; message: string }[] }).issues;
      expect(issues.map((issue) => issue.path)).toEqual(['--store', '--processes']);
      expect(issues[0]!.message).toBe("must be one of sqlite, postgres; got 'mysql'");
      expect(issues[1]!.message).toMatch(/distinct whole numbers from 1 to 64.*got '1,1,0'/);
    }
  });
});
