import { describe, expect, it } from 'vitest';
import { newUser } from '../test-stores.js';
import type { CreateUserResult, Store } from '../types.js';
import { supports, useDatabase } from './subject-database.js';
import type { StoreSubject } from './types.js';

/** How many sign-ups race in the concurrency tests. */
const RACERS = 24;

/**
 * Registers the account tests of `subject`: creating and finding accounts, usernames unique in
 * any case, and the idempotent sign-up, under concurrent retries within and across instances.
 */
export function describeAccounts(subject: StoreSubject): void {
  describe(`${subject.name}: accounts`, () => {
    const database = useDatabase(subject);

    it('creates an account with zero counts and finds it by id and by username', async () => {
      const { store } = database();
      const result = await store.createUser(newUser('Alice', { bio: 'hi' }));
      expect(result.kind).toBe('created');
      if (result.kind !== 'created') return;
      expect(result.user).toMatchObject({ username: 'Alice', bio: 'hi', followers: 0, posts: 0 });
      expect(await store.findUserById(result.user.id)).toEqual(result.user);
      expect(await store.findUserByUsername('alice')).toEqual(result.user);
      expect(await store.findUserByUsername('ALICE')).toEqual(result.user);
      expect(await store.findUserById(result.user.id + 1)).toBeNull();
      expect(await store.findUserByUsername('bob')).toBeNull();
    });

    it('refuses a username taken in any case', async () => {
      const { store } = database();
      await store.createUser(newUser('Alice'));
      expect(await store.createUser(newUser('alice'))).toEqual({ kind: 'username-taken' });
      expect(await store.createUser(newUser('ALICE'))).toEqual({ kind: 'username-taken' });
      expect((await store.stats()).users).toBe(1);
    });

    it('replays a sign-up with a used idempotency key without creating anything', async () => {
      const { store } = database();
      const input = newUser('alice', { idempotencyKey: 'k1', requestHash: 'h1', follows: ['bob'] });
      const first = await store.createUser(input);
      const again = await store.createUser(input);
      const otherBody = await store.createUser({ ...input, username: 'carol' });
      if (first.kind !== 'created') throw new Error('not created');
      expect(again).toEqual({ kind: 'replayed', user: first.user, requestHash: 'h1' });
      expect(otherBody).toEqual({ kind: 'replayed', user: first.user, requestHash: 'h1' });
      expect(await store.stats()).toMatchObject({ users: 1, pendingFollows: 1 });
    });

    it('records an import as pending follows: deduplicated ignoring case, without oneself', async () => {
      const { store } = database();
      const follows = ['bob', 'Bob', 'BOB', 'carol', 'alice', 'Alice', 'dave', 'carol'];
      const result = await store.createUser(newUser('Alice', { follows }));
      expect(result).toMatchObject({ kind: 'created', pendingFollows: 3 });
      expect((await store.stats()).pendingFollows).toBe(3);
    });

    it('keeps usernames with SQL and unicode as plain data', async () => {
      const { store } = database();
      const username = "x'); DROP TABLE users; --";
      const result = await store.createUser(newUser(username, { follows: ['Ünal', '"]'] }));
      expect(result).toMatchObject({ kind: 'created', pendingFollows: 2 });
      expect(await store.findUserByUsername(username.toUpperCase())).toMatchObject({ username });
      expect(await store.createUser(newUser('ünal'))).toMatchObject({ kind: 'created' });
      expect(await store.createUser(newUser('ÜNAL'))).toEqual({ kind: 'username-taken' });
    });

    it('answers concurrent retries of one sign-up with one account, the same for all', async () => {
      const { store } = database();
      await expectOneAccount(store, await raceSignUps([store]));
    });

    it('creates one account of a username raced for with different keys', async () => {
      const { store } = database();
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, index) =>
          store.createUser(
            newUser(index % 2 === 0 ? 'Race' : 'race', { idempotencyKey: `k${index}` }),
          ),
        ),
      );
      expect(results.filter((result) => result.kind === 'created')).toHaveLength(1);
      expect(results.filter((result) => result.kind === 'username-taken')).toHaveLength(RACERS - 1);
      expect((await store.stats()).users).toBe(1);
    });

    if (supports(subject, 'second-instance')) {
      it('answers concurrent retries across two instances with one account', async () => {
        const { store, openAnother } = database();
        const other = await openAnother();
        await expectOneAccount(store, await raceSignUps([store, other]));
        expect(await other.stats()).toEqual(await store.stats());
      });
    }
  });
}

/** {@link RACERS} concurrent sign-ups of one request with one key, spread over `stores`. */
function raceSignUps(stores: readonly Store[]): Promise<CreateUserResult[]> {
  const input = newUser('retried', {
    idempotencyKey: 'same-key',
    requestHash: 'same-hash',
    follows: ['later', 'LATER', 'other'],
  });
  return Promise.all(
    Array.from({ length: RACERS }, (_, index) => stores[index % stores.length]!.createUser(input)),
  );
}

/** Asserts that `results` created one account and replayed it to every other caller. */
async function expectOneAccount(store: Store, results: readonly CreateUserResult[]) {
  const created = results.filter((result) => result.kind === 'created');
  expect(created).toHaveLength(1);
  const user = created[0]!.user;
  expect(created[0]).toMatchObject({ pendingFollows: 2 });
  for (const result of results.filter((each) => each.kind !== 'created')) {
    expect(result).toEqual({ kind: 'replayed', user, requestHash: 'same-hash' });
  }
  expect(await store.findUserByUsername('retried')).toEqual(user);
  expect(await store.stats()).toMatchObject({ users: 1, pendingFollows: 2 });
}
