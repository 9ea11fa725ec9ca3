import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForecast } from './load-forecast.js';

describe('loadForecast', () => {
  let dir: string;
  const valid = {
    demand: { kind: 'signup-curve', total: 1e6, requestsPerSignup: { signup: 1, feed: 2 } },
    intent: { utilisation: 0.7, redundancy: 1, burst: 1.5 },
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchday-forecast-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  async function failure(path: string): Promise<Record<string, unknown>> {
    return loadForecast(path).then(
      () => expect.fail('loadForecast should have thrown'),
      (error: unknown) => error as Record<string, unknown>,
    );
  }

  it('reads a JSON file', async () => {
    expect(await loadForecast(await file('ok.json', JSON.stringify(valid)))).toEqual(valid);
  });

  it("reads a TypeScript module's default export, bundled", async () => {
    const path = await file(
      'forecast.ts',
      [
        "import type { Forecast } from 'launchday';",
        'const perDay: number = 5e6;',
        'export default {',
        "  demand: { kind: 'daily-active', dailyActiveUsers: perDay, sessionMinutes: 20, peakFactor: 3, requestsPerMinute: { feed: 4 } },",
        '  intent: { utilisation: 0.6, redundancy: 2, burst: 1 },',
        '} satisfies Forecast;',
      ].join('\n'),
    );
    expect(await loadForecast(path)).toEqual({
      demand: {
        kind: 'daily-active',
        dailyActiveUsers: 5e6,
        sessionMinutes: 20,
        peakFactor: 3,
        requestsPerMinute: { feed: 4 },
      },
      intent: { utilisation: 0.6, redundancy: 2, burst: 1 },
    });
  });

  it('reports every problem with its path, naming the file', async () => {
    const bad = {
      demand: {
        kind: 'signup-curve',
        curve: [
          [0, 0],
          [2, 5],
          [2, 4],
        ],
        total: -1,
        requestsPerSignup: { signup: 0 },
        extra: true,
      },
      intent: { utilisation: 1.2, redundancy: 0.5, burst: 0.9 },
    };
    const path = await file('bad.json', JSON.stringify(bad));
    const error = await failure(path);
    expect(error).toMatchObject({
      code: 'LAUNCHDAY_ERR_INVALID_CONFIG',
      message: `forecast ${path} is invalid (8 problems)`,
    });
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'demand.extra', message: 'is not a known key' },
        { path: 'demand.curve[2][0]', message: 'must be after 2: hours strictly increase' },
        {
          path: 'demand.curve[2][1]',
          message: 'must not be below 5: a cumulative curve never falls',
        },
        { path: 'demand.total', message: 'must be greater than 0' },
        {
          path: 'demand.requestsPerSignup',
          message: 'must give at least one request name a rate above 0',
        },
        { path: 'intent.utilisation', message: 'must be at most 1 (a share, e.g. 0.7)' },
        { path: 'intent.redundancy', message: 'must be a whole number' },
        { path: 'intent.burst', message: 'must be at least 1' },
      ]),
    );
  });

  it('names a missing key, a wrong type and an unknown demand kind', async () => {
    const noTotal = await failure(
      await file(
        'no-total.json',
        JSON.stringify({
          ...valid,
          demand: { ...valid.demand, total: 'many', requestsPerSignup: undefined },
        }),
      ),
    );
    expect(noTotal.issues).toEqual([
      { path: 'demand.total', message: 'must be a number' },
      { path: 'demand.requestsPerSignup', message: 'is required' },
    ]);
    expect((await failure(await file('list.json', '[]'))).issues).toEqual([
      { path: '(forecast)', message: 'must be an object { demand, intent }' },
    ]);
    const noIntent = await failure(await file('no-intent.json', '{"demand":{"kind":"x"}}'));
    expect(noIntent.issues).toEqual([
      { path: 'demand.kind', message: "must have kind 'signup-curve' or 'daily-active'" },
      { path: 'intent', message: 'is required' },
    ]);
  });

  it('rejects a missing file, bad JSON, an unknown extension and a module without default', async () => {
    expect(await failure(join(dir, 'none.json'))).toMatchObject({
      code: 'LAUNCHDAY_ERR_INVALID_CONFIG',
      message: expect.stringContaining('none.json is not a file'),
    });
    expect(await failure(await file('broken.json', '{ "demand": '))).toMatchObject({
      message: expect.stringMatching(/broken\.json is not valid JSON/),
    });
    expect(await failure(await file('forecast.yaml', 'demand: {}'))).toMatchObject({
      message: expect.stringContaining("has the extension '.yaml'"),
    });
    expect(await failure(await file('named.ts', 'export const forecast = {};'))).toMatchObject({
      message: expect.stringContaining('named.ts has no default export'),
    });
  });
});
