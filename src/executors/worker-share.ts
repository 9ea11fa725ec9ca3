import type { WorkerShare } from './types.js';

/**
 * How many of `total` items (VUs, in-flight slots) a worker takes: worker w takes the items
 * whose 0-based index is ≡ w (mod workerCount), so the shares over all workers sum to `total`
 * and differ by at most one.
 */
export function shareCount(total: number, share: WorkerShare): number {
  if (total <= share.workerIndex) return 0;
  return Math.floor((total - 1 - share.workerIndex) / share.workerCount) + 1;
}

/**
 * The global, 1-based id of a worker's `localIndex`-th item (0-based): the inverse of the
 * split in {@link shareCount}, so ids are unique over all workers and stay ≤ the total.
 */
export function globalId(localIndex: number, share: WorkerShare): number {
  return share.workerIndex + share.workerCount * localIndex + 1;
}
