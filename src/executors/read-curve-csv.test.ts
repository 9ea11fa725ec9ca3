import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLaunchdayError } from '../core/errors.js';
import { readCurveCsv } from './read-curve-csv.js';

const COLUMNS = { time: 'hour', cumulative: 'total' };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchday-curve-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function csv(text: string): Promise<string> {
  const file = join(dir, 'curve.csv');
  await writeFile(file, text);
  return file;
}

function problems(file: string, options = COLUMNS): string[] {
  try {
    readCurveCsv(file, options);
  } catch (error) {
    if (isLaunchdayError(error) && error.code === 'LAUNCHDAY_ERR_SCENARIO_LOAD') {
      return error.issues.map((issue) => `${issue.path.replace(dir, '')} ${issue.message}`);
    }
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('readCurveCsv', () => {
  it('reads the Threads curve by column name, in millions, sources and comments skipped', () => {
    const points = readCurveCsv(
      new URL('../../scenarios/data/threads-launch-signups.csv', import.meta.url),
      { time: 'hours_since_launch', cumulative: 'cumulative_signups_millions', multiplier: 1e6 },
    );
    expect(points).toHaveLength(9);
    expect(points[0]).toEqual([1, 1e6]);
    expect(points[4]).toEqual([7, 10e6]);
    expect(points.at(-1)).toEqual([102, 100e6]);
  });

  it('takes quoted fields, CRLF lines, blank lines and columns in any order', async () => {
    const file = await csv(
      '# a comment\r\nnote,total,hour\r\n"a, ""quoted"" note",0,0\r\n\r\n  # another\r\nplain,2.5,1\r\n',
    );
    expect(readCurveCsv(file, { ...COLUMNS, multiplier: 1000 })).toEqual([
      [0, 0],
      [1, 2500],
    ]);
  });

  it('names a missing column and lists the columns there are', async () => {
    const file = await csv('# c\nhour,count\n0,0\n1,1\n');
    expect(problems(file)).toEqual([
      "/curve.csv:2 has no column 'total'; its columns: hour, count",
    ]);
  });

  it('names every bad value at its line and column', async () => {
    const file = await csv('hour,total\n0,0\n1,ten\n,3\n4\n"5,6\n');
    expect(problems(file)).toEqual([
      '/curve.csv:6:1 has a quote that is never closed',
      "/curve.csv:3:3 total: 'ten' is not a number",
      "/curve.csv:4:1 hour: '' is not a number",
      "/curve.csv:5:2 has no value for column 'total'",
      "/curve.csv:6:1 hour: '5,6' is not a number",
      "/curve.csv:6:4 has no value for column 'total'",
    ]);
  });

  it('refuses times that do not increase and cumulatives that fall', async () => {
    const file = await csv('hour,total\n0,5\n1,4\n1,6\n');
    expect(problems(file)).toEqual([
      '/curve.csv:3 total falls below the line before it: a cumulative curve never falls',
      '/curve.csv:4 hour 1 is not after 1',
    ]);
  });

  it('refuses a missing file, an empty one and a single point', async () => {
    expect(problems(join(dir, 'none.csv'))).toEqual(['/none.csv cannot be read (ENOENT)']);
    expect(problems(await csv('# only a comment\n'))).toEqual(['/curve.csv has no header line']);
    expect(problems(await csv('hour,total\n0,1\n'))).toEqual([
      '/curve.csv has 1 data lines; a curve needs at least 2',
    ]);
    expect(
      problems(await csv('hour,total\n0,1\n1,2\n'), { ...COLUMNS, multiplier: 0 } as never),
    ).toEqual(['multiplier must be a number greater than 0']);
  });
});
