import type Database from 'better-sqlite3';
import { usernameKey } from './schema.js';
import type { FollowWriter } from './sqlite-follows.js';
import type { PendingProgress, PendingScope, Store } from './types.js';

/** The pending-follow methods of the SQLite store. */
export type PendingFollowMethods = Pick<Store, 'resolvePendingFollows' | 'resolvablePendingScopes'>;

/** A pending follow whose followee has joined. */
interface Resolvable {
  readonly followerId: number;
  readonly followeeId: number;
  readonly followeeKey: string;
}

/**
 * Pending-follow resolution over `db`. A batch reads `limit + 1` resolvable rows and resolves
 * `limit` of them, so `more` is exact without a second query. Each resolved row is deleted and
 * becomes a follow unless it exists already (or would be a self-follow): both count as resolved.
 */
export function createPendingFollowMethods(
  db: Database.Database,
  writer: FollowWriter,
): PendingFollowMethods {
  const byFollower = db.prepare<[number, number], Resolvable>(
    `SELECT pf.follower_id AS followerId, u.id AS followeeId, pf.followee_key AS followeeKey
     FROM pending_follows pf CROSS JOIN users u
     WHERE pf.follower_id = ? AND u.username_key = pf.followee_key LIMIT ?`,
  );
  const byFollowee = db.prepare<[string, number], Resolvable>(
    `SELECT pf.follower_id AS followerId, u.id AS followeeId, pf.followee_key AS followeeKey
     FROM users u CROSS JOIN pending_follows pf
     WHERE u.username_key = ? AND pf.followee_key = u.username_key LIMIT ?`,
  );
  const remove = db.prepare<[number, string]>(
    'DELETE FROM pending_follows WHERE follower_id = ? AND followee_key = ?',
  );
  // The distinct waited-for usernames, from the covering index, that now have an account.
  const scopes = db
    .prepare<[number], string>(
      `SELECT u.username FROM (SELECT DISTINCT followee_key FROM pending_follows) waiting
     CROSS JOIN users u ON u.username_key = waiting.followee_key LIMIT ?`,
    )
    .pluck();

  const resolve = db.transaction((scope: PendingScope, limit: number): PendingProgress => {
    const rows =
      scope.kind === 'follower'
        ? byFollower.all(scope.followerId, limit + 1)
        : byFollowee.all(usernameKey(scope.username), limit + 1);
    const batch = rows.slice(0, limit);
    let followed = 0;
    for (const { followerId, followeeId, followeeKey } of batch) {
      remove.run(followerId, followeeKey);
      if (writer.add(followerId, followeeId)) followed++;
    }
    return { resolved: batch.length, followed, more: rows.length > limit };
  });

  return {
    resolvePendingFollows: async (scope, limit) => resolve.immediate(scope, limit),
    // Every resolvable row waits for an account that exists, so its fan-in scope covers it.
    resolvablePendingScopes: async (limit) =>
      scopes.all(limit).map((username) => ({ kind: 'followee', username })),
  };
}
