import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_FEED_SQL, USER_POSTS_SQL } from './sqlite-timelines.js';
import { openTestStore, type TestStore } from './test-stores.js';

describe('SQLite timeline query plans', () => {
  let fixture: TestStore;
  let db: Database.Database;
  beforeEach(() => {
    fixture = openTestStore('file');
    db = new Database(fixture.path, { readonly: true });
  });
  afterEach(async () => {
    db.close();
    await fixture.dispose();
  });

  const plan = (sql: string) =>
    db
      .prepare<[object], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all({ owner: 1, before: 1000, limit: 20 })
      .map((row) => row.detail);

  it('reads the home feed through the indexes, never scanning posts, follows or users', () => {
    const details = plan(HOME_FEED_SQL);
    expect(details).toContain('SEARCH f USING PRIMARY KEY (follower_id=?)');
    expect(details).toContain(
      'SEARCH p USING COVERING INDEX posts_author (author_id=? AND rowid<?)',
    );
    expect(details).toContain('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
    expect(details).toContain('SEARCH u USING INTEGER PRIMARY KEY (rowid=?)');
    expect(details.filter((detail) => /^SCAN (f|p|u)\b/.test(detail))).toEqual([]);
  });

  it("reads an author's posts from posts_author in order, without sorting", () => {
    const details = plan(USER_POSTS_SQL);
    expect(details).toContain('SEARCH p USING INDEX posts_author (author_id=? AND rowid<?)');
    expect(details.filter((detail) => /^SCAN|TEMP B-TREE/.test(detail))).toEqual([]);
  });
});
