import { type Pool, type Tx, transaction } from './postgres-connection.js';
import { usernameKey } from './schema.js';
import type { PendingProgress, PendingScope, Store } from './types.js';

/** The pending-follow methods of the PostgreSQL store. */
export type PendingFollowMethods = Pick<Store, 'resolvePendingFollows' | 'resolvablePendingScopes'>;

/** A pending follow whose followee has joined. */
interface Resolvable {
  readonly followerId: number;
  readonly followeeId: number;
  readonly followeeKey: string;
}

/**
 * Pending-follow resolution over `pool`, safe for several instances running the same jobs: a
 * batch claims its rows with `FOR UPDATE SKIP LOCKED`, so two batches of one scope take
 * disjoint rows and neither waits; each claimed row is deleted in the transaction that makes
 * its follow, so none is done twice and, on a crash, none is lost (the claim ends with the
 * transaction). A batch claims `limit + 1` rows and resolves `limit`, so `more` needs no
 * second query, and makes its follows in set-wise statements, not three per follow.
 */
export function createPendingFollowMethods(pool: Pool): PendingFollowMethods {
  return {
    resolvePendingFollows: (scope, limit) =>
      transaction(pool, (tx) => resolveBatch(tx, scope, limit)),
    // Every resolvable row waits for an account that exists, so its fan-in scope covers it.
    resolvablePendingScopes: async (limit) => {
      const rows = await pool<{ username: string }[]>`
        SELECT u.username FROM (SELECT DISTINCT followee_key FROM pending_follows) waiting
        JOIN users u ON u.username_key = waiting.followee_key LIMIT ${limit}`;
      return rows.map(({ username }) => ({ kind: 'followee', username }));
    },
  };
}

async function resolveBatch(tx: Tx, scope: PendingScope, limit: number): Promise<PendingProgress> {
  const where =
    scope.kind === 'follower'
      ? tx`pf.follower_id = ${scope.followerId}`
      : tx`pf.followee_key = ${usernameKey(scope.username)}`;
  const rows = await tx<Resolvable[]>`
    SELECT pf.follower_id, u.id AS followee_id, pf.followee_key
    FROM pending_follows pf JOIN users u ON u.username_key = pf.followee_key
    WHERE ${where}
    ORDER BY pf.follower_id, pf.followee_key
    LIMIT ${limit + 1}
    FOR UPDATE OF pf SKIP LOCKED`;
  const batch = rows.slice(0, limit);
  const followed = batch.length === 0 ? 0 : await makeFollows(tx, batch);
  return { resolved: batch.length, followed, more: rows.length > limit };
}

/**
 * Makes the claimed `batch` real in three statements, however large it is: locks the counts'
 * rows in id order (so batches sharing popular accounts queue instead of deadlocking), then
 * deletes the pending rows, inserts the follows that are new and adds them to both counts.
 * Returns how many follows were new.
 */
async function makeFollows(tx: Tx, batch: readonly Resolvable[]): Promise<number> {
  const followers = batch.map((row) => row.followerId);
  const followees = batch.map((row) => row.followeeId);
  const keys = batch.map((row) => row.followeeKey);
  await tx`
    SELECT id FROM users WHERE id = ANY(${[...followers, ...followees]}::bigint[])
    ORDER BY id FOR UPDATE`;
  const [row] = await tx<{ followed: number }[]>`
    WITH batch AS (
      SELECT * FROM unnest(${followers}::bigint[], ${followees}::bigint[], ${keys}::text[])
        AS b (follower_id, followee_id, followee_key)
    ), resolved AS (
      DELETE FROM pending_follows pf USING batch b
      WHERE pf.follower_id = b.follower_id AND pf.followee_key = b.followee_key
    ), added AS (
      INSERT INTO follows (follower_id, followee_id)
      SELECT follower_id, followee_id FROM batch WHERE follower_id <> followee_id
      ON CONFLICT DO NOTHING
      RETURNING follower_id, followee_id
    ), deltas AS (
      SELECT id, sum(following)::int AS following, sum(followers)::int AS followers FROM (
        SELECT follower_id AS id, 1 AS following, 0 AS followers FROM added
        UNION ALL SELECT followee_id, 0, 1 FROM added
      ) counts GROUP BY id
    ), counted AS (
      UPDATE users u SET following = u.following + d.following, followers = u.followers + d.followers
      FROM deltas d WHERE u.id = d.id
    )
    SELECT count(*)::int AS followed FROM added`;
  return row!.followed;
}
