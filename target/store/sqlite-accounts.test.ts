import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newUser, openTestStore, STORE_KINDS, type TestStore } from './test-stores.js';

describe.each(STORE_KINDS)('SQLite store accounts (%s)', (kind) => {
  let fixture: TestStore;
  beforeEach(() => {
    fixture = openTestStore(kind);
  });
  afterEach(() => fixture.dispose());

  it('creates an account with zero counts and finds it by id and by username', async () => {
    const result = await fixture.store.createUser(newUser('Alice', { bio: 'hi' }));
    expect(result.kind).toBe('created');
    if (result.kind !== 'created') return;
    expect(result.user).toMatchObject({ username: 'Alice', bio: 'hi', followers: 0, posts: 0 });
    expect(await fixture.store.findUserById(result.user.id)).toEqual(result.user);
    expect(await fixture.store.findUserByUsername('alice')).toEqual(result.user);
    expect(await fixture.store.findUserByUsername('ALICE')).toEqual(result.user);
    expect(await fixture.store.findUserById(result.user.id + 1)).toBeNull();
    expect(await fixture.store.findUserByUsername('bob')).toBeNull();
  });

  it('refuses a username taken in any case', async () => {
    await fixture.store.createUser(newUser('Alice'));
    expect(await fixture.store.createUser(newUser('alice'))).toEqual({ kind: 'username-taken' });
    expect(await fixture.store.createUser(newUser('ALICE'))).toEqual({ kind: 'username-taken' });
    expect((await fixture.store.stats()).users).toBe(1);
  });

  it('replays a sign-up with a used idempotency key without creating anything', async () => {
    const input = newUser('alice', { idempotencyKey: 'k1', requestHash: 'h1', follows: ['bob'] });
    const first = await fixture.store.createUser(input);
    const again = await fixture.store.createUser(input);
    const otherBody = await fixture.store.createUser({ ...input, username: 'carol' });
    if (first.kind !== 'created') throw new Error('not created');
    expect(again).toEqual({ kind: 'replayed', user: first.user, requestHash: 'h1' });
    expect(otherBody).toEqual({ kind: 'replayed', user: first.user, requestHash: 'h1' });
    expect(await fixture.store.stats()).toMatchObject({ users: 1, pendingFollows: 1 });
  });

  it('records an import as pending follows: deduplicated ignoring case, without oneself', async () => {
    const follows = ['bob', 'Bob', 'BOB', 'carol', 'alice', 'Alice', 'dave', 'carol'];
    const result = await fixture.store.createUser(newUser('Alice', { follows }));
    expect(result).toMatchObject({ kind: 'created', pendingFollows: 3 });
    expect((await fixture.store.stats()).pendingFollows).toBe(3);
  });

  it('keeps usernames with SQL and unicode as plain data', async () => {
    const username = "x'); DROP TABLE users; --";
    const result = await fixture.store.createUser(newUser(username, { follows: ['Ünal', '"]'] }));
    expect(result).toMatchObject({ kind: 'created', pendingFollows: 2 });
    expect(await fixture.store.findUserByUsername(username.toUpperCase())).toMatchObject({
      username,
    });
    expect(await fixture.store.createUser(newUser('ünal'))).toMatchObject({ kind: 'created' });
    expect(await fixture.store.createUser(newUser('ÜNAL'))).toEqual({ kind: 'username-taken' });
  });
});
