import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Request-duration buckets (s): 1 ms to 10 s, about three per decade. */
export const HTTP_DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** Storage-operation buckets (s): 50 µs to 1 s. */
export const STORE_DURATION_BUCKETS = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
];

/** Job wait and run buckets (s): 1 ms to 60 s. */
export const JOB_DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60];

/** Why a request is shed: the values of the `reason` label of `http_requests_shed_total`. */
export const SHED_REASONS = ['in_flight', 'queue_time'] as const;

/** Why a request was shed. */
export type ShedReason = (typeof SHED_REASONS)[number];

/** The business events the service counts. */
export type BusinessEvent = 'signups' | 'logins' | 'posts' | 'follows' | 'likes';

/**
 * Every metric of the feed service, registered on one prom-client registry. The names are the
 * contract with the Grafana dashboards (grafana/): change one only with its dashboard.
 * Route labels are route templates (`/v1/posts/:id/like`), never raw URLs.
 */
export interface FeedMetrics {
  readonly httpRequestDuration: Histogram<'route' | 'method' | 'status'>;
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpInFlight: Gauge;
  readonly shed: Counter<'reason'>;
  readonly storeOperationDuration: Histogram<'operation' | 'outcome'>;
  /**
   * Has the store pool's gauges (`feed_store_pool_connections`, `feed_store_pool_waiting`)
   * read from `read` when /metrics is scraped, not kept up on every storage operation.
   */
  readPoolWith(read: () => PoolUse): void;
  readonly jobQueueDepth: Gauge<'kind'>;
  readonly jobWait: Histogram<'kind'>;
  readonly jobDuration: Histogram<'kind' | 'outcome'>;
  readonly pendingFollowsResolved: Counter;
  readonly faultsInjected: Counter<'kind'>;
  readonly business: Record<BusinessEvent, Counter>;
}

/** A store pool's size and the storage operations in flight on it, each holding a connection. */
export interface PoolUse {
  readonly size: number;
  readonly inFlight: number;
}

/** Creates the feed service's metrics on `registry` (one registry per process). */
export function createFeedMetrics(registry: Registry): FeedMetrics {
  const registers = [registry];
  let readPool: (() => PoolUse) | undefined;
  const inUse = () => {
    const use = readPool?.();
    return use === undefined ? undefined : { ...use, busy: Math.min(use.inFlight, use.size) };
  };
  const business = (event: BusinessEvent, help: string) =>
    new Counter({ name: `feed_${event}_total`, help, registers });
  new Gauge({
    name: 'feed_store_pool_connections',
    help: 'Connections of the store pool (PostgreSQL), by state: in_use, idle.',
    labelNames: ['state'],
    registers,
    collect() {
      const use = inUse();
      if (use === undefined) return;
      this.set({ state: 'in_use' }, use.busy);
      this.set({ state: 'idle' }, use.size - use.busy);
    },
  });
  new Gauge({
    name: 'feed_store_pool_waiting',
    help: 'Storage operations waiting for a connection of the store pool (PostgreSQL).',
    registers,
    collect() {
      const use = inUse();
      if (use !== undefined) this.set(use.inFlight - use.busy);
    },
  });
  return {
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from a request arriving to its response being written, by route template.',
      labelNames: ['route', 'method', 'status'],
      buckets: HTTP_DURATION_BUCKETS,
      registers,
    }),
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'Requests answered, by route template, method and status (shed ones included).',
      labelNames: ['route', 'method', 'status'],
      registers,
    }),
    httpInFlight: new Gauge({
      name: 'http_requests_in_flight',
      help: 'Requests admitted and not yet answered.',
      registers,
    }),
    shed: zeroed(
      new Counter({
        name: 'http_requests_shed_total',
        help: 'Requests answered 503 by admission control, by reason.',
        labelNames: ['reason'],
        registers,
      }),
      SHED_REASONS.map((reason) => ({ reason })),
    ),
    storeOperationDuration: new Histogram({
      name: 'feed_store_operation_duration_seconds',
      help: 'Duration of storage operations, by operation and outcome (ok, error).',
      labelNames: ['operation', 'outcome'],
      buckets: STORE_DURATION_BUCKETS,
      registers,
    }),
    readPoolWith: (read) => {
      readPool = read;
    },
    jobQueueDepth: new Gauge({
      name: 'feed_jobs_queue_depth',
      help: 'Jobs waiting in the in-process queue, by kind.',
      labelNames: ['kind'],
      registers,
    }),
    jobWait: new Histogram({
      name: 'feed_job_wait_seconds',
      help: 'Time a job waited in the queue before a worker took it, by kind.',
      labelNames: ['kind'],
      buckets: JOB_DURATION_BUCKETS,
      registers,
    }),
    jobDuration: new Histogram({
      name: 'feed_job_duration_seconds',
      help: 'Time a job ran, all its batches, by kind and outcome (ok, error).',
      labelNames: ['kind', 'outcome'],
      buckets: JOB_DURATION_BUCKETS,
      registers,
    }),
    pendingFollowsResolved: new Counter({
      name: 'feed_pending_follows_resolved_total',
      help: 'Pending follows made real once their account joined.',
      registers,
    }),
    faultsInjected: new Counter({
      name: 'feed_faults_injected_total',
      help: 'Faults injected into requests, by kind (latency, error, stall, cpu).',
      labelNames: ['kind'],
      registers,
    }),
    business: {
      signups: business('signups', 'Accounts created (idempotent replays excluded).'),
      logins: business('logins', 'Successful logins.'),
      posts: business('posts', 'Posts created.'),
      follows: business('follows', 'Follows created, pending ones made real included.'),
      likes: business('likes', 'Likes created.'),
    },
  };
}

/**
 * `counter` with each of `labelSets` at 0, so that dashboards show 0 rather than no data before
 * the first event (a rate of nothing is still a rate).
 */
function zeroed<L extends string>(
  counter: Counter<L>,
  labelSets: readonly Partial<Record<L, string>>[],
): Counter<L> {
  for (const labels of labelSets) counter.inc(labels, 0);
  return counter;
}
