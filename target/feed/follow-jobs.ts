import { setTimeout as delay } from 'node:timers/promises';
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

/** The share of the job queue one recovery round may fill: the rest stays for new sign-ups. */
const RECOVERY_SHARE = 0.5;

/** The pause between recovery rounds (ms), so rounds that find only locked rows do not spin. */
const RECOVERY_PAUSE_MS = 1000;

/**
 * Queues the pending follows a previous run left resolvable (the process stopped or crashed
 * before its jobs finished), in rounds of at most half the queue's capacity, so that a restart
 * with a large backlog still leaves room for sign-ups instead of answering them 503. Awaits the
 * first round and returns how many scopes it queued; when that round was full, the next ones
 * follow in the background, each once the queue is idle, until a round comes back short or
 * the queue closes; their errors go to `onError`. Called once when the app is ready.
 */
export async function recoverPendingFollows(
  context: FeedContext,
  onError: (error: unknown) => void,
): Promise<number> {
  const round = Math.max(1, Math.floor(context.config.jobQueueCapacity * RECOVERY_SHARE));
  const queued = await recoveryRound(context, round);
  if (queued === round) recoverTheRest(context, round).catch(onError);
  return queued;
}

async function recoverTheRest(context: FeedContext, round: number): Promise<void> {
  for (;;) {
    await context.jobs.idle();
    await delay(RECOVERY_PAUSE_MS, undefined, { ref: false });
    if (context.jobs.isClosed() || (await recoveryRound(context, round)) < round) return;
  }
}

/** Queues up to `limit` resolvable scopes; returns how many. */
async function recoveryRound(context: FeedContext, limit: number): Promise<number> {
  const scopes = await context.store.resolvablePendingScopes(limit);
  let queued = 0;
  for (const scope of scopes) {
    if (!context.jobs.enqueue(pendingFollowJob(context, scope))) break;
    queued++;
  }
  return queued;
}
