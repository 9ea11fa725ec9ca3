import type Database from 'better-sqlite3';
import { usernameKey } from './schema.js';
import type { CreateUserResult, NewUser, Store, UserRecord } from './types.js';

/** The account methods of the SQLite store. */
export type AccountMethods = Pick<Store, 'createUser' | 'findUserById' | 'findUserByUsername'>;

const USER_COLUMNS = `id, username, display_name AS displayName, bio, password_hash AS passwordHash,
  created_at AS createdAt, followers, following, posts`;

/** The account methods over `db` (schema migrated, foreign keys on). */
export function createAccountMethods(db: Database.Database): AccountMethods {
  const statements = prepareStatements(db);
  const { userById, userByKey } = statements;
  const create = db.transaction((input: NewUser) => createUser(statements, input));
  return {
    createUser: async (input) => create.immediate(input),
    findUserById: async (id) => userById.get(id) ?? null,
    findUserByUsername: async (username) => userByKey.get(usernameKey(username)) ?? null,
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** What a new `users` row is inserted from. */
type UserRow = Pick<NewUser, 'username' | 'displayName' | 'bio' | 'passwordHash' | 'createdAt'> & {
  readonly key: string;
};

function prepareStatements(db: Database.Database) {
  return {
    userById: db.prepare<[number], UserRecord>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`),
    userByKey: db.prepare<[string], UserRecord>(
      `SELECT ${USER_COLUMNS} FROM users WHERE username_key = ?`,
    ),
    findKey: db.prepare<[string], { userId: number; requestHash: string }>(
      'SELECT user_id AS userId, request_hash AS requestHash FROM idempotency_keys WHERE key = ?',
    ),
    insertUser: db.prepare<[UserRow]>(
      `INSERT INTO users (username, username_key, display_name, bio, password_hash, created_at)
       VALUES (@username, @key, @displayName, @bio, @passwordHash, @createdAt)`,
    ),
    // One statement for the whole import: the usernames arrive as one JSON array.
    insertPending: db.prepare<[number, string]>(
      `INSERT OR IGNORE INTO pending_follows (follower_id, followee_key)
       SELECT ?, value FROM json_each(?)`,
    ),
    insertKey: db.prepare<[string, number, string]>(
      'INSERT INTO idempotency_keys (key, user_id, request_hash) VALUES (?, ?, ?)',
    ),
  };
}

/** The body of the createUser transaction: key replay, username check, user, import, key. */
function createUser(statements: Statements, input: NewUser): CreateUserResult {
  if (input.idempotencyKey !== undefined) {
    const prior = statements.findKey.get(input.idempotencyKey);
    if (prior !== undefined) {
      const user = statements.userById.get(prior.userId)!;
      return { kind: 'replayed', user, requestHash: prior.requestHash };
    }
  }
  const key = usernameKey(input.username);
  if (statements.userByKey.get(key) !== undefined) return { kind: 'username-taken' };
  const { username, displayName, bio, passwordHash, createdAt } = input;
  const fields = { username, displayName, bio, passwordHash, createdAt };
  const id = Number(statements.insertUser.run({ ...fields, key }).lastInsertRowid);
  const keys = JSON.stringify(importKeys(input.follows, key));
  const pendingFollows = statements.insertPending.run(id, keys).changes;
  if (input.idempotencyKey !== undefined) {
    statements.insertKey.run(input.idempotencyKey, id, input.requestHash ?? '');
  }
  const user = { id, ...fields, followers: 0, following: 0, posts: 0 };
  return { kind: 'created', user, pendingFollows };
}

/** The distinct username keys of an import, without the importer's own. */
function importKeys(follows: readonly string[], ownKey: string): string[] {
  const keys = new Set(follows.map(usernameKey));
  keys.delete(ownKey);
  return [...keys];
}
