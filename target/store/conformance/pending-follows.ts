import { describe, expect, it } from 'vitest';
import { createUsers } from '../test-stores.js';
import type { PendingProgress, PendingScope, Store } from '../types.js';
import { followCounts, resolveAll, resolveBatches, signUp } from './fixtures.js';
import { auditCountsAfterEach, supports, useDatabase } from './subject-database.js';
import type { StoreSubject } from './types.js';

/**
 * Registers the pending-follow tests of `subject`: follow imports and fan-ins resolved batch by
 * batch, the resolvable scopes listed, and (with `second-instance`) two instances claiming the
 * same jobs concurrently without doing one twice or losing one.
 */
export function describePendingFollows(subject: StoreSubject): void {
  describe(`${subject.name}: pending follows`, () => {
    const database = useDatabase(subject);
    auditCountsAfterEach(subject, database);

    it('resolves an import by follower, batch by batch, leaving missing accounts pending', async () => {
      const { store } = database();
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
      expect(await followCounts(store, alice)).toEqual({ followers: 0, following: 5 });
      expect(await store.stats()).toMatchObject({ follows: 5, pendingFollows: 1 });
      const later = await signUp(store, 'LATER');
      const fanIn = { kind: 'followee', username: 'later' } as const;
      expect(await resolveBatches(store, fanIn, 10, 1)).toEqual([
        { resolved: 1, followed: 1, more: false },
      ]);
      expect(await followCounts(store, later)).toEqual({ followers: 1, following: 0 });
    });

    it('fans in the follows waiting for an account when it joins', async () => {
      const { store } = database();
      const waiting = await Promise.all(
        ['f1', 'f2', 'f3'].map((name) => signUp(store, name, ['celebrity', 'other'])),
      );
      expect(await store.resolvablePendingScopes(10)).toEqual([]);
      const celebrity = await signUp(store, 'Celebrity');
      expect(await store.resolvablePendingScopes(10)).toEqual([
        { kind: 'followee', username: 'Celebrity' },
      ]);
      const scope = { kind: 'followee', username: 'CELEBRITY' } as const;
      expect(await resolveBatches(store, scope, 2, 2)).toEqual([
        { resolved: 2, followed: 2, more: true },
        { resolved: 1, followed: 1, more: false },
      ]);
      expect(await followCounts(store, celebrity)).toEqual({ followers: 3, following: 0 });
      expect(await followCounts(store, waiting[0]!)).toEqual({ followers: 0, following: 1 });
      expect(await store.resolvablePendingScopes(10)).toEqual([]);
      expect((await store.stats()).pendingFollows).toBe(3);
      const nobody = { kind: 'followee', username: 'nobody' } as const;
      expect(await resolveBatches(store, nobody, 5, 1)).toEqual([
        { resolved: 0, followed: 0, more: false },
      ]);
    });

    it('lists every resolvable scope, up to the limit', async () => {
      const { store } = database();
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

    if (supports(subject, 'second-instance')) {
      it('lets two instances run the same jobs concurrently: none done twice, none lost', async () => {
        const { store, openAnother } = database();
        const instances = [store, await openAnother()];
        const fans = await Promise.all(
          Array.from({ length: 30 }, (_, index) => signUp(store, `fan_${index}`, ['star', 'moon'])),
        );
        const star = await signUp(instances[1]!, 'Star', ['fan_0', 'fan_1', 'fan_2', 'ghost']);
        await signUp(store, 'moon');
        const listed = await store.resolvablePendingScopes(100);
        expect(await instances[1]!.resolvablePendingScopes(100)).toEqual(listed);
        // The import's own scope overlaps the fan-in scopes of fan_0..fan_2: both claim them.
        const scopes = [...listed, { kind: 'follower', followerId: star.id } as const];
        const progress = await claimConcurrently(instances, scopes);
        const total = (field: 'resolved' | 'followed') =>
          progress.reduce((sum, batch) => sum + batch[field], 0);
        expect({ resolved: total('resolved'), followed: total('followed') }).toEqual({
          resolved: 63,
          followed: 63,
        });
        expect(await followCounts(store, star)).toEqual({ followers: 30, following: 3 });
        expect(await followCounts(instances[1]!, fans[29]!)).toEqual({
          followers: 0,
          following: 2,
        });
        expect(await store.stats()).toMatchObject({
          follows: 63,
          pendingFollows: 1,
          resolvablePendingFollows: 0,
        });
        expect(await instances[1]!.resolvablePendingScopes(100)).toEqual([]);
      });
    }
  });
}

/** Every instance works every scope to its end at once, in small batches: all their batches. */
async function claimConcurrently(
  instances: readonly Store[],
  scopes: readonly PendingScope[],
): Promise<PendingProgress[]> {
  const runs = instances.flatMap((instance) =>
    scopes.map((scope) => resolveAll(instance, scope, 4)),
  );
  return (await Promise.all(runs)).flat();
}
