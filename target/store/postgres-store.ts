import { createAccountMethods } from './postgres-accounts.js';
import { openPool } from './postgres-connection.js';
import { createConsistencyMethods } from './postgres-consistency.js';
import { createFollowMethods } from './postgres-follows.js';
import { importPostgresPopulation } from './postgres-import.js';
import { createPendingFollowMethods } from './postgres-pending-follows.js';
import { createPostMethods } from './postgres-posts.js';
import { migratePostgres } from './postgres-schema.js';
import { createTimelineMethods } from './postgres-timelines.js';
import type { Store, StoreFactory } from './types.js';

/** Where the PostgreSQL store lives and how many connections a process keeps. */
export interface PostgresStoreOptions {
  /** Any PostgreSQL URL, e.g. `postgres://user@127.0.0.1:5432/feed`. */
  readonly url: string;
  /** The pool's size: the most connections this process holds; default {@link DEFAULT_POOL_SIZE}. */
  readonly poolSize?: number;
}

/** Connections per process by default, with one process on the database. */
export const DEFAULT_POOL_SIZE = 10;
/** What the default pools of all processes together stay within (PostgreSQL allows 100). */
const DEFAULT_TOTAL_CONNECTIONS = 40;

/**
 * The default pool of each of `workers` processes: {@link DEFAULT_POOL_SIZE}, smaller when
 * many processes share the database, so together they keep to 40 connections; at least 2.
 */
export function defaultPoolSize(workers: number): number {
  return Math.max(2, Math.min(DEFAULT_POOL_SIZE, Math.floor(DEFAULT_TOTAL_CONNECTIONS / workers)));
}

/** The PostgreSQL store in the registry, `--db postgres://…` (or `--store postgres`). */
export const POSTGRES_STORE: StoreFactory = {
  name: 'postgres',
  description: 'a PostgreSQL database, --db postgres://user@host:port/name',
  claims: (db) => /^postgres(ql)?:\/\//.test(db),
  importPopulation: importPostgresPopulation,
  open: ({ db, poolSize, workers }) =>
    openPostgresStore({ url: db, poolSize: poolSize ?? defaultPoolSize(workers ?? 1) }),
};

/**
 * Opens the PostgreSQL store: a bounded pool (postgres.js, prepared statements), the schema
 * created or migrated at open. Every write is one transaction, committed before its method
 * resolves; several processes (cluster workers, separate instances) share the database.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = openPool({ url: options.url, size: options.poolSize ?? DEFAULT_POOL_SIZE });
  try {
    await migratePostgres(pool);
    const [meta] = await pool<
      { value: string }[]
    >`SELECT value FROM meta WHERE key = 'database_id'`;
    const databaseId = meta!.value;
    return {
      ...createAccountMethods(pool),
      ...createPostMethods(pool),
      ...createFollowMethods(pool),
      ...createTimelineMethods(pool),
      ...createPendingFollowMethods(pool),
      ...createConsistencyMethods(pool),
      databaseId: async () => databaseId,
      ping: async () => {
        try {
          const [row] = await pool<{ one: number }[]>`SELECT 1 AS one`;
          return row?.one === 1;
        } catch {
          return false;
        }
      },
      close: () => pool.end({ timeout: 5 }),
      poolSize: pool.options.max,
    };
  } catch (error) {
    await pool.end({ timeout: 1 });
    throw error;
  }
}
