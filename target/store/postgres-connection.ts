import postgres, { type Sql, type TransactionSql } from 'postgres';

/** A pool of connections to one PostgreSQL database. */
export type Pool = Sql;
/** A connection inside one transaction. */
export type Tx = TransactionSql;

/** What a pool is opened with. */
export interface PoolOptions {
  /** Any PostgreSQL URL, e.g. `postgres://user@127.0.0.1:5432/feed`. */
  readonly url: string;
  /** The most connections this process holds. */
  readonly size: number;
}

/**
 * Opens a pool: statements prepared on each connection and reused (postgres.js `prepare`),
 * `bigint` columns (ids, epoch-ms times, counts) read as numbers (every id and time fits in a
 * double's 53 bits), snake_case columns read as camelCase fields.
 */
export function openPool({ url, size }: PoolOptions): Pool {
  return postgres(url, {
    max: size,
    prepare: true,
    onnotice: () => {},
    transform: postgres.camel,
    types: {
      bigint: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(value),
        parse: (value: string) => Number(value),
      },
    },
  });
}

/** SQLSTATEs after which a transaction is safe to run again: a deadlock, a serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

/**
 * Runs `work` in one transaction (READ COMMITTED), committed before it resolves; run again
 * from the start when PostgreSQL aborted it for a deadlock with another transaction (up to
 * {@link ATTEMPTS} times), as the service's writes lock users' rows in no fixed order.
 */
export async function transaction<T>(pool: Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await pool.begin((tx) => work(tx))) as T;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
    }
  }
}
