import { type Pool, type Tx, transaction } from './postgres-connection.js';
import type { Store } from './types.js';

/** The follow methods of the PostgreSQL store. */
export type FollowMethods = Pick<Store, 'follow' | 'unfollow'>;

/**
 * Adds a follow with its counts (`following` of the follower, `followers` of the followee) in
 * the caller's transaction; true when it was new. A self-follow is never stored (false);
 * following an account that does not exist throws (the foreign key).
 */
async function addFollow(tx: Tx, followerId: number, followeeId: number): Promise<boolean> {
  if (followerId === followeeId) return false;
  const added = await tx`
    INSERT INTO follows (follower_id, followee_id) VALUES (${followerId}, ${followeeId})
    ON CONFLICT DO NOTHING`;
  if (added.count === 1) await countFollow(tx, 1, followerId, followeeId);
  return added.count === 1;
}

/** Both counts of a follow in one statement, so the two rows are locked in one go. */
async function countFollow(tx: Tx, delta: number, followerId: number, followeeId: number) {
  await tx`
    UPDATE users SET
      following = following + CASE WHEN id = ${followerId} THEN ${delta}::int ELSE 0 END,
      followers = followers + CASE WHEN id = ${followeeId} THEN ${delta}::int ELSE 0 END
    WHERE id IN (${followerId}, ${followeeId})`;
}

/** Follow and unfollow over `pool`, each one transaction. */
export function createFollowMethods(pool: Pool): FollowMethods {
  return {
    follow: (followerId, followeeId) =>
      transaction(pool, async (tx) => ({ created: await addFollow(tx, followerId, followeeId) })),
    unfollow: (followerId, followeeId) =>
      transaction(pool, async (tx) => {
        const removed = await tx`
          DELETE FROM follows WHERE follower_id = ${followerId} AND followee_id = ${followeeId}`;
        if (removed.count === 1) await countFollow(tx, -1, followerId, followeeId);
        return removed.count === 1;
      }),
  };
}
