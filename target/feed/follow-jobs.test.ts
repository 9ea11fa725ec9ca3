import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TargetConfigSchema } from '../config.js';
import { createFeedMetrics } from '../metrics/feed-metrics.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/types.js';
import { createFeedContext } from './context.js';
import { pendingFollowJob, recoverPendingFollows } from './follow-jobs.js';

let store: Store;

afterEach(async () => {
  await store.close();
});

function setUp(jobBatchSize: number, jobQueueCapacity?: number) {
  store = openSqliteStore({ path: ':memory:' });
  const config = TargetConfigSchema.parse({ jobBatchSize, jobQueueCapacity, passwordCost: 1 });
  const metrics = createFeedMetrics(new Registry());
  const errors: unknown[] = [];
  const context = createFeedContext({
    store,
    config,
    metrics,
    databaseId: 'test-database',
    now: Date.now,
    onJobError: (error) => errors.push(error),
  });
  return { context, metrics, errors };
}

async function waitingFans(count: number, celebrity: string): Promise<void> {
  for (let index = 0; index < count; index++) {
    await store.createUser({
      username: `fan_${index}`,
      displayName: 'Fan',
      bio: '',
      passwordHash: 'scrypt$1$c2FsdA$a2V5',
      follows: [celebrity],
      createdAt: 0,
    });
  }
  await store.createUser({
    username: celebrity,
    displayName: 'Star',
    bio: '',
    passwordHash: 'scrypt$1$c2FsdA$a2V5',
    follows: [],
    createdAt: 0,
  });
}

describe('pendingFollowJob', () => {
  it('fans in every waiting follow in batches, yielding to the event loop between them', async () => {
    const { context, metrics } = setUp(3);
    await waitingFans(10, 'star');
    // The star joined before any job ran: every waiting follow is owed.
    expect((await store.stats()).resolvablePendingFollows).toBe(10);
    const job = pendingFollowJob(context, { kind: 'followee', username: 'Star' });
    expect([job.key, job.kind]).toEqual(['followee:star', 'fan_in']);
    let turns = 0;
    const counting = () => {
      turns++;
      if (turns < 1000) setImmediate(counting);
    };
    setImmediate(counting);
    await job.run(() => false);
    // Four batches of at most 3; without the yields no turn would pass before the end.
    expect(turns).toBeGreaterThanOrEqual(3);
    expect((await store.stats()).follows).toBe(10);
    expect((await store.stats()).pendingFollows).toBe(0);
    expect((await store.stats()).resolvablePendingFollows).toBe(0);
    expect((await metrics.pendingFollowsResolved.get()).values[0]?.value).toBe(10);
  });

  it('stops at a batch boundary when told, leaving the rest pending for recovery', async () => {
    const { context, errors } = setUp(4);
    await waitingFans(10, 'star');
    await pendingFollowJob(context, { kind: 'followee', username: 'star' }).run(() => true);
    expect(await store.stats()).toMatchObject({
      follows: 4,
      pendingFollows: 6,
      resolvablePendingFollows: 6,
    });
    expect(await recoverPendingFollows(context, (error) => errors.push(error))).toBe(1);
    await context.jobs.idle();
    expect(await store.stats()).toMatchObject({
      follows: 10,
      pendingFollows: 0,
      resolvablePendingFollows: 0,
    });
  });
});

describe('recoverPendingFollows', () => {
  it('fills at most half the queue per round, leaving room for sign-ups, and recovers the rest in later rounds', async () => {
    const { context, errors } = setUp(100, 4);
    const stars = ['star0', 'star1', 'star2', 'star3', 'star4'];
    const account = (username: string, follows: string[]) =>
      store.createUser({
        username,
        displayName: username,
        bio: '',
        passwordHash: 'scrypt$1$c2FsdA$a2V5',
        follows,
        createdAt: 0,
      });
    for (const fan of ['fan_a', 'fan_b']) await account(fan, stars);
    for (const star of stars) await account(star, []);
    expect((await store.stats()).resolvablePendingFollows).toBe(10);

    expect(await recoverPendingFollows(context, (error) => errors.push(error))).toBe(2);
    // The other half of the queue is free: a sign-up with an import reserves its 2 slots.
    const reservation = context.jobs.reserve(2);
    expect(reservation).not.toBeNull();
    reservation!.release();
    await vi.waitFor(async () => expect((await store.stats()).resolvablePendingFollows).toBe(0), {
      timeout: 10_000,
      interval: 100,
    });
    expect((await store.stats()).follows).toBe(10);
    expect(errors).toEqual([]);
  });
});
