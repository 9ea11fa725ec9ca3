import type Database from 'better-sqlite3';
import type { RecordPair, RecordQuery, Store, StoreStats } from './types.js';

/** The consistency-check methods of the SQLite store (`GET /admin/stats`, `/admin/verify`). */
export type ConsistencyMethods = Pick<Store, 'stats' | 'missingRecords'>;

// A follow is keyed (follower_id, followee_id) and a like (post_id, user_id): each pair
// probes its table's primary key.
const PAIR_LOOKUPS = {
  follows: 'follows WHERE follower_id = pair.a AND followee_id = pair.b',
  likes: 'likes WHERE user_id = pair.a AND post_id = pair.b',
} as const;

/**
 * Stats and existence checks over `db`. The counts scan each table's smallest index; the
 * resolvable pending follows walk `pending_follows_followee` once, grouped by followee, and
 * probe `users_username_key` once per waited-for username. An existence check passes its
 * keys as one JSON array bound to `json_each` and probes the primary key of each: one query
 * per kind, whatever the number of keys.
 */
export function createConsistencyMethods(db: Database.Database): ConsistencyMethods {
  const stats = db.prepare<[], StoreStats>(
    `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM posts) AS posts,
       (SELECT count(*) FROM follows) AS follows, (SELECT count(*) FROM likes) AS likes,
       (SELECT count(*) FROM pending_follows) AS pendingFollows,
       (SELECT coalesce(sum(waiting.n), 0)
        FROM (SELECT followee_key, count(*) AS n FROM pending_follows GROUP BY followee_key)
          AS waiting
        CROSS JOIN users u ON u.username_key = waiting.followee_key) AS resolvablePendingFollows`,
  );
  const missingIds = (table: 'users' | 'posts') =>
    db
      .prepare<[string], number>(
        `SELECT id.value FROM json_each(?) AS id
         WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${table}.id = id.value) ORDER BY id.key`,
      )
      .pluck();
  const missingPairs = (kind: keyof typeof PAIR_LOOKUPS) =>
    db
      .prepare<[string], RecordPair>(
        `SELECT pair.a, pair.b
         FROM (SELECT key AS k, value ->> 0 AS a, value ->> 1 AS b FROM json_each(?)) AS pair
         WHERE NOT EXISTS (SELECT 1 FROM ${PAIR_LOOKUPS[kind]}) ORDER BY pair.k`,
      )
      .raw();
  const queries = {
    users: missingIds('users'),
    posts: missingIds('posts'),
    follows: missingPairs('follows'),
    likes: missingPairs('likes'),
  };
  // A deferred transaction that only reads: every kind answers from the same snapshot.
  const missing = db.transaction(
    (query: RecordQuery): RecordQuery => ({
      ...(query.users && { users: queries.users.all(JSON.stringify(query.users)) }),
      ...(query.posts && { posts: queries.posts.all(JSON.stringify(query.posts)) }),
      ...(query.follows && { follows: queries.follows.all(JSON.stringify(query.follows)) }),
      ...(query.likes && { likes: queries.likes.all(JSON.stringify(query.likes)) }),
    }),
  );
  return {
    stats: async () => stats.get()!,
    missingRecords: async (query) => missing(query),
  };
}
