import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseNotEmptyError } from '../store/sqlite-import.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { countMismatches } from '../store/test-stores.js';
import { seedDatabase } from './seed-database.js';
import type { SeedOptions } from './types.js';

const NOW = 1_700_000_000_000;
const WEEK_MS = 7 * 24 * 3600 * 1000;
const TABLES = {
  users: 'id',
  follows: 'follower_id, followee_id',
  posts: 'id',
  likes: 'post_id, user_id',
  pending_follows: 'follower_id, followee_key',
  idempotency_keys: 'key',
};

/** A SHA-256 of every row of every table, in primary-key order. */
function contentDigest(path: string): string {
  const db = new Database(path, { readonly: true });
  const hash = createHash('sha256');
  for (const [table, key] of Object.entries(TABLES)) {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).raw().iterate();
    for (const row of rows) hash.update(JSON.stringify(row));
  }
  db.close();
  return hash.digest('hex');
}

describe('seedDatabase', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  const seed = (path: string, options: Partial<SeedOptions> = {}) =>
    seedDatabase({
      path,
      users: 2000,
      seed: 7,
      passwordHash: 'scrypt$1$c2FsdA$a2V5',
      now: NOW,
      ...options,
    });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'launchday-seed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes identical content for the same users and seed, other content for another seed', async () => {
    await seed(file('a.db'));
    await seed(file('b.db'));
    await seed(file('c.db'), { seed: 8 });
    expect(contentDigest(file('a.db'))).toBe(contentDigest(file('b.db')));
    expect(contentDigest(file('c.db'))).not.toBe(contentDigest(file('a.db')));
  });

  it('reports the rows it wrote, with every denormalised count exact', async () => {
    const report = await seed(file('counts.db'));
    const db = new Database(file('counts.db'), { readonly: true });
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(report).toMatchObject({
      users: count('users'),
      follows: count('follows'),
      posts: count('posts'),
      likes: count('likes'),
    });
    expect(report.seconds).toBeGreaterThan(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const names = db.prepare('SELECT username FROM users WHERE id IN (1, 2000)').pluck().all();
    expect(names).toEqual(['user1', 'user2000']);
    db.close();
    expect(countMismatches(file('counts.db'))).toEqual([]);
  });

  it('posts in the week before now, ids in time order', async () => {
    await seed(file('posts.db'));
    const db = new Database(file('posts.db'), { readonly: true });
    const times = db.prepare('SELECT created_at FROM posts ORDER BY id').pluck().all() as number[];
    db.close();
    expect(times.length).toBeGreaterThan(2000);
    expect(times.every((time, i) => i === 0 || time >= times[i - 1]!)).toBe(true);
    expect(times[0]!).toBeGreaterThanOrEqual(NOW - WEEK_MS);
    expect(times.at(-1)!).toBeLessThan(NOW);
  });

  it('draws a power-law follow graph: a few accounts hold a large share of follows', async () => {
    const users = 20_000;
    const report = await seed(file('graph.db'), { users });
    const db = new Database(file('graph.db'), { readonly: true });
    const followers = db
      .prepare('SELECT followers FROM users ORDER BY followers DESC')
      .pluck()
      .all() as number[];
    const top = db.prepare('SELECT id FROM users ORDER BY followers DESC LIMIT 1').pluck().get();
    db.close();
    const share = (accounts: number) =>
      followers.slice(0, accounts).reduce((sum, n) => sum + n, 0) / report.follows;
    expect(report.follows / users).toBeGreaterThan(8);
    expect(report.follows / users).toBeLessThan(12);
    // The top 0.1% hold over 200 times their even share, the top 1% over 40 times.
    expect(share(users / 1000)).toBeGreaterThan(0.2);
    expect(share(users / 100)).toBeGreaterThan(0.4);
    expect(top).toBe(1);
    expect(followers[0]! / users).toBeGreaterThan(0.2);
    expect(followers.at(-1)).toBe(0);
  });

  it('refuses a database that has users, leaving it untouched', async () => {
    await seed(file('twice.db'));
    const before = contentDigest(file('twice.db'));
    await expect(seed(file('twice.db'), { seed: 99 })).rejects.toThrow(DatabaseNotEmptyError);
    await expect(seed(file('twice.db'))).rejects.toThrow(/seed a new file/);
    expect(contentDigest(file('twice.db'))).toBe(before);
  });

  it('seeds an empty store file, which the store then serves', async () => {
    await openSqliteStore({ path: file('served.db') }).close();
    await seed(file('served.db'), { users: 500 });
    const store = openSqliteStore({ path: file('served.db') });
    const user = await store.findUserByUsername('USER1');
    const feed = await store.homeFeed(2, { before: null, limit: 20 });
    await store.close();
    expect(user).toMatchObject({ id: 1, displayName: expect.stringMatching(/^\S+ \S+/) });
    expect(feed.map((post) => post.id)).toEqual(
      [...feed.map((post) => post.id)].sort((a, b) => b - a),
    );
  });
});
