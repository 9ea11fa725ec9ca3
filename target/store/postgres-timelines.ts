import type { Pool } from './postgres-connection.js';
import { postColumns } from './postgres-posts.js';
import type { PageRequest, PostView, Store } from './types.js';

/** The timeline methods of the PostgreSQL store. */
export type TimelineMethods = Pick<Store, 'homeFeed' | 'userPosts'>;

/** A {@link PostView}'s columns: the post's and its author's, from `posts p` and `users u`. */
const viewColumns = (pool: Pool) =>
  pool`${postColumns(pool)}, u.username AS author_username, u.display_name AS author_display_name`;

/** A cursor above every post id. */
const NO_CURSOR = Number.MAX_SAFE_INTEGER;

/**
 * The timelines over `pool`. The home feed picks the page's post ids first (the followees from
 * `follows`' primary key, their posts from `posts_author` below the cursor), then reads only
 * those `limit` posts in full with their authors.
 */
export function createTimelineMethods(pool: Pool): TimelineMethods {
  const before = (page: PageRequest) => page.before ?? NO_CURSOR;
  return {
    homeFeed: (userId, page) =>
      pool<PostView[]>`
      SELECT ${viewColumns(pool)}
      FROM (
        SELECT p.id FROM follows f JOIN posts p ON p.author_id = f.followee_id
        WHERE f.follower_id = ${userId} AND p.id < ${before(page)}
        ORDER BY p.id DESC LIMIT ${page.limit}
      ) page
      JOIN posts p ON p.id = page.id
      JOIN users u ON u.id = p.author_id
      ORDER BY p.id DESC`,
    userPosts: (authorId, page) =>
      pool<PostView[]>`
      SELECT ${viewColumns(pool)}
      FROM posts p JOIN users u ON u.id = p.author_id
      WHERE p.author_id = ${authorId} AND p.id < ${before(page)}
      ORDER BY p.id DESC LIMIT ${page.limit}`,
  };
}
