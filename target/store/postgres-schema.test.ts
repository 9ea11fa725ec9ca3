import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { POSTGRES, usePostgresCluster } from '../../test/support/postgres-cluster.js';
import { migratePostgres, POSTGRES_SCHEMA_VERSION } from './postgres-schema.js';

describe.skipIf(POSTGRES.path === null)(`PostgreSQL migrations ${POSTGRES.requirement}`, () => {
  const cluster = usePostgresCluster();

  const open = async (name: string) =>
    postgres(await cluster().createDatabase(name), { onnotice: () => {} });

  it('creates the schema once, even when several instances start on the database together', async () => {
    const url = await cluster().createDatabase('together');
    const instances = Array.from({ length: 4 }, () =>
      postgres(url, { max: 2, onnotice: () => {} }),
    );
    try {
      await Promise.all(instances.map((sql) => migratePostgres(sql)));
      await migratePostgres(instances[0]!);
      const sql = instances[0]!;
      const applied = await sql<{ version: number; name: string }[]>`
        SELECT version, name FROM schema_migrations ORDER BY version`;
      expect(applied.map((m) => m.version)).toEqual(
        Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1),
      );
      const tables = await sql<{ table_name: string }[]>`
        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
      expect(tables.map((t) => t.table_name)).toEqual([
        'follows',
        'idempotency_keys',
        'likes',
        'meta',
        'pending_follows',
        'posts',
        'schema_migrations',
        'users',
      ]);
      const ids = await sql<{ value: string }[]>`SELECT value FROM meta WHERE key = 'database_id'`;
      expect(ids).toHaveLength(1);
      expect(ids[0]!.value).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await Promise.all(instances.map((sql) => sql.end()));
    }
  }, 60_000);

  it('refuses a database whose schema is newer than the program, changing nothing', async () => {
    const sql = await open('newer');
    try {
      await migratePostgres(sql);
      await sql`INSERT INTO schema_migrations (version, name) VALUES (${POSTGRES_SCHEMA_VERSION + 1}, 'future')`;
      await expect(migratePostgres(sql)).rejects.toThrow(
        `the database has schema version ${POSTGRES_SCHEMA_VERSION + 1}, newer than this program's ${POSTGRES_SCHEMA_VERSION}`,
      );
      const [count] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM schema_migrations`;
      expect(count!.n).toBe(POSTGRES_SCHEMA_VERSION + 1);
    } finally {
      await sql.end();
    }
  }, 60_000);
});
