import type Database from 'better-sqlite3';
import type { Store } from './types.js';

/** The follow methods of the SQLite store. */
export type FollowMethods = Pick<Store, 'follow' | 'unfollow'>;

/**
 * Writes follows with their counts (`following` of the follower, `followers` of the followee),
 * inside the caller's transaction. Shared by direct follows and pending-follow resolution.
 */
export interface FollowWriter {
  /** True when the follow was new. A self-follow is never stored (false). */
  add(followerId: number, followeeId: number): boolean;
  /** True when there was a follow to remove. */
  remove(followerId: number, followeeId: number): boolean;
}

/** The {@link FollowWriter} over `db`. */
export function createFollowWriter(db: Database.Database): FollowWriter {
  // OR IGNORE covers the primary key and the CHECK against self-follows, not foreign keys:
  // following an account that does not exist throws.
  const insert = db.prepare<[number, number]>(
    'INSERT OR IGNORE INTO follows (follower_id, followee_id) VALUES (?, ?)',
  );
  const remove = db.prepare<[number, number]>(
    'DELETE FROM follows WHERE follower_id = ? AND followee_id = ?',
  );
  const countFollowing = db.prepare<[number, number]>(
    'UPDATE users SET following = following + ? WHERE id = ?',
  );
  const countFollowers = db.prepare<[number, number]>(
    'UPDATE users SET followers = followers + ? WHERE id = ?',
  );
  const count = (delta: number, followerId: number, followeeId: number) => {
    countFollowing.run(delta, followerId);
    countFollowers.run(delta, followeeId);
  };
  return {
    add(followerId, followeeId) {
      const created = insert.run(followerId, followeeId).changes === 1;
      if (created) count(1, followerId, followeeId);
      return created;
    },
    remove(followerId, followeeId) {
      const removed = remove.run(followerId, followeeId).changes === 1;
      if (removed) count(-1, followerId, followeeId);
      return removed;
    },
  };
}

/** Follow and unfollow over `db`, each one IMMEDIATE transaction. */
export function createFollowMethods(db: Database.Database, writer: FollowWriter): FollowMethods {
  const follow = db.transaction((followerId: number, followeeId: number) => ({
    created: writer.add(followerId, followeeId),
  }));
  const unfollow = db.transaction((followerId: number, followeeId: number) =>
    writer.remove(followerId, followeeId),
  );
  return {
    follow: async (followerId, followeeId) => follow.immediate(followerId, followeeId),
    unfollow: async (followerId, followeeId) => unfollow.immediate(followerId, followeeId),
  };
}
