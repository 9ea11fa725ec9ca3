import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from './sqlite-store.js';
import type { NewUser, Store, UserRecord } from './types.js';

/** Where a test store lives: a real file in a temp dir, or `:memory:`. */
export type StoreKind = 'file' | 'memory';

/** A store opened for one test; `dispose` closes it and removes its temp dir. */
export interface TestStore {
  readonly store: Store;
  /** The database file, or `:memory:`. */
  readonly path: string;
  dispose(): Promise<void>;
}

/** Opens a fresh store of `kind` (test helper of the store's tests). */
export function openTestStore(kind: StoreKind): TestStore {
  if (kind === 'memory') {
    const store = openSqliteStore({ path: ':memory:' });
    return { store, path: ':memory:', dispose: () => store.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'launchday-store-'));
  const path = join(dir, 'feed.db');
  const store = openSqliteStore({ path });
  return {
    store,
    path,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A sign-up for `username` with fixed fields and no import, unless overridden. */
export function newUser(username: string, overrides: Partial<NewUser> = {}): NewUser {
  return {
    username,
    displayName: `The ${username}`,
    bio: '',
    passwordHash: 'scrypt$1$c2FsdA$a2V5',
    follows: [],
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** Creates accounts for `usernames` (none taken) and returns them in order. */
export async function createUsers(
  store: Store,
  usernames: readonly string[],
): Promise<UserRecord[]> {
  const users: UserRecord[] = [];
  for (const username of usernames) {
    const result = await store.createUser(newUser(username));
    if (result.kind !== 'created') throw new Error(`${username} was not created: ${result.kind}`);
    users.push(result.user);
  }
  return users;
}

/**
 * The queries of a count audit: the users, and the posts, whose denormalised counts disagree
 * with the rows they count. Plain SQL that SQLite and PostgreSQL both run.
 */
export const COUNT_AUDIT_SQL = {
  users: `SELECT id FROM users u
    WHERE followers <> (SELECT count(*) FROM follows WHERE followee_id = u.id)
       OR following <> (SELECT count(*) FROM follows WHERE follower_id = u.id)
       OR posts <> (SELECT count(*) FROM posts WHERE author_id = u.id)`,
  posts:
    'SELECT id FROM posts p WHERE like_count <> (SELECT count(*) FROM likes WHERE post_id = p.id)',
} as const;

/** The audit's findings as `user 3`, `post 7`: empty when every count is exact. */
export function mismatchNames(users: readonly number[], posts: readonly number[]): string[] {
  return [...users.map((id) => `user ${id}`), ...posts.map((id) => `post ${id}`)];
}

/**
 * The rows whose denormalised counts disagree with the rows they count, read from the file
 * at `path` over a connection of its own: an empty list when every count is exact.
 */
export function countMismatches(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const ids = (sql: string) => db.prepare<[], number>(sql).pluck().all();
    return mismatchNames(ids(COUNT_AUDIT_SQL.users), ids(COUNT_AUDIT_SQL.posts));
  } finally {
    db.close();
  }
}
