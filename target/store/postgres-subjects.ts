import postgres from 'postgres';
import type { PostgresCluster } from '../../test/support/postgres-cluster.js';
import type { StoreSubject, SubjectDatabase } from './conformance/types.js';
import { importPostgresPopulation } from './postgres-import.js';
import { POSTGRES_STORE } from './postgres-store.js';
import { COUNT_AUDIT_SQL, mismatchNames } from './test-stores.js';
import type { Store } from './types.js';

/**
 * PostgreSQL on a test's own cluster (`startPostgres`), a new database for every test: every
 * capability, since any connection, of this process or another, reaches the database. The
 * cluster is read when a test opens its database, so it may be started in a `beforeAll`.
 */
export function postgresSubject(cluster: () => PostgresCluster): StoreSubject {
  let databases = 0;
  return {
    name: 'postgres',
    lacks: {},
    async open(): Promise<SubjectDatabase> {
      const name = `conformance_${++databases}`;
      const url = await cluster().createDatabase(name);
      const stores: Store[] = [await POSTGRES_STORE.open({ db: url, sync: 'normal' })];
      const closeAll = async () => {
        for (const store of stores.splice(0)) await store.close();
      };
      return {
        store: stores[0]!,
        async openAnother() {
          const store = await POSTGRES_STORE.open({ db: url, sync: 'normal' });
          stores.push(store);
          return store;
        },
        location: (sync) => ({ store: POSTGRES_STORE.name, db: url, sync }),
        countMismatches: () => countMismatches(url),
        importPopulation: (population) => importPostgresPopulation(url, population),
        async dispose() {
          await closeAll();
          await dropDatabase(cluster().url, name);
        },
      };
    },
  };
}

/** {@link COUNT_AUDIT_SQL} over a connection of its own. */
async function countMismatches(url: string): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const ids = async (query: string) =>
      (await sql.unsafe<{ id: string }[]>(query)).map((row) => Number(row.id));
    return mismatchNames(await ids(COUNT_AUDIT_SQL.users), await ids(COUNT_AUDIT_SQL.posts));
  } finally {
    await sql.end();
  }
}

async function dropDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const sql = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await sql.end();
  }
}
