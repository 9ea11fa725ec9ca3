import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countMismatches,
  createUsers,
  newUser,
  openTestStore,
  STORE_KINDS,
  type TestStore,
} from './test-stores.js';
import type { PendingProgress, PendingScope, Store, UserRecord } from './types.js';

async function counts(store: Store, user: UserRecord) {
  const found = await store.findUserById(user.id);
  return { followers: found?.followers, following: found?.following };
}

async function signUp(store: Store, username: string, follows: string[]): Promise<UserRecord> {
  const result = await store.createUser(newUser(username, { follows }));
  if (result.kind !== 'created') throw new Error(result.kind);
  return result.user;
}

describe.each(STORE_KINDS)('SQLite store follows (%s)', (kind) => {
  let fixture: TestStore;
  beforeEach(() => {
    fixture = openTestStore(kind);
  });
  afterEach(async () => {
    if (kind === 'file') expect(countMismatches(fixture.path)).toEqual([]);
    await fixture.dispose();
  });

  it('follows and unfollows once, keeping both counts exact', async () => {
    const [alice, bob] = (await createUsers(fixture.store, ['alice', 'bob'])) as UserRecord[];
    const { store } = fixture;
    expect(await store.follow(alice!.id, bob!.id)).toEqual({ created: true });
    expect(await store.follow(alice!.id, bob!.id)).toEqual({ created: false });
    expect(await counts(store, alice!)).toEqual({ followers: 0, following: 1 });
    expect(await counts(store, bob!)).toEqual({ followers: 1, following: 0 });
    expect(await store.unfollow(alice!.id, bob!.id)).toBe(true);
    expect(await store.unfollow(alice!.id, bob!.id)).toBe(false);
    expect(await counts(store, bob!)).toEqual({ followers: 0, following: 0 });
  });

  it('never stores a self-follow, and throws for an account that does not exist', async () => {
    const [alice] = (await createUsers(fixture.store, ['alice'])) as UserRecord[];
    expect(await fixture.store.follow(alice!.id, alice!.id)).toEqual({ created: false });
    await expect(fixture.store.follow(alice!.id, 999)).rejects.toThrow(/FOREIGN KEY/);
    expect((await fixture.store.stats()).follows).toBe(0);
  });

  it('resolves an import by follower, batch by batch, leaving missing accounts pending', async () => {
    const { store } = fixture;
    const existing = await createUsers(store, ['b1', 'b2', 'b3', 'b4', 'b5']);
    const alice = await signUp(store, 'alice', ['B1', 'b2', 'b3', 'b4', 'b5', 'later']);
    // b5 is followed already: its pending follow resolves without a second follow.
    await store.follow(alice.id, existing[4]!.id);
    const scope = { kind: 'follower', followerId: alice.id } as const;
    expect(await resolveBatches(store, scope, 2, 4)).toEqual([
      { resolved: 2, followed: 2, more: true },
      { resolved: 2, followed: 2, more: true },
      { resolved: 1, followed: 0, more: false },
      { resolved: 0, followed: 0, more: false },
    ]);
    expect(await counts(store, alice)).toEqual({ followers: 0, following: 5 });
    expect(await store.stats()).toMatchObject({ follows: 5, pendingFollows: 1 });
    const later = await signUp(store, 'LATER', []);
    const fanIn = { kind: 'followee', username: 'later' } as const;
    expect(await resolveBatches(store, fanIn, 10, 1)).toEqual([
      { resolved: 1, followed: 1, more: false },
    ]);
    expect(await counts(store, later)).toEqual({ followers: 1, following: 0 });
  });

  it('fans in the follows waiting for an account when it joins', async () => {
    const { store } = fixture;
    const waiting = await Promise.all(
      ['f1', 'f2', 'f3'].map((name) => signUp(store, name, ['celebrity', 'other'])),
    );
    expect(await store.resolvablePendingScopes(10)).toEqual([]);
    const celebrity = await signUp(store, 'Celebrity', []);
    expect(await store.resolvablePendingScopes(10)).toEqual([
      { kind: 'followee', username: 'Celebrity' },
    ]);
    const scope = { kind: 'followee', username: 'CELEBRITY' } as const;
    expect(await resolveBatches(store, scope, 2, 2)).toEqual([
      { resolved: 2, followed: 2, more: true },
      { resolved: 1, followed: 1, more: false },
    ]);
    expect(await counts(store, celebrity)).toEqual({ followers: 3, following: 0 });
    expect(await counts(store, waiting[0]!)).toEqual({ followers: 0, following: 1 });
    expect(await store.resolvablePendingScopes(10)).toEqual([]);
    expect((await store.stats()).pendingFollows).toBe(3);
    const nobody = { kind: 'followee', username: 'nobody' } as const;
    expect(await resolveBatches(store, nobody, 5, 1)).toEqual([
      { resolved: 0, followed: 0, more: false },
    ]);
  });

  it('lists every resolvable scope, up to the limit', async () => {
    const { store } = fixture;
    await signUp(store, 'fan', ['a', 'b', 'c']);
    await createUsers(store, ['a', 'b', 'c']);
    const scopes = await store.resolvablePendingScopes(10);
    expect(scopes.map((scope) => scope.kind === 'followee' && scope.username).sort()).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(await store.resolvablePendingScopes(2)).toHaveLength(2);
  });
});

/** Runs `count` resolution batches of up to `limit` on `scope`: each batch's progress. */
async function resolveBatches(
  store: Store,
  scope: PendingScope,
  limit: number,
  count: number,
): Promise<PendingProgress[]> {
  const progress: PendingProgress[] = [];
  for (let batch = 0; batch < count; batch++) {
    progress.push(await store.resolvePendingFollows(scope, limit));
  }
  return progress;
}
