import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import postgres from 'postgres';
import { SERVER_CORE } from '../common/cores.js';
import { note } from '../common/log.js';
import { startPostgres } from '../common/postgres-cluster.js';
import type { StoreKind } from './types.js';

/** Where a store's databases live for the benchmark, and what it costs besides the service. */
export interface BenchStore {
  readonly kind: StoreKind;
  /** The database server's pid, whose CPU is the database's; null when it runs in the service. */
  readonly serverPid: number | null;
  /** The `--db` value of a new, empty database called `name`. */
  newDatabase(name: string): Promise<string>;
  /** The size of database `db` (bytes). */
  sizeOf(db: string): Promise<number>;
  /** Stops what the store started and removes its data. */
  close(): Promise<void>;
}

/**
 * Opens `kind` for the benchmark: SQLite files in `dir`, or a PostgreSQL cluster of its own,
 * at its durable defaults (fsync on, every commit flushed), pinned to the server core with the
 * feed service it serves.
 */
export async function openBenchStore(kind: StoreKind, dir: string): Promise<BenchStore> {
  return kind === 'sqlite' ? sqliteStore(dir) : await postgresStore();
}

function sqliteStore(dir: string): BenchStore {
  return {
    kind: 'sqlite',
    serverPid: null,
    newDatabase: async (name) => join(dir, `${name}.db`),
    async sizeOf(db) {
      const sizes = await Promise.all(
        ['', '-wal'].map((suffix) =>
          stat(`${db}${suffix}`).then(
            (info) => info.size,
            () => 0,
          ),
        ),
      );
      return sizes.reduce((sum, size) => sum + size, 0);
    },
    close: async () => {},
  };
}

async function postgresStore(): Promise<BenchStore> {
  note('starting a PostgreSQL cluster (durable defaults) on the server core');
  const cluster = await startPostgres({ durable: true, cpus: String(SERVER_CORE) });
  return {
    kind: 'postgres',
    serverPid: cluster.pid,
    newDatabase: (name) => cluster.createDatabase(name),
    async sizeOf(db) {
      const sql = postgres(db, { max: 1, onnotice: () => {} });
      try {
        const [row] = await sql<
          { bytes: string }[]
        >`select pg_database_size(current_database()) as bytes`;
        return Number(row!.bytes);
      } finally {
        await sql.end();
      }
    },
    close: () => cluster.stop(),
  };
}
