import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_STORE,
  describeStores,
  findStore,
  openStore,
  STORES,
  storeForDb,
} from './registry.js';
import { newUser } from './test-stores.js';

const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the store registry', () => {
  it('opens the default store by name on a file that keeps what was written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launchday-registry-'));
    dirs.push(dir);
    const location = { store: DEFAULT_STORE, db: join(dir, 'feed.db'), sync: 'normal' } as const;
    const first = await openStore(location);
    const created = await first.createUser(newUser('ada'));
    await first.close();
    const again = await openStore(location);
    expect(created.kind).toBe('created');
    expect((await again.findUserByUsername('ada'))?.username).toBe('ada');
    await again.close();
  });

  it('refuses a name no store is registered under, naming the registered ones', async () => {
    await expect(openStore({ store: 'cassandra', db: ':memory:', sync: 'normal' })).rejects.toThrow(
      'no store is registered as "cassandra"; the stores: sqlite (',
    );
    expect(findStore('cassandra')).toBeUndefined();
  });

  it('tells the store by the form of --db: a postgres:// URL is PostgreSQL, anything else SQLite', () => {
    expect(storeForDb('postgres://feed@127.0.0.1:5432/feed').name).toBe('postgres');
    expect(storeForDb('postgresql://127.0.0.1/feed').name).toBe('postgres');
    expect(storeForDb('feed.db').name).toBe(DEFAULT_STORE);
    expect(storeForDb(':memory:').name).toBe(DEFAULT_STORE);
  });

  it('lists every store once, the default first', () => {
    const names = STORES.map((store) => store.name);
    expect(names[0]).toBe(DEFAULT_STORE);
    expect(new Set(names).size).toBe(names.length);
    for (const store of STORES) expect(describeStores()).toContain(`${store.name} (`);
  });
});
