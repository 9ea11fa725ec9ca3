import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_FEED_SQL, USER_POSTS_SQL } from './sqlite-timelines.js';
import { createUsers, openTestStore, STORE_KINDS, type TestStore } from './test-stores.js';
import type { PostView, Store, UserRecord } from './types.js';

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

describe.each(STORE_KINDS)('SQLite store timelines (%s)', (kind) => {
  let fixture: TestStore;
  let users: UserRecord[];
  let postIds: Map<number, number[]>;
  beforeEach(async () => {
    fixture = openTestStore(kind);
    users = await createUsers(fixture.store, ['reader', 'a', 'b', 'c', 'd', 'stranger']);
    for (const followee of users.slice(1, 5)) await fixture.store.follow(users[0]!.id, followee.id);
    postIds = await postRoundRobin(fixture.store, users, 60);
  });
  afterEach(() => fixture.dispose());

  it('pages the home feed newest first, without duplicates or gaps, with the authors', async () => {
    const reader = users[0]!;
    const expected = users
      .slice(1, 5)
      .flatMap((followee) => postIds.get(followee.id)!)
      .sort((x, y) => y - x);
    const pages = await allPages(
      (before) => fixture.store.homeFeed(reader.id, { before, limit: 7 }),
      7,
    );
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
    expect(await fixture.store.homeFeed(users[5]!.id, { before: null, limit: 20 })).toEqual([]);
  });

  it("pages one author's posts newest first", async () => {
    const author = users[2]!;
    const pages = await allPages(
      (before) => fixture.store.userPosts(author.id, { before, limit: 4 }),
      4,
    );
    expect(pages.flat().map((post) => post.id)).toEqual([...postIds.get(author.id)!].reverse());
    expect(pages.flat().every((post) => post.authorUsername === author.username)).toBe(true);
  });

  it('keeps the feed exact after unfollowing and deleting', async () => {
    const reader = users[0]!;
    await fixture.store.unfollow(reader.id, users[1]!.id);
    const deleted = postIds.get(users[2]!.id)!.at(-1)!;
    await fixture.store.deletePost(deleted);
    const feed = await fixture.store.homeFeed(reader.id, { before: null, limit: 100 });
    expect(feed.some((post) => post.authorId === users[1]!.id || post.id === deleted)).toBe(false);
    expect(feed.length).toBe(
      users.slice(2, 5).reduce((sum, user) => sum + postIds.get(user.id)!.length, 0) - 1,
    );
  });
});

describe('SQLite timeline query plans', () => {
  let fixture: TestStore;
  let db: Database.Database;
  beforeEach(() => {
    fixture = openTestStore('file');
    db = new Database(fixture.path, { readonly: true });
  });
  afterEach(async () => {
    db.close();
    await fixture.dispose();
  });

  const plan = (sql: string) =>
    db
      .prepare<[object], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all({ owner: 1, before: 1000, limit: 20 })
      .map((row) => row.detail);

  it('reads the home feed through the indexes, never scanning posts, follows or users', () => {
    const details = plan(HOME_FEED_SQL);
    expect(details).toContain('SEARCH f USING PRIMARY KEY (follower_id=?)');
    expect(details).toContain(
      'SEARCH p USING COVERING INDEX posts_author (author_id=? AND rowid<?)',
    );
    expect(details).toContain('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
    expect(details).toContain('SEARCH u USING INTEGER PRIMARY KEY (rowid=?)');
    expect(details.filter((detail) => /^SCAN (f|p|u)\b/.test(detail))).toEqual([]);
  });

  it("reads an author's posts from posts_author in order, without sorting", () => {
    const details = plan(USER_POSTS_SQL);
    expect(details).toContain('SEARCH p USING INDEX posts_author (author_id=? AND rowid<?)');
    expect(details.filter((detail) => /^SCAN|TEMP B-TREE/.test(detail))).toEqual([]);
  });
});
