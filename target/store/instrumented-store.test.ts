import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedMetrics } from '../metrics/feed-metrics.js';
import { instrumentStore } from './instrumented-store.js';
import { openSqliteStore } from './sqlite-store.js';
import { newUser } from './test-stores.js';
import type { Store } from './types.js';

describe('instrumentStore', () => {
  let registry: Registry;
  let raw: Store;
  let store: Store;
  beforeEach(() => {
    registry = new Registry();
    raw = openSqliteStore({ path: ':memory:' });
    store = instrumentStore(raw, createFeedMetrics(registry));
  });
  afterEach(() => store.close());

  /** Observations counted for `operation` with `outcome`, read from the exposition text. */
  async function observed(operation: string, outcome: string): Promise<number> {
    const series = `feed_store_operation_duration_seconds_count{operation="${operation}",outcome="${outcome}"}`;
    const line = (await registry.metrics()).split('\n').find((text) => text.startsWith(series));
    return line === undefined ? 0 : Number(line.slice(series.length));
  }

  it('has every method of the store it wraps', () => {
    expect(Object.keys(store).sort()).toEqual(Object.keys(raw).sort());
  });

  it('answers as the wrapped store and times each call by operation', async () => {
    const created = await store.createUser(newUser('alice'));
    expect(created.kind).toBe('created');
    expect(await store.findUserByUsername('ALICE')).toMatchObject({ username: 'alice' });
    await store.findUserById(1);
    await store.findUserById(2);
    expect(await observed('createUser', 'ok')).toBe(1);
    expect(await observed('findUserByUsername', 'ok')).toBe(1);
    expect(await observed('findUserById', 'ok')).toBe(2);
    expect(await observed('findUserById', 'error')).toBe(0);
  });

  it('counts a rejected call as an error and rejects as the wrapped store did', async () => {
    await store.createUser(newUser('alice'));
    await expect(store.follow(1, 42)).rejects.toThrow(/FOREIGN KEY/);
    expect(await observed('follow', 'error')).toBe(1);
    expect(await observed('follow', 'ok')).toBe(0);
  });
});
