import { beforeEach, describe, expect, it } from 'vitest';
import { createUsers } from '../test-stores.js';
import type { PostView, Store, UserRecord } from '../types.js';
import { useDatabase } from './subject-database.js';
import type { StoreSubject } from './types.js';

/**
 * Registers the timeline tests of `subject`: the home feed and an author's posts, paged newest
 * first by the post-id cursor, exact after unfollows and deletions.
 */
export function describeTimelines(subject: StoreSubject): void {
  describe(`${subject.name}: timelines`, () => {
    const database = useDatabase(subject);
    let users: UserRecord[];
    let postIds: Map<number, number[]>;
    beforeEach(async () => {
      const { store } = database();
      users = await createUsers(store, ['reader', 'a', 'b', 'c', 'd', 'stranger']);
      for (const followee of users.slice(1, 5)) await store.follow(users[0]!.id, followee.id);
      postIds = await postRoundRobin(store, users, 60);
    });

    it('pages the home feed newest first, without duplicates or gaps, with the authors', async () => {
      const { store } = database();
      const reader = users[0]!;
      const expected = users
        .slice(1, 5)
        .flatMap((followee) => postIds.get(followee.id)!)
        .sort((x, y) => y - x);
      const pages = await allPages((before) => store.homeFeed(reader.id, { before, limit: 7 }), 7);
      const ids = pages.flat().map((post) => post.id);
      expect(ids).toEqual(expected);
      expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
      const first = pages[0]![0]!;
      const author = users.find((user) => user.id === first.authorId)!;
      expect(first).toMatchObject({
        authorUsername: author.username,
        authorDisplayName: author.displayName,
        likes: 0,
        replyTo: null,
      });
      expect(await store.homeFeed(users[5]!.id, { before: null, limit: 20 })).toEqual([]);
    });

    it("pages one author's posts newest first", async () => {
      const { store } = database();
      const author = users[2]!;
      const pages = await allPages((before) => store.userPosts(author.id, { before, limit: 4 }), 4);
      expect(pages.flat().map((post) => post.id)).toEqual([...postIds.get(author.id)!].reverse());
      expect(pages.flat().every((post) => post.authorUsername === author.username)).toBe(true);
    });

    it('keeps the feed exact after unfollowing and deleting', async () => {
      const { store } = database();
      const reader = users[0]!;
      await store.unfollow(reader.id, users[1]!.id);
      const deleted = postIds.get(users[2]!.id)!.at(-1)!;
      await store.deletePost(deleted);
      const feed = await store.homeFeed(reader.id, { before: null, limit: 100 });
      expect(feed.some((post) => post.authorId === users[1]!.id || post.id === deleted)).toBe(
        false,
      );
      expect(feed.length).toBe(
        users.slice(2, 5).reduce((sum, user) => sum + postIds.get(user.id)!.length, 0) - 1,
      );
    });
  });
}

/** Every page of a timeline, `limit` at a time, following the cursor. */
async function allPages(
  read: (before: number | null) => Promise<PostView[]>,
  limit: number,
): Promise<PostView[][]> {
  const pages: PostView[][] = [];
  let before: number | null = null;
  for (;;) {
    const page = await read(before);
    if (page.length > 0) pages.push(page);
    if (page.length < limit) return pages;
    before = page[page.length - 1]!.id;
  }
}

/** Creates `count` posts by `authors` in a fixed interleaving: each author's post ids in order. */
async function postRoundRobin(store: Store, authors: UserRecord[], count: number) {
  const ids = new Map<number, number[]>(authors.map((author) => [author.id, []]));
  for (let i = 0; i < count; i++) {
    const author = authors[(i * 7) % authors.length]!;
    const post = await store.createPost({
      authorId: author.id,
      text: `post ${i}`,
      replyTo: null,
      createdAt: 1_700_000_000_000 + i,
    });
    if (post !== 'reply-target-missing') ids.get(author.id)!.push(post.id);
  }
  return ids;
}
