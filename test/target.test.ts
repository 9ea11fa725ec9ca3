import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/cli.js';
import { expectWritesSurviveKill, signUp } from './support/kill-restart.js';
import {
  requestJson,
  startTarget,
  type TargetProcess,
  TEST_ADMIN_TOKEN,
} from './support/target-process.js';

const running: TargetProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((target) => target.stop('SIGKILL')));
});

async function start(args: readonly string[]): Promise<TargetProcess> {
  const target = await startTarget(args);
  running.push(target);
  return target;
}

describe('launchday target start', () => {
  it('serves the API and stops gracefully on SIGTERM with exit 0', async () => {
    const db = join(await tempDir(), 'feed.db');
    const target = await start(['--db', db]);
    expect((await requestJson(`${target.url}/healthz`)).status).toBe(200);
    expect((await requestJson(`${target.url}/readyz`)).status).toBe(200);
    await signUp(target.url, 'graceful');
    expect(await target.stop('SIGTERM')).toBe(0);
    expect(target.stderr()).toContain('shutting down gracefully');
  });

  it('keeps every acknowledged write after kill -9 and a restart', async () => {
    await expectWritesSurviveKill(join(await tempDir(), 'feed.db'));
  });

  it('serves one port from several workers, with cluster-wide metrics and faults', async () => {
    const db = join(await tempDir(), 'feed.db');
    const target = await start(['--db', db, '--workers', '2']);
    const requests = 40;
    for (let index = 0; index < requests; index++) {
      expect((await requestJson(`${target.url}/v1/users/1`)).status).toBe(404);
    }
    const metrics = await (await fetch(`${target.url}/metrics`)).text();
    expect(counterSum(metrics, 'http_requests_total', 'route="/v1/users/:id"')).toBe(requests);

    const latency = { latencyMs: 5, errorRate: 0, stallMs: 0, stallEveryMs: 0, cpuMs: 0 };
    const put = await requestJson(`${target.url}/admin/faults`, {
      method: 'PUT',
      body: latency,
      token: TEST_ADMIN_TOKEN,
    });
    expect(put.status).toBe(200);
    // New connections land on either worker; every one must report the relayed faults.
    for (let index = 0; index < 10; index++) {
      const response = await fetch(`${target.url}/admin/faults`, {
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, connection: 'close' },
      });
      expect(await response.json()).toMatchObject(latency);
    }
    expect(await target.stop('SIGTERM')).toBe(0);
  });

  it('injects a scoped fault into its route only, and warns about a scope that matches nothing', async () => {
    const target = await start([
      '--db',
      ':memory:',
      '--faults',
      'errors=100%,route=/v1/users/:id,method=GET',
    ]);
    const profile = await requestJson(`${target.url}/v1/users/1`);
    expect([profile.status, profile.body.error.code]).toEqual([500, 'fault_injected']);
    await signUp(target.url, 'unscoped');
    expect(await target.stop('SIGTERM')).toBe(0);
    expect(target.stderr()).not.toContain('warning');

    const typo = await start(['--db', ':memory:', '--faults', 'latency=1ms,route=/v1/feeds']);
    expect(await typo.stop('SIGTERM')).toBe(0);
    expect(typo.stderr()).toContain(
      "warning: --faults: route '/v1/feeds' is not a route of this service; its /v1/ routes: ",
    );
  });

  it('names every bad setting and exits 2', async () => {
    const outcome = await runCli([
      'target',
      'start',
      '--port',
      'eighty',
      '--workers',
      '0',
      '--faults',
      'latency=fast',
      '--store',
      'cassandra',
    ]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--store: "cassandra" is not a store; the stores: sqlite (');
    expect(outcome.stderr).toContain('--port');
    expect(outcome.stderr).toContain('--workers');
    expect(outcome.stderr).toContain('--faults');
  });
});

describe('launchday target seed', () => {
  it('seeds the same population for the same seed, and its accounts can log in', async () => {
    const dir = await tempDir();
    const seeded = await Promise.all(
      ['a.db', 'b.db'].map((file) =>
        runCli(['target', 'seed', '--db', join(dir, file), '--users', '300', '--seed', '7']),
      ),
    );
    for (const outcome of seeded) expect(outcome.code).toBe(0);
    const counts = (text: string) => /seeded \S+: (.*) in/.exec(text)?.[1];
    expect(counts(seeded[0]!.stdout)).toBe(counts(seeded[1]!.stdout));
    expect(seeded[0]!.stdout).toMatch(/300 users, \d+ follows/);

    const target = await start(['--db', join(dir, 'a.db')]);
    const login = await requestJson(`${target.url}/v1/login`, {
      body: { username: 'user1', password: 'launchday-seed' },
    });
    expect(login.status).toBe(200);
    const feed = await requestJson(`${target.url}/v1/feed`, { token: login.body.token });
    expect(feed.status).toBe(200);
  });

  it('refuses a database that already has users, naming the fix', async () => {
    const db = join(await tempDir(), 'twice.db');
    expect((await runCli(['target', 'seed', '--db', db, '--users', '10'])).code).toBe(0);
    const again = await runCli(['target', 'seed', '--db', db, '--users', '10']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already/);
  });
});

/** The sum of a counter's samples whose labels contain `labels`. */
function counterSum(metrics: string, name: string, labels: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
