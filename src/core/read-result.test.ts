import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRunResult } from '../../test/support/run-result-fixture.js';
import { LAUNCHDAY_VERSION } from './environment.js';
import { isLaunchdayError, type LaunchdayError } from './errors.js';
import { readResult } from './read-result.js';
import { RESULT_SCHEMA_VERSION } from './result.js';
import { RESULT_UPGRADES } from './result-upgrades.js';

const result = buildRunResult();
/** The result as a run writes it to disk (JSON drops undefined fields). */
const written = JSON.parse(JSON.stringify(result));
/** What a result written before version 2 reads as: no writes, no consistency check, no slices. */
const fromVersion1 = { ...written, writes: {}, consistency: null, slices: null };
/** What a version 2 result reads as: no slices. */
const fromVersion2 = { ...written, slices: null };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchday-read-result-'));
});

/** Writes `contents` (JSON unless a string) to a file of the test folder; returns its path. */
async function fileWith(name: string, contents: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof contents === 'string' ? contents : JSON.stringify(contents));
  return file;
}

/** `written` as version 1 laid it out, without the fields versions 2 and 3 added. */
function asVersion1(): Record<string, unknown> {
  const { writes, consistency, slices, ...v1 } = written;
  return { ...v1, schemaVersion: 1 };
}

/** `written` as version 2 laid it out, without the slices version 3 added. */
function asVersion2(): Record<string, unknown> {
  const { slices, ...v2 } = written;
  return { ...v2, schemaVersion: 2 };
}

/** The LaunchdayError `readResult` rejects with. */
async function failure(promise: Promise<unknown>): Promise<LaunchdayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isLaunchdayError(error)) throw new Error(`expected a LaunchdayError, got ${String(error)}`);
  return error;
}

describe('readResult', () => {
  it('reads back what a run wrote', async () => {
    const file = await fileWith('result.json', result);
    expect(await readResult(file)).toEqual(written);
  });

  it('says a file is missing', async () => {
    const error = await failure(readResult(join(dir, 'nope.json')));
    expect(error.code).toBe('LAUNCHDAY_ERR_USAGE');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('nope.json: there is no such file');
    expect(error.hint).toContain('result.json');
    const folder = await failure(readResult(dir));
    expect(folder.message).toContain('it is a folder; give the result.json in it');
  });

  it('says a file is not JSON', async () => {
    const error = await failure(readResult(await fileWith('cut.json', '{"schemaVersion": 1,')));
    expect(error.code).toBe('LAUNCHDAY_ERR_USAGE');
    expect(error.message).toMatch(/cut\.json is not valid JSON: /);
  });

  it('says JSON is not a launchday result, and what is wrong with one that looks like it', async () => {
    for (const contents of [[1, 2], { hello: 'world' }, null, { schemaVersion: '1' }]) {
      const error = await failure(readResult(await fileWith('other.json', contents)));
      expect(error.code).toBe('LAUNCHDAY_ERR_USAGE');
      expect(error.message).toBe(
        `${join(dir, 'other.json')} is not a launchday result: it has no schemaVersion`,
      );
    }
    const broken = {
      ...written,
      runId: 7,
      summary: { ...written.summary, requests: [{ name: 'x' }] },
    };
    const error = await failure(readResult(await fileWith('broken.json', broken)));
    expect(error.message).toContain('is not a launchday result');
    expect(error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['runId', 'summary.requests[0].count']),
    );
    const bare = await failure(readResult(await fileWith('bare.json', { schemaVersion: 1 })));
    expect(bare.issues).toHaveLength(11);
    expect(bare.issues[10]).toEqual({
      path: '…',
      message: expect.stringMatching(/^and \d+ more problems$/),
    });
  });

  it('names the launchday that wrote a newer result, as the version needed', async () => {
    const newer = {
      ...written,
      schemaVersion: 99,
      environment: { ...written.environment, launchdayVersion: '9.1.0' },
    };
    const error = await failure(readResult(await fileWith('newer.json', newer)));
    expect(error.code).toBe('LAUNCHDAY_ERR_RESULT_VERSION');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('schemaVersion 99, written by launchday 9.1.0');
    expect(error.message).toContain(
      `launchday ${LAUNCHDAY_VERSION} reads result schemaVersion ${RESULT_SCHEMA_VERSION} and older`,
    );
    expect(error.hint).toContain('launchday 9.1.0 or later');
    const anonymous = await failure(
      readResult(await fileWith('anon.json', { schemaVersion: RESULT_SCHEMA_VERSION + 1 })),
    );
    expect(anonymous.message).toContain('written by a newer launchday');
  });

  it('upgrades an older result through the chain, and refuses one the chain does not reach', async () => {
    // A made-up version 0 that called the run id `id`.
    const { runId, ...rest } = asVersion1();
    const old = await fileWith('v0.json', { ...rest, schemaVersion: 0, id: runId });
    const upgrades = {
      ...RESULT_UPGRADES,
      0: ({ id, ...others }: Record<string, unknown>) => ({ ...others, runId: id }),
    };
    expect(await readResult(old, upgrades)).toEqual(fromVersion1);
    const error = await failure(readResult(old));
    expect(error.code).toBe('LAUNCHDAY_ERR_RESULT_VERSION');
    expect(error.message).toContain('schemaVersion 0; launchday');
    expect(error.message).toContain(`reads result schemaVersion 1 to ${RESULT_SCHEMA_VERSION}`);
  });

  it('reads a version 1 result as one without writes and without a consistency check', async () => {
    const read = await readResult(await fileWith('v1.json', asVersion1()));
    expect(read).toEqual(fromVersion1);
    expect(read.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
  });

  it('reads a version 2 result as one without slices', async () => {
    const read = await readResult(await fileWith('v2.json', asVersion2()));
    expect(read).toEqual(fromVersion2);
    expect(read.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
  });

  it('says what is wrong with the slices of a result', async () => {
    const broken = {
      ...written,
      slices: {
        count: 2,
        series: [
          { metric: 'http_reqs', tags: {}, kind: 'counter', counts: [1, -1] },
          { metric: 'http_req_duration', tags: {}, kind: 'trend', histograms: [3, null] },
        ],
      },
    };
    const error = await failure(readResult(await fileWith('slices.json', broken)));
    expect(error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['slices.series[0].counts[1]', 'slices.series[1].histograms[0]']),
    );
  });

  it('says what is wrong with the writes and the consistency check of a result', async () => {
    const broken = {
      ...written,
      status: 'lost-data',
      writes: { users: { count: -1, sample: [7] } },
      consistency: { ok: 'yes' },
    };
    const error = await failure(readResult(await fileWith('writes.json', broken)));
    expect(error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        'status',
        'writes.users.count',
        'writes.users.sample[0]',
        'consistency.ok',
        'consistency.kinds',
      ]),
    );
  });
});
