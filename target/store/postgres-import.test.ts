import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { POSTGRES, usePostgresCluster } from '../../test/support/postgres-cluster.js';
import { seedDatabase } from '../seed/seed-database.js';
import { migratePostgres } from './postgres-schema.js';
import { openPostgresStore } from './postgres-store.js';
import { newUser } from './test-stores.js';

const SEED = { users: 300, seed: 7, passwordHash: 'scrypt$1$c2FsdA$a2V5', now: 1_700_000_000_000 };

/** Every constraint and index of `url`'s database, as PostgreSQL defines them. */
async function schemaOf(url: string): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const constraints = await sql<{ d: string }[]>`
      SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace`;
    const indexes = await sql<{ d: string }[]>`
      SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public'`;
    return [...constraints, ...indexes].map((row) => row.d).sort();
  } finally {
    await sql.end();
  }
}

describe.skipIf(POSTGRES.path === null)(
  `seeding PostgreSQL with COPY ${POSTGRES.requirement}`,
  () => {
    const cluster = usePostgresCluster();

    it('loads the population and leaves the schema a migration makes, ids continuing after it', async () => {
      const seeded = await cluster().createDatabase('seeded');
      const report = await seedDatabase({ path: seeded, ...SEED });
      expect(report.users).toBe(SEED.users);
      const migrated = await cluster().createDatabase('migrated');
      const sql = postgres(migrated, { max: 1, onnotice: () => {} });
      await migratePostgres(sql);
      await sql.end();
      expect(await schemaOf(seeded)).toEqual(await schemaOf(migrated));

      const store = await openPostgresStore({ url: seeded });
      try {
        const stats = await store.stats();
        expect(stats).toMatchObject({
          users: report.users,
          follows: report.follows,
          posts: report.posts,
          likes: report.likes,
        });
        const created = await store.createUser(newUser('newcomer'));
        expect(created.kind === 'created' && created.user.id).toBe(SEED.users + 1);
        expect((await store.findUserByUsername('USER42'))?.id).toBe(42);
      } finally {
        await store.close();
      }
    }, 60_000);

    it('seeds the population the SQLite seeding makes of the same seed', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'launchday-seed-'));
      try {
        const sqlite = await seedDatabase({ path: join(dir, 'feed.db'), ...SEED });
        const pg = await seedDatabase({
          path: await cluster().createDatabase('same_seed'),
          ...SEED,
        });
        expect({ ...pg, seconds: 0 }).toEqual({ ...sqlite, seconds: 0 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  },
);
