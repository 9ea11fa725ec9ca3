import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/core/result.js';
import { readOnlyResult, runCli, tempDir } from './support/cli.js';
import { adminStats, startSeededTarget, type TargetProcess } from './support/target-process.js';

/** Seeded accounts of the test target: enough for smoke's 30 imported follows and a cursor. */
const USERS = 200;

let target: TargetProcess;

beforeAll(async () => {
  // A generous queue budget: a CI machine busy with other tests must not make the target shed
  // these light runs, whose checks must all pass.
  target = await startSeededTarget(USERS, ['--queue-budget-ms', '5000']);
});

afterAll(async () => {
  await target?.stop('SIGTERM');
});

/** A scenario of scenarios/, the files users run. */
function scenario(name: string): string {
  return new URL(`../scenarios/${name}`, import.meta.url).pathname;
}

interface Stats {
  users: number;
  posts: number;
}

async function stats(): Promise<Stats> {
  return adminStats(target.url);
}

/** Runs a scenario of scenarios/ against the test target; its result and the stats' change. */
async function runScenario(
  name: string,
  params: Record<string, string | number>,
): Promise<{ result: RunResult; added: Stats }> {
  const before = await stats();
  const outDir = await tempDir();
  const paramArgs = Object.entries(params).flatMap(([key, value]) => [
    '--param',
    `${key}=${value}`,
  ]);
  const outcome = await runCli([
    'run',
    scenario(name),
    '--base-url',
    target.url,
    '--out-dir',
    outDir,
    '--workers',
    '1',
    '--seed',
    '5',
    '--quiet',
    ...paramArgs,
  ]);
  const result = await readOnlyResult(outDir);
  expect(outcome.code, outcome.stdout + outcome.stderr).toBe(result.status === 'passed' ? 0 : 3);
  const after = await stats();
  return {
    result,
    added: { users: after.users - before.users, posts: after.posts - before.posts },
  };
}

/**
 * The run passed its checks with no failed request, no journey error, nothing dropped. Only a
 * latency threshold may fail, on a machine busy with other tests.
 */
function expectClean(result: RunResult): void {
  const failed = result.thresholds.filter(
    (t) => !t.ok && !t.metric.startsWith('http_req_duration'),
  );
  expect(failed).toEqual([]);
  expect(result.checks.filter((check) => check.fails > 0)).toEqual([]);
  expect(result.summary.metrics.checks).toMatchObject({ kind: 'rate', rate: 1 });
  expect(result.summary.metrics.http_req_failed).toMatchObject({ kind: 'rate', rate: 0 });
  expect(result.journeyErrors).toEqual([]);
  expect(result.summary.metrics.dropped_iterations ?? { count: 0 }).toMatchObject({ count: 0 });
}

function count(result: RunResult, name: string): number {
  return result.summary.requests.find((row) => row.name === name)?.count ?? 0;
}

describe('the launch-day scenarios against the reference feed service', () => {
  it('signup-spike signs users up along its ramp, and the target holds every one', async () => {
    const { result, added } = await runScenario('signup-spike.ts', {
      peak: 20,
      ramp: '1s',
      plateau: '2s',
      decay: '1s',
      users: USERS,
      follows: 10,
      followsMax: 100,
      think: 0.2,
      postChance: 0.5,
      replayChance: 0.2,
    });
    expectClean(result);
    // At 20/s: 10 over the 1 s ramp, 40 on the plateau, 12 over the 1 s decay to 20%.
    expect(count(result, 'signup')).toBe(62);
    expect(count(result, 'signup replay')).toBeGreaterThan(0);
    expect(count(result, 'feed again')).toBe(count(result, 'signup'));
    expect(count(result, 'post')).toBeGreaterThan(0);
    expect(added).toEqual({ users: count(result, 'signup'), posts: count(result, 'post') });
  });

  it('read-heavy-feed serves the action mix to seeded accounts', async () => {
    const { result, added } = await runScenario('read-heavy-feed.ts', {
      rate: 50,
      duration: '3s',
      users: USERS,
      accounts: 20,
      post: 20,
    });
    expectClean(result);
    expect(result.summary.metrics.iterations).toMatchObject({ count: 150 });
    for (const name of ['feed', 'profile', 'like', 'post']) {
      expect(count(result, name), name).toBeGreaterThan(0);
    }
    expect(added).toEqual({ users: 0, posts: count(result, 'post') });
  });

  it('smoke calls every endpoint once and passes every check', async () => {
    const { result, added } = await runScenario('smoke.ts', {});
    expectClean(result);
    expect(result.summary.metrics.iterations).toMatchObject({ count: 1 });
    const names = result.summary.requests.map((row) => row.name).sort();
    expect(names).toEqual(
      [
        'healthz',
        'readyz',
        'metrics',
        'signup',
        'signup replay',
        'login',
        'me',
        'post',
        'like',
        'unlike',
        'profile',
        'profile posts',
        'delete post',
        'follow',
        'unfollow',
        'feed',
        'feed next page',
      ].sort(),
    );
    // Two posts written, one of them deleted.
    expect(added).toEqual({ users: 1, posts: 1 });
  });
});

describe('bad scenario parameters', () => {
  const zeroMix = ['feed', 'profile', 'like', 'post', 'follow'].flatMap((name) => [
    '--param',
    `${name}=0`,
  ]);

  it('name the parameter and its allowed values, exit 2', async () => {
    const [spike, smoke, feed] = await Promise.all([
      runCli([
        'validate',
        scenario('signup-spike.ts'),
        '--param',
        'peak=0',
        '-p',
        'followsMax=9000',
      ]),
      runCli(['validate', scenario('smoke.ts'), '--param', 'follows=many']),
      runCli(['validate', scenario('read-heavy-feed.ts'), ...zeroMix]),
    ]);
    expect(spike.code).toBe(2);
    expect(spike.stderr).toContain("--param peak: got '0', expected a number from 0.1 to 100000");
    expect(spike.stderr).toContain(
      "--param followsMax: got '9000', expected an integer from 0 to 5000",
    );
    expect(smoke.code).toBe(2);
    expect(smoke.stderr).toContain(
      "--param follows: got 'many', expected an integer from 1 to 1000",
    );
    expect(feed.code).toBe(2);
    expect(feed.stderr).toMatch(/--param feed, profile, like, post, follow: .*all 0/);
  });
});
