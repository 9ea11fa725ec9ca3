import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countMismatches,
  createUsers,
  openTestStore,
  STORE_KINDS,
  type TestStore,
} from './test-stores.js';
import type { NewPost, UserRecord } from './types.js';

const post = (authorId: number, text: string, replyTo: number | null = null): NewPost => ({
  authorId,
  text,
  replyTo,
  createdAt: 1_700_000_000_000,
});

describe.each(STORE_KINDS)('SQLite store posts and likes (%s)', (kind) => {
  let fixture: TestStore;
  let alice: UserRecord;
  let bob: UserRecord;
  beforeEach(async () => {
    fixture = openTestStore(kind);
    [alice, bob] = (await createUsers(fixture.store, ['alice', 'bob'])) as [UserRecord, UserRecord];
  });
  afterEach(() => fixture.dispose());

  it('creates posts with growing ids, finds them and counts them on the author', async () => {
    const first = await fixture.store.createPost(post(alice.id, 'hello'));
    const second = await fixture.store.createPost(post(alice.id, 'again'));
    if (first === 'reply-target-missing' || second === 'reply-target-missing') throw new Error();
    expect(second.id).toBeGreaterThan(first.id);
    expect(await fixture.store.findPost(first.id)).toEqual(first);
    expect(first).toMatchObject({ authorId: alice.id, text: 'hello', replyTo: null, likes: 0 });
    expect((await fixture.store.findUserById(alice.id))?.posts).toBe(2);
    expect(await fixture.store.findPost(second.id + 1)).toBeNull();
  });

  it('refuses a reply to a post that does not exist', async () => {
    expect(await fixture.store.createPost(post(alice.id, 're', 999))).toBe('reply-target-missing');
    expect((await fixture.store.stats()).posts).toBe(0);
  });

  it('likes once per user and keeps the like count exact', async () => {
    const target = await fixture.store.createPost(post(alice.id, 'like me'));
    if (target === 'reply-target-missing') throw new Error();
    expect(await fixture.store.likePost(bob.id, target.id)).toEqual({ created: true });
    expect(await fixture.store.likePost(bob.id, target.id)).toEqual({ created: false });
    expect(await fixture.store.likePost(alice.id, target.id)).toEqual({ created: true });
    expect((await fixture.store.findPost(target.id))?.likes).toBe(2);
    expect(await fixture.store.unlikePost(bob.id, target.id)).toBe(true);
    expect(await fixture.store.unlikePost(bob.id, target.id)).toBe(false);
    expect((await fixture.store.findPost(target.id))?.likes).toBe(1);
    expect(await fixture.store.likePost(bob.id, target.id + 100)).toBeNull();
  });

  it('deletes a post with its likes; replies keep replyTo; ids are never reused', async () => {
    const parent = await fixture.store.createPost(post(alice.id, 'parent'));
    if (parent === 'reply-target-missing') throw new Error();
    const reply = await fixture.store.createPost(post(bob.id, 'reply', parent.id));
    if (reply === 'reply-target-missing') throw new Error();
    const last = await fixture.store.createPost(post(alice.id, 'newest'));
    if (last === 'reply-target-missing') throw new Error();
    await fixture.store.likePost(bob.id, parent.id);
    expect(await fixture.store.deletePost(last.id)).toBe(true);
    expect(await fixture.store.deletePost(parent.id)).toBe(true);
    expect(await fixture.store.deletePost(parent.id)).toBe(false);
    expect(await fixture.store.findPost(parent.id)).toBeNull();
    expect((await fixture.store.findPost(reply.id))?.replyTo).toBe(parent.id);
    expect(await fixture.store.stats()).toMatchObject({ posts: 1, likes: 0 });
    expect((await fixture.store.findUserById(alice.id))?.posts).toBe(0);
    const next = await fixture.store.createPost(post(alice.id, 'after'));
    if (next === 'reply-target-missing') throw new Error();
    expect(next.id).toBeGreaterThan(last.id);
    if (kind === 'file') expect(countMismatches(fixture.path)).toEqual([]);
  });
});
