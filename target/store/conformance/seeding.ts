import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../../seed/population.js';
import { createUsers } from '../test-stores.js';
import type { SeedPopulation, Store } from '../types.js';
import { supports, useDatabase } from './subject-database.js';
import type { StoreSubject } from './types.js';

const USERS = 300;

/** The population of `seed` the seeding tests import. */
const population = (seed: number): SeedPopulation =>
  generatePopulation({ users: USERS, seed, passwordHash: 'scrypt$1$c2FsdA$a2V5', now: 1e12 });

/**
 * Registers the seeding tests of `subject` (with `import` and `second-instance`): a bulk-loaded
 * population served as it was generated, the same content for the same seed, and no import
 * into a database that has users.
 */
export function describeSeeding(subject: StoreSubject): void {
  if (!supports(subject, 'import') || !supports(subject, 'second-instance')) return;
  describe(`${subject.name}: seeding`, () => {
    const database = useDatabase(subject);

    it('imports a population that the store then serves as it was generated', async () => {
      const seeded = population(7);
      const counts = await database().importPopulation(seeded);
      const store = await database().openAnother();
      expect(await store.stats()).toEqual({
        ...counts,
        pendingFollows: 0,
        resolvablePendingFollows: 0,
      });
      expect(counts.users).toBe(USERS);
      for (const user of seeded.users) expect(await store.findUserById(user.id)).toEqual(user);
      for (const { likedBy, ...post } of seeded.posts) {
        expect(likedBy).toHaveLength(post.likes);
        expect(await store.findPost(post.id)).toEqual(post);
      }
      expect(await store.findUserByUsername('USER1')).toMatchObject({ id: 1 });
    });

    it('gives the same content for the same population, other content for another seed', async () => {
      const digests: string[] = [];
      for (const seed of [7, 7, 8]) {
        const other = await subject.open();
        try {
          await other.importPopulation(population(seed));
          digests.push(await contentOf(await other.openAnother()));
        } finally {
          await other.dispose();
        }
      }
      expect(digests[1]).toBe(digests[0]);
      expect(digests[2]).not.toBe(digests[0]);
    });

    it('refuses a database that has users, leaving it untouched', async () => {
      await createUsers(database().store, ['alice', 'bob']);
      const before = await contentOf(database().store);
      await expect(database().importPopulation(population(7))).rejects.toThrow(/refusing to seed/);
      expect(await contentOf(await database().openAnother())).toBe(before);
    });
  });
}

/**
 * Everything the store serves of its accounts, read through the Store interface: the stats,
 * every account by id, and every account's posts and first page of home feed, as JSON.
 */
async function contentOf(store: Store): Promise<string> {
  const stats = await store.stats();
  const content: unknown[] = [stats];
  for (let id = 1; id <= stats.users; id++) {
    content.push(
      await store.findUserById(id),
      await store.userPosts(id, { before: null, limit: 1000 }),
      await store.homeFeed(id, { before: null, limit: 50 }),
    );
  }
  return JSON.stringify(content);
}
