import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOST_POST_BASE } from './scenarios/lost-writes.js';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import {
  startSeededTarget,
  type TargetProcess,
  TEST_ADMIN_TOKEN,
} from './support/target-process.js';

// The launch-day curve in 4 s at a size a test machine serves: about 100 sign-ups.
const SMALL_LAUNCH = [
  ...['scale=1e-6', 'readsPerUser=0.01', 'accounts=20', 'follows=5', 'followsMax=50'].flatMap(
    (param) => ['--param', param],
  ),
  '--duration',
  '4s',
  '--users',
  '200',
  '--quiet',
];

const READY = /feed service ready at (http:\/\/\S+)/;

async function runFolder(outDir: string): Promise<string> {
  const [run] = await readdir(outDir);
  return join(outDir, run!);
}

describe('launchday rehearse', () => {
  it('starts, seeds and stops the reference target, replays the launch, finds no loss', async () => {
    const outDir = await tempDir();
    const outcome = await runCli(['rehearse', ...SMALL_LAUNCH, '--out-dir', outDir]);
    const result = await readOnlyResult(outDir);
    // Thresholds may fail on a busy machine; the exit code must say which.
    expect(outcome.code, outcome.stderr).toBe(result.status === 'passed' ? 0 : 3);
    expect(outcome.stderr).toMatch(/seeded with 200 users/);
    expect(result.scenario.name).toBe('launch-day');
    expect(result.checks.find((c) => c.name === 'signup imports every follow')?.fails).toBe(0);

    const signups = result.summary.requests.find((r) => r.name === 'signup')!;
    const created = signups.count - signups.failed + 1; // and the celebrity
    expect(result.consistency?.ok, result.consistency?.problems.join('\n')).toBe(true);
    const users = result.consistency?.kinds.find((k) => k.kind === 'users');
    expect(users).toEqual({
      kind: 'users',
      acknowledged: created,
      stored: created,
      sampled: created,
      missing: [],
    });
    expect(outcome.stdout).toMatch(/CONSISTENCY/);

    const dir = await runFolder(outDir);
    expect(await readFile(join(dir, 'target.log'), 'utf8')).toMatch(/listening on/);
    expect(existsSync(join(dir, 'target.db'))).toBe(false);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toMatch(/onsistency/);
    const url = READY.exec(outcome.stderr)![1]!;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 120_000);

  it('names the writes a target acknowledged and lost, fails with 3, keeps the database', async () => {
    const outDir = await tempDir();
    const outcome = await runCli([
      'rehearse',
      scenarioFile('lost-writes.ts'),
      '--users',
      '20',
      '--out-dir',
      outDir,
      '--quiet',
    ]);
    expect(outcome.code, outcome.stderr).toBe(3);
    const result = await readOnlyResult(outDir);
    expect(result.status).toBe('consistency-failed');
    const posts = result.consistency!.kinds.find((k) => k.kind === 'posts')!;
    expect(posts.acknowledged).toBe(6);
    expect(posts.stored).toBe(3);
    expect(posts.missing.sort()).toEqual([0, 1, 2].map((i) => String(LOST_POST_BASE + i)));
    expect(result.consistency!.problems.join('\n')).toMatch(
      /acknowledged 6 but its count grew by only 3[\s\S]*900000000/,
    );
    const dir = await runFolder(outDir);
    expect(outcome.stdout).toContain(`target database kept for inspection`);
    expect(existsSync(join(dir, 'target.db'))).toBe(true);
    expect(await readFile(join(dir, 'junit.xml'), 'utf8')).toMatch(/<failure[^>]*>[^<]*900000000/);
  }, 60_000);

  it('refuses bad input before starting anything', async () => {
    const outDir = await tempDir();
    const cases: [string[], RegExp][] = [
      [
        ['nosuch'],
        /no scenario called "nosuch"[\s\S]*launch-day, read-heavy-feed, signup-spike, smoke/,
      ],
      [['smoke', '--duration', '10s'], /--duration: the scenario has no duration parameter/],
      [['--users', '10', '--param', 'users=20'], /--users 10 and --param users=20 disagree/],
      [['--users', '0'], /--users.*at least 1/],
      [['--duration', 'soon'], /--param duration/],
    ];
    for (const [args, message] of cases) {
      const outcome = await runCli(['rehearse', ...args, '--out-dir', outDir, '--quiet']);
      expect([outcome.code, outcome.stderr]).toEqual([2, expect.stringMatching(message)]);
    }
    expect(await readdir(outDir)).toEqual([]);
  });

  describe('against a target given with --base-url', () => {
    let target: TargetProcess;
    beforeAll(async () => {
      target = await startSeededTarget(50);
    });
    afterAll(async () => {
      await target?.stop();
    });

    it('checks consistency with the admin token from the environment', async () => {
      const outDir = await tempDir();
      const args = ['rehearse', 'smoke', '--base-url', target.url, '--out-dir', outDir, '--quiet'];
      const outcome = await runCli(args, { LAUNCHDAY_TARGET_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
      expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
      const result = await readOnlyResult(outDir);
      expect(result.consistency?.kinds.map((k) => [k.kind, k.acknowledged, k.stored])).toEqual([
        ['posts', 1, 1],
        ['users', 1, 1],
      ]);
      expect(existsSync(join(await runFolder(outDir), 'target.log'))).toBe(false);
    });

    it('runs without a check, and says so, when no admin token is given', async () => {
      const outDir = await tempDir();
      const args = ['rehearse', 'smoke', '--base-url', target.url, '--out-dir', outDir, '--quiet'];
      const outcome = await runCli(args, { LAUNCHDAY_TARGET_ADMIN_TOKEN: '' });
      expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
      expect(outcome.stderr).toMatch(/no consistency check: set LAUNCHDAY_TARGET_ADMIN_TOKEN/);
      expect((await readOnlyResult(outDir)).consistency).toBeNull();
    });
  });
});
