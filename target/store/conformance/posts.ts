import { describe, expect, it } from 'vitest';
import { createUsers } from '../test-stores.js';
import type { UserRecord } from '../types.js';
import { postBy } from './fixtures.js';
import { expectExactCounts, useDatabase } from './subject-database.js';
import type { StoreSubject } from './types.js';

/** Registers the post and like tests of `subject`: ids, replies, likes and their counts. */
export function describePosts(subject: StoreSubject): void {
  describe(`${subject.name}: posts and likes`, () => {
    const database = useDatabase(subject);
    const users = async () =>
      (await createUsers(database().store, ['alice', 'bob'])) as [UserRecord, UserRecord];

    it('creates posts with growing ids, finds them and counts them on the author', async () => {
      const { store } = database();
      const [alice] = await users();
      const first = await postBy(store, alice, 'hello');
      const second = await postBy(store, alice, 'again');
      expect(second.id).toBeGreaterThan(first.id);
      expect(await store.findPost(first.id)).toEqual(first);
      expect(first).toMatchObject({ authorId: alice.id, text: 'hello', replyTo: null, likes: 0 });
      expect((await store.findUserById(alice.id))?.posts).toBe(2);
      expect(await store.findPost(second.id + 1)).toBeNull();
    });

    it('refuses a reply to a post that does not exist', async () => {
      const { store } = database();
      const [alice] = await users();
      const reply = { authorId: alice.id, text: 're', replyTo: 999, createdAt: 1 };
      expect(await store.createPost(reply)).toBe('reply-target-missing');
      expect((await store.stats()).posts).toBe(0);
    });

    it('likes once per user and keeps the like count exact', async () => {
      const { store } = database();
      const [alice, bob] = await users();
      const target = await postBy(store, alice, 'like me');
      expect(await store.likePost(bob.id, target.id)).toEqual({ created: true });
      expect(await store.likePost(bob.id, target.id)).toEqual({ created: false });
      expect(await store.likePost(alice.id, target.id)).toEqual({ created: true });
      expect((await store.findPost(target.id))?.likes).toBe(2);
      expect(await store.unlikePost(bob.id, target.id)).toBe(true);
      expect(await store.unlikePost(bob.id, target.id)).toBe(false);
      expect((await store.findPost(target.id))?.likes).toBe(1);
      expect(await store.likePost(bob.id, target.id + 100)).toBeNull();
    });

    it('deletes a post with its likes; replies keep replyTo; ids are never reused', async () => {
      const { store } = database();
      const [alice, bob] = await users();
      const parent = await postBy(store, alice, 'parent');
      const reply = await postBy(store, bob, 'reply', parent.id);
      const last = await postBy(store, alice, 'newest');
      await store.likePost(bob.id, parent.id);
      expect(await store.deletePost(last.id)).toBe(true);
      expect(await store.deletePost(parent.id)).toBe(true);
      expect(await store.deletePost(parent.id)).toBe(false);
      expect(await store.findPost(parent.id)).toBeNull();
      expect((await store.findPost(reply.id))?.replyTo).toBe(parent.id);
      expect(await store.stats()).toMatchObject({ posts: 1, likes: 0 });
      expect((await store.findUserById(alice.id))?.posts).toBe(0);
      const next = await postBy(store, alice, 'after');
      expect(next.id).toBeGreaterThan(last.id);
      await expectExactCounts(subject, database());
    });
  });
}
