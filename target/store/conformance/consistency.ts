import { describe, expect, it } from 'vitest';
import { createUsers } from '../test-stores.js';
import type { UserRecord } from '../types.js';
import { postBy, signUp } from './fixtures.js';
import { useDatabase } from './subject-database.js';
import type { StoreSubject } from './types.js';

/**
 * Registers the consistency-check tests of `subject`: `missingRecords` by kind and in order,
 * and `stats`, resolvable pending follows included.
 */
export function describeConsistency(subject: StoreSubject): void {
  describe(`${subject.name}: consistency checks`, () => {
    const database = useDatabase(subject);

    it('answers the users, posts, follows and likes it does not have, by kind', async () => {
      const { store } = database();
      const [alice, bob] = (await createUsers(store, ['alice', 'bob'])) as UserRecord[];
      const kept = await postBy(store, bob!, 'kept');
      const deleted = await postBy(store, alice!, 'deleted');
      await store.follow(alice!.id, bob!.id);
      await store.follow(bob!.id, alice!.id);
      await store.unfollow(bob!.id, alice!.id);
      await store.likePost(alice!.id, kept.id);
      await store.likePost(bob!.id, deleted.id);
      await store.deletePost(deleted.id);
      expect(
        await store.missingRecords({
          users: [alice!.id, 99, bob!.id],
          posts: [kept.id, deleted.id, 77],
          follows: [
            [alice!.id, bob!.id],
            [bob!.id, alice!.id],
            [alice!.id, 99],
          ],
          likes: [
            [alice!.id, kept.id],
            [bob!.id, kept.id],
            [bob!.id, deleted.id],
          ],
        }),
      ).toEqual({
        users: [99],
        posts: [deleted.id, 77],
        follows: [
          [bob!.id, alice!.id],
          [alice!.id, 99],
        ],
        likes: [
          [bob!.id, kept.id],
          [bob!.id, deleted.id],
        ],
      });
    });

    it('answers exactly the kinds asked about, an empty list included', async () => {
      const { store } = database();
      await createUsers(store, ['alice']);
      expect(await store.missingRecords({})).toEqual({});
      expect(await store.missingRecords({ users: [], likes: [[1, 1]] })).toEqual({
        users: [],
        likes: [[1, 1]],
      });
    });

    it('checks ten thousand ids in one call, keeping the order they were given in', async () => {
      const { store } = database();
      await createUsers(
        store,
        Array.from({ length: 50 }, (_, index) => `user_${index}`),
      );
      const ids = Array.from({ length: 10_000 }, (_, index) => 10_000 - index);
      const missing = await store.missingRecords({ users: ids, follows: ids.map((id) => [id, 1]) });
      expect(missing.users).toEqual(ids.slice(0, -50));
      expect(missing.follows).toHaveLength(10_000);
      expect(missing.follows?.[9_999]).toEqual([1, 1]);
    });

    it('counts the pending follows whose followee joined until they are resolved', async () => {
      const { store } = database();
      await signUp(store, 'fan_1', ['Star', 'ghost']);
      await signUp(store, 'fan_2', ['STAR']);
      expect(await store.stats()).toMatchObject({ pendingFollows: 3, resolvablePendingFollows: 0 });
      // Star's own import of an existing account is resolvable too, until its job runs.
      const star = await signUp(store, 'star', ['fan_1']);
      expect(await store.stats()).toMatchObject({ pendingFollows: 4, resolvablePendingFollows: 3 });
      await store.resolvePendingFollows({ kind: 'followee', username: 'star' }, 1);
      expect(await store.stats()).toMatchObject({ follows: 1, resolvablePendingFollows: 2 });
      await store.resolvePendingFollows({ kind: 'followee', username: 'star' }, 10);
      await store.resolvePendingFollows({ kind: 'follower', followerId: star.id }, 10);
      expect(await store.stats()).toEqual({
        users: 3,
        posts: 0,
        follows: 3,
        likes: 0,
        pendingFollows: 1,
        resolvablePendingFollows: 0,
      });
    });
  });
}
