import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './schema.js';
import { openSqliteStore } from './sqlite-store.js';
import { createUsers, openTestStore, type TestStore } from './test-stores.js';
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
});
