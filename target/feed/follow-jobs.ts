import type { PendingScope } from '../store/types.js';
import type { Job } from './job-queue.js';
import type { FeedContext } from './types.js';

/** The `kind` label of a pending-follow job: a sign-up's import, or the fan-in to a newcomer. */
export type FollowJobKind = 'import' | 'fan_in';

/**
 * The job that makes real the pending follows of `scope`, `config.jobBatchSize` per
 * transaction, yielding to the event loop between batches: a celebrity joining with millions
 * waiting costs many short batches interleaved with requests, never one long freeze.
 */
export function pendingFollowJob(
  context: Pick<FeedContext, 'store' | 'config' | 'metrics'>,
  scope: PendingScope,
): Job {
  const { store, config, metrics } = context;
  return {
    // Usernames compare case-insensitively, as the store compares them.
    key:
      scope.kind === 'follower'
        ? `follower:${scope.followerId}`
        : `followee:${scope.username.toLowerCase()}`,
    kind: scope.kind === 'follower' ? 'import' : 'fan_in',
    async run(stopping) {
      for (;;) {
        const progress = await store.resolvePendingFollows(scope, config.jobBatchSize);
        metrics.pendingFollowsResolved.inc(progress.followed);
        metrics.business.follows.inc(progress.followed);
        // A batch that resolved nothing cannot make progress by repeating itself.
        if (!progress.more || progress.resolved === 0 || stopping()) return;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
  };
}

/**
 * Queues the pending follows a previous run left resolvable (the process stopped or crashed
 * before its jobs finished), as many scopes as the queue has room for; returns how many.
 * Called once when the app is ready.
 */
export async function recoverPendingFollows(context: FeedContext): Promise<number> {
  const scopes = await context.store.resolvablePendingScopes(context.config.jobQueueCapacity);
  let queued = 0;
  for (const scope of scopes) {
    if (!context.jobs.enqueue(pendingFollowJob(context, scope))) break;
    queued++;
  }
  return queued;
}
