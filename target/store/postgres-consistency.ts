import type { Pool, Tx } from './postgres-connection.js';
import type { RecordPair, RecordQuery, Store, StoreStats } from './types.js';

/** The consistency-check methods of the PostgreSQL store (`GET /admin/stats`, `/admin/verify`). */
export type ConsistencyMethods = Pick<Store, 'stats' | 'missingRecords'>;

/**
 * Stats and existence checks over `pool`. An existence check passes its keys as arrays to
 * `unnest … WITH ORDINALITY` and probes each key's primary key: one query per kind, in one
 * read-only REPEATABLE READ transaction, so every kind answers from the same snapshot.
 */
export function createConsistencyMethods(pool: Pool): ConsistencyMethods {
  return {
    stats: async () => {
      const [row] = await pool<StoreStats[]>`
        SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM posts) AS posts,
          (SELECT count(*) FROM follows) AS follows, (SELECT count(*) FROM likes) AS likes,
          (SELECT count(*) FROM pending_follows) AS pending_follows,
          (SELECT coalesce(sum(waiting.n), 0)::bigint
           FROM (SELECT followee_key, count(*) AS n FROM pending_follows GROUP BY followee_key) waiting
           JOIN users u ON u.username_key = waiting.followee_key) AS resolvable_pending_follows`;
      return { ...row! };
    },
    missingRecords: (query) =>
      pool.begin('isolation level repeatable read read only', async (tx) => ({
        ...(query.users && { users: await missingIds(tx, 'users', query.users) }),
        ...(query.posts && { posts: await missingIds(tx, 'posts', query.posts) }),
        ...(query.follows && { follows: await missingPairs(tx, 'follows', query.follows) }),
        ...(query.likes && { likes: await missingPairs(tx, 'likes', query.likes) }),
      })) as Promise<RecordQuery>,
  };
}

async function missingIds(tx: Tx, table: 'users' | 'posts', ids: readonly number[]) {
  const rows = await tx<{ id: number }[]>`
    SELECT key.id FROM unnest(${tx.array([...ids])}::bigint[]) WITH ORDINALITY AS key (id, n)
    WHERE NOT EXISTS (SELECT 1 FROM ${tx(table)} t WHERE t.id = key.id) ORDER BY key.n`;
  return rows.map((row) => row.id);
}

/** The primary-key probe of a follow `(a, b)` = (follower, followee) and a like = (user, post). */
const PAIR_LOOKUPS = {
  follows: (tx: Tx) => tx`SELECT 1 FROM follows WHERE follower_id = key.a AND followee_id = key.b`,
  likes: (tx: Tx) => tx`SELECT 1 FROM likes WHERE user_id = key.a AND post_id = key.b`,
} as const;

async function missingPairs(
  tx: Tx,
  kind: keyof typeof PAIR_LOOKUPS,
  pairs: readonly RecordPair[],
): Promise<RecordPair[]> {
  const firsts = tx.array(pairs.map((pair) => pair[0]));
  const seconds = tx.array(pairs.map((pair) => pair[1]));
  const rows = await tx<{ a: number; b: number }[]>`
    SELECT key.a, key.b
    FROM unnest(${firsts}::bigint[], ${seconds}::bigint[]) WITH ORDINALITY AS key (a, b, n)
    WHERE NOT EXISTS (${PAIR_LOOKUPS[kind](tx)}) ORDER BY key.n`;
  return rows.map(({ a, b }) => [a, b] as const);
}
