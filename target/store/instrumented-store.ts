import type { FeedMetrics } from '../metrics/feed-metrics.js';
import type { Store } from './types.js';

/**
 * Every method of {@link Store}, once: the compiler rejects this table when the interface
 * gains or loses a method, so no operation goes untimed.
 */
const OPERATIONS: Readonly<Record<keyof Store, true>> = {
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
 * then answers as `store` did. The server wraps its store once at start.
 */
export function instrumentStore(store: Store, metrics: FeedMetrics): Store {
  const timed: Record<string, AnyMethod> = {};
  for (const operation of Object.keys(OPERATIONS) as (keyof Store)[]) {
    const method = (store[operation] as AnyMethod).bind(store);
    timed[operation] = async (...args) => {
      const end = metrics.storeOperationDuration.startTimer({ operation });
      try {
        const result = await method(...args);
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      }
    };
  }
  return timed as unknown as Store;
}
