import type { Pool, Tx } from './postgres-connection.js';
import { transaction } from './postgres-connection.js';
import { usernameKey } from './schema.js';
import type { CreateUserResult, NewUser, Store, UserRecord } from './types.js';

/** The account methods of the PostgreSQL store. */
export type AccountMethods = Pick<Store, 'createUser' | 'findUserById' | 'findUserByUsername'>;

/** The columns of a {@link UserRecord}, as a fragment of `sql`'s queries. */
export const userColumns = (sql: Pool | Tx) =>
  sql`id, username, display_name, bio, password_hash, created_at, followers, following, posts`;

/**
 * The account methods over `pool`. Sign-up is one transaction: retries with one idempotency
 * key queue on an advisory lock of that key, so the second sees what the first committed; the
 * username is claimed by the unique index (`ON CONFLICT DO NOTHING`), so two instances signing
 * up one name at once create one account (the `NOT EXISTS` only saves an id when the name is
 * plainly taken).
 */
export function createAccountMethods(pool: Pool): AccountMethods {
  return {
    createUser: (input) => transaction(pool, (tx) => createUser(tx, input)),
    findUserById: async (id) =>
      (await pool<UserRecord[]>`SELECT ${userColumns(pool)} FROM users WHERE id = ${id}`)[0] ??
      null,
    findUserByUsername: async (username) =>
      (
        await pool<UserRecord[]>`
        SELECT ${userColumns(pool)} FROM users WHERE username_key = ${usernameKey(username)}`
      )[0] ?? null,
  };
}

async function createUser(tx: Tx, input: NewUser): Promise<CreateUserResult> {
  const { idempotencyKey } = input;
  if (idempotencyKey !== undefined) {
    await tx`SELECT pg_advisory_xact_lock(hashtextextended(${idempotencyKey}, 0))`;
    const [prior] = await tx<{ userId: number; requestHash: string }[]>`
      SELECT user_id, request_hash FROM idempotency_keys WHERE key = ${idempotencyKey}`;
    if (prior !== undefined) {
      const [user] = await tx<UserRecord[]>`
        SELECT ${userColumns(tx)} FROM users WHERE id = ${prior.userId}`;
      return { kind: 'replayed', user: user!, requestHash: prior.requestHash };
    }
  }
  const key = usernameKey(input.username);
  const [user] = await tx<UserRecord[]>`
    INSERT INTO users (username, username_key, display_name, bio, password_hash, created_at)
    SELECT ${input.username}, ${key}, ${input.displayName}, ${input.bio}, ${input.passwordHash}, ${input.createdAt}
    WHERE NOT EXISTS (SELECT 1 FROM users WHERE username_key = ${key})
    ON CONFLICT (username_key) DO NOTHING
    RETURNING ${userColumns(tx)}`;
  if (user === undefined) return { kind: 'username-taken' };
  const follows = importKeys(input.follows, key);
  const pending =
    follows.length === 0
      ? { count: 0 }
      : await tx`
    INSERT INTO pending_follows (follower_id, followee_key)
    SELECT ${user.id}, unnest(${tx.array(follows)}::text[])
    ON CONFLICT DO NOTHING`;
  if (idempotencyKey !== undefined)
    await tx`INSERT INTO idempotency_keys (key, user_id, request_hash)
      VALUES (${idempotencyKey}, ${user.id}, ${input.requestHash ?? ''})`;
  return { kind: 'created', user, pendingFollows: pending.count };
}

/** The distinct username keys of an import, without the importer's own. */
function importKeys(follows: readonly string[], ownKey: string): string[] {
  const keys = new Set(follows.map(usernameKey));
  keys.delete(ownKey);
  return [...keys];
}
