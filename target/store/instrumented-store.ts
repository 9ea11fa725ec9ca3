import type { FeedMetrics } from '../metrics/feed-metrics.js';
import type { Store } from './types.js';

/**
 * Every method of {@link Store}, once: the compiler rejects this table when the interface
 * gains or loses a method, so no operation goes untimed.
 */
const OPERATIONS: Readonly<Record<Exclude<keyof Store, 'poolSize'>, true>> = {
  createUser: true,
  findUserById: true,
  findUserByUsername: true,
  createPost: true,
  findPost: true,
  deletePost: true,
  likePost: true,
  unlikePost: true,
  follow: true,
  unfollow: true,
  homeFeed: true,
  userPosts: true,
  resolvePendingFollows: true,
  resolvablePendingScopes: true,
  databaseId: true,
  missingRecords: true,
  stats: true,
  ping: true,
  close: true,
};

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * A {@link Store} that times every call of `store` into `feed_store_operation_duration_seconds`
 * (`operation`: the method name; `outcome`: `ok`, or `error` when the call rejected or threw),
 * then answers as `store` did. The server wraps its store once at start. For a store with a
 * pool, it counts the operations in flight for the pool's gauges, read at scrape time: each
 * operation holds one connection while it runs (a query, or one transaction), so of `n`
 * operations in flight, min(n, size) hold a connection and the rest wait for one.
 */
export function instrumentStore(store: Store, metrics: FeedMetrics): Store {
  const timed: Record<string, AnyMethod> = {};
  let inFlight = 0;
  const size = store.poolSize;
  if (size !== undefined) metrics.readPoolWith(() => ({ size, inFlight }));
  for (const operation of Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[]) {
    const method = (store[operation] as AnyMethod).bind(store);
    timed[operation] = async (...args) => {
      const end = metrics.storeOperationDuration.startTimer({ operation });
      inFlight++;
      try {
        const result = await method(...args);
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      } finally {
        inFlight--;
      }
    };
  }
  const pooled = store.poolSize === undefined ? {} : { poolSize: store.poolSize };
  return { ...(timed as unknown as Store), ...pooled };
}
