import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CapacityReport } from '../src/capacity/types.js';
import type { RunResult } from '../src/core/result.js';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { expectWritesSurviveKill } from './support/kill-restart.js';
import { POSTGRES, usePostgresCluster } from './support/postgres-cluster.js';
import { adminStats, startTarget } from './support/target-process.js';

const USERS = 2000;
const SPIKE = ['peak=30', 'ramp=2s', 'plateau=3s', 'decay=2s', 'think=0.2', 'follows=5'];

describe.skipIf(POSTGRES.path === null)(
  `the feed service on PostgreSQL ${POSTGRES.requirement}`,
  () => {
    const cluster = usePostgresCluster();

    it('is seeded with COPY, then serves a sign-up spike from two processes, losing nothing', async () => {
      const db = await cluster().createDatabase('spike');
      const seeded = await runCli(['target', 'seed', '--db', db, '--users', String(USERS)]);
      expect(seeded.code, seeded.stderr).toBe(0);
      expect(seeded.stdout).toMatch(
        new RegExp(`^seeded postgres://\\S+: ${USERS} users, \\d+ follows`, 'm'),
      );
      const again = await runCli(['target', 'seed', '--db', db, '--users', '10']);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(`it already holds ${USERS} users; seed a new database`);
      const ifEmpty = await runCli(['target', 'seed', '--db', db, '--users', '10', '--if-empty']);
      expect([ifEmpty.code, ifEmpty.stderr]).toEqual([
        0,
        expect.stringMatching(/holds users already: left as it is/),
      ]);

      const target = await startTarget(['--db', db, '--workers', '2']);
      try {
        const run = await runCli([
          'run',
          'scenarios/signup-spike.ts',
          ...['--base-url', target.url, '--out-dir', await tempDir(), '--quiet', '--seed', '7'],
          ...[...SPIKE, `users=${USERS}`].flatMap((param) => ['--param', param]),
        ]);
        expect(run.code, run.stderr).toBe(0);
        const file = /^result: (.+)$/m.exec(run.stdout)![1]!;
        const { writes } = JSON.parse(await readFile(file, 'utf8')) as RunResult;
        const stats = await adminStats(target.url);
        // Every acknowledged sign-up is in the database, once, beside the seeded accounts.
        expect(writes.users?.count).toBeGreaterThan(50);
        expect(stats.users).toBe(USERS + writes.users!.count);
      } finally {
        await target.stop();
      }
    }, 120_000);

    it('rehearses the launch day against the service on PostgreSQL, two processes, nothing lost', async () => {
      const db = await cluster().createDatabase('rehearsal');
      const outDir = await tempDir();
      const outcome = await runCli([
        'rehearse',
        ...['--target-db', db, '--target-workers', '2', '--users', '200', '--duration', '4s'],
        ...['scale=1e-6', 'accounts=20', 'follows=5', 'followsMax=50'].flatMap((p) => [
          '--param',
          p,
        ]),
        ...['--out-dir', outDir, '--quiet'],
      ]);
      const result = await readOnlyResult(outDir);
      // Thresholds may fail on a busy machine; the exit code must say which.
      expect(outcome.code, outcome.stderr).toBe(result.status === 'passed' ? 0 : 3);
      expect(result.consistency?.ok).toBe(true);
      expect(result.consistency?.kinds.find((k) => k.kind === 'users')?.stored).toBe(
        result.writes.users?.count,
      );
    }, 120_000);

    it('searches capacity at each --target-workers count, each on a new database beside --target-db', async () => {
      const base = await cluster().createDatabase('capacity');
      const outDir = await tempDir();
      const outcome = await runCli([
        'capacity',
        scenarioFile('capacity-probe.ts'),
        ...[
          '--target-workers',
          '1,2',
          '--target-db',
          base,
          '--users',
          '20',
          '--slo',
          'p(99)<500ms',
        ],
        ...['--max-rate', '40', '--levels', '8', '--step', '2s', '--warmup', '1s'],
        ...['--out-dir', outDir],
      ]);
      expect(outcome.code, outcome.stderr).toBe(0);
      const dir = /capacity: (\S+)\/capacity\.html/.exec(outcome.stdout)![1]!;
      const report = JSON.parse(
        await readFile(join(dir, 'capacity.json'), 'utf8'),
      ) as CapacityReport;
      expect(report.scaling.map((point) => point.workers)).toEqual([1, 2]);
      for (const workers of [1, 2]) {
        const log = await readFile(join(dir, `target-${workers}w`, 'target.log'), 'utf8');
        expect(log).toMatch(new RegExp(`db postgres://\\S+/capacity_\\w{4}_${workers}w\\)`));
      }
    }, 240_000);

    it('keeps every acknowledged write after kill -9 of the service and a restart', async () => {
      await expectWritesSurviveKill(await cluster().createDatabase('durable'));
    }, 60_000);

    it('refuses a PostgreSQL URL given to the SQLite store, and the PostgreSQL store without one', async () => {
      const sqlite = await runCli([
        'target',
        'start',
        '--store',
        'sqlite',
        '--db',
        'postgres://x@127.0.0.1/feed',
      ]);
      expect(sqlite.code).toBe(2);
      expect(sqlite.stderr).toMatch(
        /--db postgres:\/\/x@127\.0\.0\.1\/feed is for the postgres store, not sqlite/,
      );
      const postgres = await runCli(['target', 'start', '--store', 'postgres', '--db', 'feed.db']);
      expect(postgres.code).toBe(2);
      expect(postgres.stderr).toMatch(
        /the postgres store needs a PostgreSQL database, --db postgres:\/\//,
      );
    });
  },
);
