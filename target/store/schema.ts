import type Database from 'better-sqlite3';

/**
 * The tables of schema version 1. Counts on users and posts are denormalised and kept exact by
 * the transactions that change the rows they count. `username_key` is the lower-cased username:
 * uniqueness and look-ups are case-insensitive, the display form is kept as typed.
 * Posts use AUTOINCREMENT so a deleted post's id is never reused and cursors stay stable.
 * `reply_to` has no foreign key on purpose: a reply outlives the post it answers and keeps its
 * `replyTo` (the thread stays visible as "reply to a deleted post"). Pending follows wait on a
 * username key, since their followee has no id yet. `meta.database_id` is random per database:
 * tokens are bound to it, so a token from another database is refused, never a dangling id.
 */
const TABLES_V1 = `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  username_key TEXT NOT NULL,
  display_name TEXT NOT NULL,
  bio TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  followers INTEGER NOT NULL DEFAULT 0,
  following INTEGER NOT NULL DEFAULT 0,
  posts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE follows (
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followee_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id)
) WITHOUT ROWID;
CREATE TABLE posts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  author_id INTEGER NOT NULL REFERENCES users (id),
  text TEXT NOT NULL,
  reply_to INTEGER,
  created_at INTEGER NOT NULL,
  like_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE likes (
  post_id INTEGER NOT NULL REFERENCES posts (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;
CREATE TABLE pending_follows (
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followee_key TEXT NOT NULL,
  PRIMARY KEY (follower_id, followee_key)
) WITHOUT ROWID;
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('database_id', lower(hex(randomblob(16))));
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  request_hash TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * The secondary indexes, by name. Kept apart from the tables so the bulk loader can drop them,
 * load, and build them once over sorted data. An index on a rowid table ends with the rowid,
 * so `posts_author` is (author_id, id): an author's posts newest first without a sort.
 */
export const SECONDARY_INDEXES: Readonly<Record<string, string>> = {
  users_username_key: 'CREATE UNIQUE INDEX users_username_key ON users (username_key)',
  follows_followee: 'CREATE INDEX follows_followee ON follows (followee_id, follower_id)',
  posts_author: 'CREATE INDEX posts_author ON posts (author_id)',
  pending_follows_followee:
    'CREATE INDEX pending_follows_followee ON pending_follows (followee_key, follower_id)',
};

/** Each migration takes the schema from version i to i + 1 (`PRAGMA user_version`). */
const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [
  (db) => {
    db.exec(TABLES_V1);
    for (const ddl of Object.values(SECONDARY_INDEXES)) db.exec(ddl);
  },
];

/** The schema version this program reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Creates or migrates the schema to {@link SCHEMA_VERSION} in one IMMEDIATE transaction, so
 * several processes opening the same file at once migrate it exactly once. Refuses a file
 * written by a newer program.
 */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `the database has schema version ${version}, newer than this program's ${SCHEMA_VERSION}; use a newer launchday or a new file`,
      );
    }
    for (const step of MIGRATIONS.slice(version)) step(db);
    if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** The lower-cased username that uniqueness, look-ups and pending follows compare. */
export function usernameKey(username: string): string {
  return username.toLowerCase();
}
