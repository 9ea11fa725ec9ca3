import { closeSync, fsyncSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import Database from 'better-sqlite3';
import { migrate, SECONDARY_INDEXES, usernameKey } from './schema.js';
import type {
  ImportCounts,
  ImportPopulation,
  SeedFollows,
  SeedPopulation,
  SeedPost,
  UserRecord,
} from './types.js';

/** Thrown by {@link importPopulation} for a database that has users already. */
export class DatabaseNotEmptyError extends Error {
  constructor(
    path: string,
    users: number,
    instead = 'seed a new file (a path that does not exist yet) instead',
  ) {
    super(`refusing to seed ${path}: it already holds ${users} users; ${instead}`);
    this.name = 'DatabaseNotEmptyError';
  }
}

const USER_COLUMNS = [
  'id',
  'username',
  'username_key',
  'display_name',
  'bio',
  'password_hash',
  'created_at',
  'followers',
  'following',
  'posts',
];
const POST_COLUMNS = ['id', 'author_id', 'text', 'reply_to', 'created_at', 'like_count'];

/**
 * Bulk-loads a population (see {@link ImportPopulation}) the fast way, valid only because the
 * file is new or empty and nobody else uses it meanwhile: one connection, one transaction, no
 * rollback journal, no fsync and no foreign-key checks during the load, multi-row INSERTs in
 * primary-key order, the secondary indexes dropped during the load and built once afterwards
 * by sorting. A crash during the load leaves a file to throw away. Ends in WAL mode with the
 * file synced to disk. Throws {@link DatabaseNotEmptyError} before writing anything when the
 * database has users.
 */
export const importPopulation: ImportPopulation = (path, population) => {
  const db = new Database(path);
  let counts: ImportCounts;
  try {
    migrate(db);
    const users = db.prepare('SELECT count(*) FROM users').pluck().get() as number;
    if (users > 0) throw new DatabaseNotEmptyError(path, users);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    for (const name of Object.keys(SECONDARY_INDEXES)) db.exec(`DROP INDEX ${name}`);
    counts = db.transaction(() => load(db, population))();
    // Building an index is a sort; SQLite's sorter can use helper threads for it.
    db.pragma(`threads = ${Math.min(4, availableParallelism())}`);
    for (const ddl of Object.values(SECONDARY_INDEXES)) db.exec(ddl);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  if (path !== ':memory:') syncFile(path);
  return counts;
};

/** Nothing was fsynced during the load: make the finished file durable once. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function load(db: Database.Database, population: SeedPopulation): ImportCounts {
  const users = loadUsers(db, population.users);
  const follows = loadFollows(db, population.follows);
  return { users, follows, ...loadPosts(db, population.posts) };
}

function loadUsers(db: Database.Database, users: Iterable<UserRecord>): number {
  const inserter = batchInserter(db, 'users', USER_COLUMNS, 500);
  let count = 0;
  for (const user of users) {
    const { id, username, displayName, bio, passwordHash, createdAt } = user;
    const key = usernameKey(username);
    const counted = [user.followers, user.following, user.posts];
    inserter.add(id, username, key, displayName, bio, passwordHash, createdAt, ...counted);
    count++;
  }
  inserter.flush();
  return count;
}

function loadFollows(db: Database.Database, follows: Iterable<SeedFollows>): number {
  const inserter = batchInserter(db, 'follows', ['follower_id', 'followee_id'], 1000);
  let count = 0;
  for (const { followerId, followeeIds } of follows) {
    for (const followeeId of followeeIds) inserter.add(followerId, followeeId);
    count += followeeIds.length;
  }
  inserter.flush();
  return count;
}

function loadPosts(db: Database.Database, posts: Iterable<SeedPost>) {
  const postInserter = batchInserter(db, 'posts', POST_COLUMNS, 500);
  const likeInserter = batchInserter(db, 'likes', ['post_id', 'user_id'], 1000);
  const counts = { posts: 0, likes: 0 };
  for (const post of posts) {
    const { id, authorId, text, replyTo, createdAt, likes } = post;
    postInserter.add(id, authorId, text, replyTo, createdAt, likes);
    for (const userId of post.likedBy) likeInserter.add(id, userId);
    counts.posts++;
    counts.likes += post.likedBy.length;
  }
  postInserter.flush();
  likeInserter.flush();
  return counts;
}

/** Collects values and inserts them `rowsPerStatement` rows per INSERT. */
interface BatchInserter {
  /** Appends one row, its values in column order. */
  add(...row: unknown[]): void;
  /** Inserts the rows still collected. */
  flush(): void;
}

/**
 * A multi-row INSERT into `table` (names from this file, never input): one statement call per
 * `rowsPerStatement` rows instead of one per row, the main cost of a bulk load from JavaScript.
 */
function batchInserter(
  db: Database.Database,
  table: string,
  columns: readonly string[],
  rowsPerStatement: number,
): BatchInserter {
  const insert = (rows: number) => {
    const row = `(${columns.map(() => '?').join(', ')})`;
    return db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`,
    );
  };
  const full = insert(rowsPerStatement);
  const batchSize = rowsPerStatement * columns.length;
  const values: unknown[] = [];
  return {
    add(...row) {
      values.push(...row);
      if (values.length < batchSize) return;
      full.run(values);
      values.length = 0;
    },
    flush() {
      if (values.length > 0) insert(values.length / columns.length).run(values);
      values.length = 0;
    },
  };
}
