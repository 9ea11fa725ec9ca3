import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { openPool, type Tx } from './postgres-connection.js';
import { migratePostgres } from './postgres-schema.js';
import { usernameKey } from './schema.js';
import { DatabaseNotEmptyError } from './sqlite-import.js';
import type { ImportCounts, SeedPopulation } from './types.js';

/** The tables a seed fills. */
const LOADED_TABLES = ['users', 'follows', 'posts', 'likes'];

/**
 * Bulk-loads `population` into the PostgreSQL database at `url`, which must hold no users:
 * migrates it, then in one transaction streams every table with `COPY … FROM STDIN (FREEZE)`
 * in primary-key order, with its keys, foreign keys and indexes dropped meanwhile and made
 * again once after (a sort and one join each, instead of a check and an index insert per row),
 * sets the id sequences past the loaded ids, and analyzes the tables. Rejects with
 * {@link DatabaseNotEmptyError} before writing anything when the database has users; a
 * failed load rolls back whole.
 */
export async function importPostgresPopulation(
  url: string,
  population: SeedPopulation,
): Promise<ImportCounts> {
  const pool = openPool({ url, size: 1 });
  try {
    await migratePostgres(pool);
    const counts = (await pool.begin(async (tx) => {
      // Locked before the check, so nothing joins between it and the TRUNCATE below.
      await tx.unsafe(`LOCK TABLE ${LOADED_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);
      const [row] = await tx<{ users: number }[]>`SELECT count(*) AS users FROM users`;
      if (row!.users > 0)
        throw new DatabaseNotEmptyError(
          url,
          row!.users,
          'seed a new database (CREATE DATABASE) instead',
        );
      await tx`SET LOCAL maintenance_work_mem = '512MB'`;
      const rebuild = await dropKeysAndIndexes(tx);
      // Emptied in this transaction, so COPY may write the rows frozen and all-visible: index-only
      // scans then skip the heap, and no first read writes hint bits or needs a VACUUM.
      await tx.unsafe(`TRUNCATE ${LOADED_TABLES.join(', ')}`);
      const loaded = await load(tx, population);
      for (const ddl of rebuild) await tx.unsafe(ddl);
      for (const table of ['users', 'posts'])
        await tx.unsafe(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
        );
      return loaded;
    })) as ImportCounts;
    await pool`ANALYZE`;
    return counts;
  } finally {
    await pool.end({ timeout: 5 });
  }
}

/**
 * Drops the primary keys and other indexes of the tables a seed fills, and every foreign key, and
 * returns the DDL that makes them again, in an order that works: indexes and primary keys
 * first, the foreign keys that need them last.
 */
async function dropKeysAndIndexes(tx: Tx): Promise<string[]> {
  const constraints = await tx<{ table: string; name: string; definition: string; kind: string }[]>`
    SELECT conrelid::regclass::text AS table, conname AS name, contype AS kind,
      pg_get_constraintdef(oid) AS definition
    FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace
      AND (contype = 'f' OR (contype = 'p' AND conrelid::regclass::text IN ${tx(LOADED_TABLES)}))`;
  const indexes = await tx<{ name: string; definition: string }[]>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
    WHERE schemaname = 'public' AND tablename IN ${tx(LOADED_TABLES)}
      AND indexname NOT IN (SELECT conname FROM pg_constraint)`;
  const foreign = constraints.filter((c) => c.kind === 'f');
  const primary = constraints.filter((c) => c.kind === 'p');
  for (const c of [...foreign, ...primary])
    await tx.unsafe(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`);
  for (const index of indexes) await tx.unsafe(`DROP INDEX ${index.name}`);
  const add = (c: (typeof constraints)[number]) =>
    `ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.definition}`;
  return [...indexes.map((index) => index.definition), ...primary.map(add), ...foreign.map(add)];
}

async function load(tx: Tx, population: SeedPopulation): Promise<ImportCounts> {
  const users = await copy(
    tx,
    'users (id, username, username_key, display_name, bio, password_hash, created_at, followers, following, posts)',
    function* () {
      for (const u of population.users)
        yield [
          u.id,
          u.username,
          usernameKey(u.username),
          u.displayName,
          u.bio,
          u.passwordHash,
          u.createdAt,
          u.followers,
          u.following,
          u.posts,
        ];
    },
  );
  const follows = await copy(tx, 'follows (follower_id, followee_id)', function* () {
    for (const { followerId, followeeIds } of population.follows)
      for (const followeeId of followeeIds) yield [followerId, followeeId];
  });
  const posts = await copy(
    tx,
    'posts (id, author_id, text, reply_to, created_at, like_count)',
    function* () {
      for (const p of population.posts)
        yield [p.id, p.authorId, p.text, p.replyTo, p.createdAt, p.likes];
    },
  );
  const likes = await copy(tx, 'likes (post_id, user_id)', function* () {
    for (const post of population.posts) for (const userId of post.likedBy) yield [post.id, userId];
  });
  return { users, follows, posts, likes };
}

/** Rows buffered before a write to the COPY stream. */
const ROWS_PER_CHUNK = 2000;

/** Streams `rows` into `target` (a table and its columns) with COPY's text format; their count. */
async function copy(
  tx: Tx,
  target: string,
  rows: () => Iterable<readonly (string | number | null)[]>,
): Promise<number> {
  const stream: Writable = await tx.unsafe(`COPY ${target} FROM STDIN WITH (FREEZE)`).writable();
  const done = once(stream, 'finish');
  let count = 0;
  let chunk: string[] = [];
  for (const row of rows()) {
    chunk.push(`${row.map(copyValue).join('\t')}\n`);
    count++;
    if (chunk.length < ROWS_PER_CHUNK) continue;
    if (!stream.write(chunk.join(''))) await once(stream, 'drain');
    chunk = [];
  }
  stream.end(chunk.join(''));
  await done;
  return count;
}

/** A value in COPY's text format: `\N` for null, backslash, tab and newlines escaped. */
function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\',
  );
}
