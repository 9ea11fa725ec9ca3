import { describe, expect, it } from 'vitest';
import { createUsers, newUser } from '../test-stores.js';
import type { Store } from '../types.js';
import { postBy, signUp } from './fixtures.js';
import { expectExactCounts, supports, useDatabase } from './subject-database.js';
import type { StoreSubject } from './types.js';

/**
 * Registers the lifecycle tests of `subject`: a closed store, and (with `second-instance`) the
 * data kept across a close and reopen and two instances writing to one database, racing for
 * the same like and follow.
 */
export function describeInstances(subject: StoreSubject): void {
  describe(`${subject.name}: instances`, () => {
    const database = useDatabase(subject);

    it('answers ping false once closed, and closes twice without error', async () => {
      const { store } = database();
      expect(await store.ping()).toBe(true);
      await store.close();
      expect(await store.ping()).toBe(false);
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.findUserById(1)).rejects.toThrow();
    });

    if (!supports(subject, 'second-instance')) return;

    it('keeps every write across a close and a reopen', async () => {
      const { store, openAnother } = database();
      const [alice, bob] = await createUsers(store, ['alice', 'bob']);
      const post = await postBy(store, alice!, 'kept');
      await store.follow(bob!.id, alice!.id);
      await store.likePost(bob!.id, post.id);
      await signUp(store, 'fan', ['nobody']);
      const stats = await store.stats();
      const databaseId = await store.databaseId();
      await store.close();
      const reopened = await openAnother();
      expect(await reopened.ping()).toBe(true);
      expect(await reopened.stats()).toEqual(stats);
      expect(await reopened.databaseId()).toBe(databaseId);
      expect(await reopened.findUserByUsername('alice')).toEqual({
        ...alice,
        followers: 1,
        posts: 1,
      });
      expect(await reopened.findPost(post.id)).toEqual({ ...post, likes: 1 });
      expect(await reopened.homeFeed(bob!.id, { before: null, limit: 10 })).toHaveLength(1);
    });

    it('lets two stores on one database (like two cluster workers) both write', async () => {
      const { store, openAnother } = database();
      const second = await openAnother();
      const [alice] = await createUsers(store, ['alice']);
      const [bob] = await createUsers(second, ['bob']);
      expect(await store.createUser(newUser('BOB'))).toEqual({ kind: 'username-taken' });
      await Promise.all([
        store.follow(alice!.id, bob!.id),
        second.follow(bob!.id, alice!.id),
        ...Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? store : second).createPost({
            authorId: i % 3 === 0 ? alice!.id : bob!.id,
            text: `post ${i}`,
            replyTo: null,
            createdAt: i,
          }),
        ),
      ]);
      expect(await second.findUserById(alice!.id)).toMatchObject({ followers: 1, following: 1 });
      expect(await store.homeFeed(alice!.id, { before: null, limit: 50 })).toHaveLength(13);
      expect(await second.stats()).toEqual(await store.stats());
      expect(await second.databaseId()).toBe(await store.databaseId());
      await expectExactCounts(subject, database());
    });

    it('counts a like and a follow raced for from two instances once', async () => {
      const { store, openAnother } = database();
      const instances = [store, await openAnother()];
      const [alice, bob] = await createUsers(store, ['alice', 'bob']);
      const post = await postBy(store, alice!, 'popular');
      const race = <T>(write: (instance: Store) => Promise<T>) =>
        Promise.all(Array.from({ length: 16 }, (_, i) => write(instances[i % 2]!)));
      const likes = await race((instance) => instance.likePost(bob!.id, post.id));
      const follows = await race((instance) => instance.follow(bob!.id, alice!.id));
      expect(likes.filter((like) => like?.created)).toHaveLength(1);
      expect(follows.filter((follow) => follow.created)).toHaveLength(1);
      expect(await instances[1]!.findPost(post.id)).toMatchObject({ likes: 1 });
      expect(await instances[1]!.findUserById(alice!.id)).toMatchObject({ followers: 1, posts: 1 });
      expect(await store.stats()).toMatchObject({ likes: 1, follows: 1 });
      await expectExactCounts(subject, database());
    });
  });
}
