import { type Pool, type Tx, transaction } from './postgres-connection.js';
import { addFollow } from './postgres-follows.js';
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
 * second query.
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
  let followed = 0;
  for (const { followerId, followeeId, followeeKey } of batch) {
    await tx`DELETE FROM pending_follows WHERE follower_id = ${followerId} AND followee_key = ${followeeKey}`;
    if (await addFollow(tx, followerId, followeeId)) followed++;
  }
  return { resolved: batch.length, followed, more: rows.length > limit };
}
