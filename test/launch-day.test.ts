import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlyResult, runCli, tempDir } from './support/cli.js';
import {
  adminStats,
  requestJson,
  startSeededTarget,
  type TargetProcess,
} from './support/target-process.js';

const USERS = 200;
const SCENARIO = new URL('../scenarios/launch-day.ts', import.meta.url).pathname;
// The 102 hours of the curve in 4 s; 100 of its 100 million sign-ups.
const PARAMS = {
  compress: 91_800,
  scale: 1e-6,
  readsPerUser: 0.01,
  users: USERS,
  accounts: 20,
  follows: 5,
  followsMax: 50,
  celebrity: 'celebrity_test',
  celebrityHour: 20,
  fans: 0.5,
};
const paramArgs = Object.entries(PARAMS).flatMap(([key, value]) => ['--param', `${key}=${value}`]);

let target: TargetProcess;

beforeAll(async () => {
  target = await startSeededTarget(USERS);
});

afterAll(async () => {
  await target?.stop('SIGTERM');
});

async function stats(): Promise<{ users: number; pendingFollows: number }> {
  return adminStats(target.url);
}

/** The id of `username`, looked up among the accounts with ids `from`…`to`. */
async function findUser(username: string, from: number, to: number): Promise<number> {
  for (let id = from; id <= to; id++) {
    if ((await requestJson(`${target.url}/v1/users/${id}`)).body?.username === username) return id;
  }
  throw new Error(`no account ${username} among ids ${from} to ${to}`);
}

describe('scenarios/launch-day.ts', () => {
  it('validates and prints the plan of its three workloads', async () => {
    const outcome = await runCli(['validate', SCENARIO, ...paramArgs]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/signups: curve-replay, runs 4s/);
    expect(outcome.stdout).toMatch(/returning: ramping-arrival-rate/);
    expect(outcome.stdout).toMatch(/celebrity: constant-arrival-rate, starts at 784ms/);
    const planned = Number(/(\d+) planned iterations/.exec(outcome.stdout)?.[1]);
    expect(Math.abs(planned - 100)).toBeLessThanOrEqual(1);
  });

  it('fits the curve into --param duration when no compress is given', async () => {
    const outcome = await runCli(['validate', SCENARIO, '--param', 'duration=8s']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/signups: curve-replay, runs 8s/);
    expect(outcome.stdout).toMatch(/celebrity: constant-arrival-rate, starts at 1.6s/);
  });

  it('names a bad parameter and its allowed values', async () => {
    const outcome = await runCli(['validate', SCENARIO, '--param', 'celebrityHour=200']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/--param celebrityHour.*from 0 to 102/);
  });

  it('replays the curve against a seeded target: checks pass, the celebrity gets its fans', async () => {
    const before = await stats();
    const outDir = await tempDir();
    const outcome = await runCli([
      'run',
      SCENARIO,
      '--base-url',
      target.url,
      '--out-dir',
      outDir,
      '--seed',
      '7',
      '--quiet',
      ...paramArgs,
    ]);
    const result = await readOnlyResult(outDir);
    // Latency thresholds may fail on a busy machine; the exit code must say which.
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(result.status === 'passed' ? 0 : 3);
    expect(result.checks.filter((check) => check.fails > 0)).toEqual([]);
    expect(result.journeyErrors).toEqual([]);
    const count = (name: string) => result.summary.requests.find((r) => r.name === name)?.count;
    const signups = count('signup') ?? 0;
    expect(Math.abs(signups - 100)).toBeLessThanOrEqual(1);
    expect(count('celebrity signup')).toBe(1);
    expect(count('feed')).toBeGreaterThan(signups);
    expect((await stats()).users - before.users).toBe(signups + 1);

    // The fans who imported the celebrity before it joined now follow it (a job resolves them).
    const celebrity = await findUser(PARAMS.celebrity, USERS + 1, USERS + signups + 1);
    let followers = 0;
    for (let attempt = 0; attempt < 50 && followers === 0; attempt++) {
      followers = (await requestJson(`${target.url}/v1/users/${celebrity}`)).body.followers;
      if (followers === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(followers).toBeGreaterThan(0);
  });
});
