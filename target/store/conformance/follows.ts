import { describe, expect, it } from 'vitest';
import { createUsers } from '../test-stores.js';
import type { UserRecord } from '../types.js';
import { followCounts } from './fixtures.js';
import { auditCountsAfterEach, useDatabase } from './subject-database.js';
import type { StoreSubject } from './types.js';

/**
 * Registers the follow tests of `subject`: following once, both counts exact (audited after
 * each test when the subject can), no self-follows, no follows of missing accounts.
 */
export function describeFollows(subject: StoreSubject): void {
  describe(`${subject.name}: follows`, () => {
    const database = useDatabase(subject);
    auditCountsAfterEach(subject, database);

    it('follows and unfollows once, keeping both counts exact', async () => {
      const { store } = database();
      const [alice, bob] = (await createUsers(store, ['alice', 'bob'])) as UserRecord[];
      expect(await store.follow(alice!.id, bob!.id)).toEqual({ created: true });
      expect(await store.follow(alice!.id, bob!.id)).toEqual({ created: false });
      expect(await followCounts(store, alice!)).toEqual({ followers: 0, following: 1 });
      expect(await followCounts(store, bob!)).toEqual({ followers: 1, following: 0 });
      expect(await store.unfollow(alice!.id, bob!.id)).toBe(true);
      expect(await store.unfollow(alice!.id, bob!.id)).toBe(false);
      expect(await followCounts(store, bob!)).toEqual({ followers: 0, following: 0 });
    });

    it('never stores a self-follow, and throws for an account that does not exist', async () => {
      const { store } = database();
      const [alice] = (await createUsers(store, ['alice'])) as UserRecord[];
      expect(await store.follow(alice!.id, alice!.id)).toEqual({ created: false });
      await expect(store.follow(alice!.id, 999)).rejects.toThrow(/FOREIGN KEY/i);
      expect((await store.stats()).follows).toBe(0);
    });
  });
}
