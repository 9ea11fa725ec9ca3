import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './schema.js';
import { openSqliteStore } from './sqlite-store.js';
import {
  countMismatches,
  createUsers,
  newUser,
  openTestStore,
  type TestStore,
} from './test-stores.js';
import type { Store } from './types.js';

/** Holds the write lock of `path` from another thread for `ms`; resolves once it holds it. */
function holdWriteLock(path: string, ms: number): Promise<Worker> {
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const db = new (require('better-sqlite3'))(workerData.path);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('locked');
     setTimeout(() => { db.exec('COMMIT'); db.close(); }, workerData.ms);`,
    { eval: true, workerData: { path, ms } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

describe('openSqliteStore on a file', () => {
  let fixture: TestStore;
  const others: Store[] = [];
  beforeEach(() => {
    fixture = openTestStore('file');
  });
  afterEach(async () => {
    for (const store of others.splice(0)) await store.close();
    await fixture.dispose();
  });

  it('uses WAL and the current schema version, and keeps data across a reopen', async () => {
    await createUsers(fixture.store, ['alice']);
    await fixture.store.close();
    const db = new Database(fixture.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const reopened = openSqliteStore({ path: fixture.path, sync: 'full' });
    others.push(reopened);
    expect(await reopened.findUserByUsername('alice')).toMatchObject({ id: 1 });
    expect(await reopened.ping()).toBe(true);
  });

  it('refuses a file written by a newer schema', async () => {
    await fixture.store.close();
    const db = new Database(fixture.path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore({ path: fixture.path })).toThrow(/newer than this program/);
  });

  it('lets two stores on one file (like two cluster workers) both write', async () => {
    const second = openSqliteStore({ path: fixture.path });
    others.push(second);
    const [alice] = await createUsers(fixture.store, ['alice']);
    const [bob] = await createUsers(second, ['bob']);
    expect(await fixture.store.createUser(newUser('BOB'))).toEqual({ kind: 'username-taken' });
    await Promise.all([
      fixture.store.follow(alice!.id, bob!.id),
      second.follow(bob!.id, alice!.id),
      ...Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? fixture.store : second).createPost({
          authorId: i % 3 === 0 ? alice!.id : bob!.id,
          text: `post ${i}`,
          replyTo: null,
          createdAt: i,
        }),
      ),
    ]);
    expect(await second.findUserById(alice!.id)).toMatchObject({ followers: 1, following: 1 });
    expect(await fixture.store.homeFeed(alice!.id, { before: null, limit: 50 })).toHaveLength(13);
    expect(await second.stats()).toEqual(await fixture.store.stats());
    expect(countMismatches(fixture.path)).toEqual([]);
  });

  it('waits for another connection holding the write lock instead of failing', async () => {
    const [alice] = await createUsers(fixture.store, ['alice']);
    const worker = await holdWriteLock(fixture.path, 300);
    const post = await fixture.store.createPost({
      authorId: alice!.id,
      text: 'after the lock',
      replyTo: null,
      createdAt: 0,
    });
    expect(post).toMatchObject({ text: 'after the lock' });
    await worker.terminate();
  });

  it('answers ping false once closed, and closes twice without error', async () => {
    await fixture.store.close();
    expect(await fixture.store.ping()).toBe(false);
    await expect(fixture.store.close()).resolves.toBeUndefined();
    await expect(fixture.store.findUserById(1)).rejects.toThrow();
  });
});
