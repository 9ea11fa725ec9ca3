import type { TargetConfig } from '../config.js';
import type { FeedMetrics } from '../metrics/feed-metrics.js';
import type { Store } from '../store/types.js';
import { type Job, JobQueue } from './job-queue.js';
import { hashPassword } from './passwords.js';
import { createTokenService } from './tokens.js';
import type { FeedContext } from './types.js';

/** What {@link createFeedContext} wires; `buildApp` passes its deps. */
export interface FeedContextOptions {
  readonly store: Store;
  readonly config: TargetConfig;
  readonly metrics: FeedMetrics;
  /** The store's {@link Store.databaseId}, which tokens are bound to. */
  readonly databaseId: string;
  /** Epoch ms. */
  readonly now: () => number;
  /** Told about a background job that failed (the app logs it). */
  readonly onJobError: (error: unknown, job: Job) => void;
}

/** The feed's state for one app: token service, job queue, login decoy. */
export function createFeedContext(options: FeedContextOptions): FeedContext {
  const { store, config, metrics, now } = options;
  const jobs = new JobQueue({
    capacity: config.jobQueueCapacity,
    concurrency: config.jobConcurrency,
    metrics,
    onError: options.onJobError,
  });
  const tokens = createTokenService({
    secret: config.secret,
    databaseId: options.databaseId,
    adminToken: config.adminToken,
    ttlSeconds: config.tokenTtlSeconds,
    now,
  });
  const decoyPasswordHash = hashPassword('not a password of anyone', config.passwordCost);
  return { store, config, metrics, tokens, jobs, now, decoyPasswordHash };
}
