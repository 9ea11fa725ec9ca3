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
 * pool, it also keeps the pool's gauges: each operation holds one connection while it runs (a
 * query, or one transaction), so of `n` operations in flight, min(n, size) hold a connection and
 * the rest wait for one.
 */
export function instrumentStore(store: Store, metrics: FeedMetrics): Store {
  const timed: Record<string, AnyMethod> = {};
  const pool = poolGauges(store.poolSize, metrics);
  for (const operation of Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[]) {
    const method = (store[operation] as AnyMethod).bind(store);
    timed[operation] = async (...args) => {
      const end = metrics.storeOperationDuration.startTimer({ operation });
      pool.started();
      try {
        const result = await method(...args);
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      } finally {
        pool.ended();
      }
    };
  }
  const pooled = store.poolSize === undefined ? {} : { poolSize: store.poolSize };
  return { ...(timed as unknown as Store), ...pooled };
}

/** Keeps `feed_store_pool_connections` and `feed_store_pool_waiting` for a pool of `size`. */
function poolGauges(size: number | undefined, metrics: FeedMetrics) {
  let inFlight = 0;
  const update = () => {
    if (size === undefined) return;
    const busy = Math.min(inFlight, size);
    metrics.storePoolConnections.set({ state: 'in_use' }, busy);
    metrics.storePoolConnections.set({ state: 'idle' }, size - busy);
    metrics.storePoolWaiting.set(inFlight - busy);
  };
  update();
  return {
    started: () => {
      inFlight++;
      update();
    },
    ended: () => {
      inFlight--;
      update();
    },
  };
}
