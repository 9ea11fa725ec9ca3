import Database from 'better-sqlite3';
import { migrate } from './schema.js';
import { createAccountMethods } from './sqlite-accounts.js';
import { createConsistencyMethods } from './sqlite-consistency.js';
import { createFollowMethods, createFollowWriter } from './sqlite-follows.js';
import { importPopulation } from './sqlite-import.js';
import { createPendingFollowMethods } from './sqlite-pending-follows.js';
import { createPostMethods } from './sqlite-posts.js';
import { createTimelineMethods } from './sqlite-timelines.js';
import type { Store, StoreFactory } from './types.js';

/** Where the SQLite store lives and how hard it syncs. */
export interface SqliteStoreOptions {
  /** The database file (created when missing), or `:memory:` for a private in-memory one. */
  readonly path: string;
  /**
   * `synchronous` in WAL mode: `normal` (default) keeps every commit across a killed process,
   * `full` also across a power cut, at the cost of an fsync per commit.
   */
  readonly sync?: 'normal' | 'full';
}

/** How long a write waits for another process's transaction before failing (ms). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the SQLite store (better-sqlite3, synchronous): WAL so readers never wait for the
 * writer and several processes (node:cluster workers) share the file, writers queueing on the
 * lock up to {@link BUSY_TIMEOUT_MS}; foreign keys on; the schema created or migrated at open.
 * Every write is one IMMEDIATE transaction, committed before its method resolves.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const db = new Database(options.path, { timeout: BUSY_TIMEOUT_MS });
  try {
    configure(db, options);
    migrate(db);
    return assemble(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The SQLite store in the registry, `--store sqlite`: `--db` is its file. */
export const SQLITE_STORE: StoreFactory = {
  name: 'sqlite',
  description: 'a SQLite file through better-sqlite3, or :memory:',
  claims: () => false,
  importPopulation: async (db, population) => importPopulation(db, population),
  open: async ({ db, sync }) => openSqliteStore({ path: db, sync }),
};

function configure(db: Database.Database, options: SqliteStoreOptions): void {
  if (options.path !== ':memory:') {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`${options.path} could not switch to WAL (got ${mode})`);
  }
  db.pragma(`synchronous = ${options.sync === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
}

function assemble(db: Database.Database): Store {
  const writer = createFollowWriter(db);
  const ping = db.prepare<[], number>('SELECT 1').pluck();
  const databaseId = db
    .prepare<[], string>("SELECT value FROM meta WHERE key = 'database_id'")
    .pluck();
  return {
    ...createAccountMethods(db),
    ...createPostMethods(db),
    ...createFollowMethods(db, writer),
    ...createTimelineMethods(db),
    ...createPendingFollowMethods(db, writer),
    ...createConsistencyMethods(db),
    databaseId: async () => databaseId.get()!,
    ping: async () => {
      try {
        return ping.get() === 1;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
