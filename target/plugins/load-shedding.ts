import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';
import type { FeedMetrics, ShedReason } from '../metrics/feed-metrics.js';
import { createQueueDelayMonitor } from '../metrics/queue-delay.js';

/** Options of {@link loadSheddingPlugin}; the server takes them from `TargetConfig`. */
export interface LoadSheddingOptions {
  /** Requests admitted and not yet answered beyond which new ones are shed. */
  readonly maxInFlight: number;
  /** A request estimated to have waited longer than this before being handled is shed (ms). */
  readonly queueBudgetMs: number;
  /** The `Retry-After` of a shed request (s). */
  readonly retryAfterSeconds: number;
  readonly metrics: FeedMetrics;
}

const MESSAGES: Readonly<Record<ShedReason, string>> = {
  in_flight: 'too many requests in flight',
  queue_time: 'requests wait too long before being served',
};

/**
 * Admission control, as the Google SRE book's "Handling Overload" asks: a service beyond its
 * capacity answers the excess at once and cheaply, so the requests it does admit are served
 * in time and goodput stays flat instead of collapsing under an ever longer queue.
 *
 * In `onRequest` (after routing, before the body is read), a request is shed with 503
 * `overloaded`, `Retry-After: retryAfterSeconds` and a JSON error body when `maxInFlight`
 * requests are already admitted and not yet answered (reason `in_flight`: work waiting on I/O
 * such as the store or injected latency), or when it is estimated to have waited longer than
 * `queueBudgetMs` in the event loop's queue (reason `queue_time`: CPU-bound overload; see
 * `createQueueDelayMonitor` for how the wait is estimated). Each shed request counts in
 * `http_requests_shed_total{reason}`; `http_requests_in_flight` follows the admitted ones until
 * their response is written or their connection closes.
 *
 * `/healthz`, `/readyz`, `/metrics` and `/admin/*` are never shed and do not count as in
 * flight: probes, scrapes and operators must get through an overload. Register it after
 * `metricsPlugin` (so shed requests are timed and counted) and before everything else.
 */
export const loadSheddingPlugin = fp(loadShedding, { name: 'launchday-load-shedding' });

function loadShedding(
  app: FastifyInstance,
  options: LoadSheddingOptions,
  done: (error?: Error) => void,
): void {
  const { maxInFlight, queueBudgetMs, retryAfterSeconds, metrics } = options;
  const queueDelay = createQueueDelayMonitor();
  const retryAfter = String(retryAfterSeconds);
  const bodies = shedBodies(retryAfterSeconds);
  let inFlight = 0;
  const release = (): void => {
    inFlight--;
    metrics.httpInFlight.dec();
  };
  const shed = (reply: FastifyReply, reason: ShedReason): void => {
    metrics.shed.inc({ reason });
    reply
      .code(503)
      .header('retry-after', retryAfter)
      .type('application/json; charset=utf-8')
      .send(bodies[reason]);
  };

  app.addHook('onRequest', (request, reply, next) => {
    if (isExempt(request)) return next();
    const waitedMs = queueDelay.estimateMs();
    if (inFlight >= maxInFlight) return shed(reply, 'in_flight');
    if (waitedMs > queueBudgetMs) return shed(reply, 'queue_time');
    inFlight++;
    metrics.httpInFlight.inc();
    // 'close' comes once per response, also when the client went away before the answer.
    reply.raw.once('close', release);
    next();
  });
  done();
}

function isExempt(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return (
    route === '/healthz' ||
    route === '/readyz' ||
    route === '/metrics' ||
    (route?.startsWith('/admin/') ?? false)
  );
}

function shedBodies(retryAfterSeconds: number): Readonly<Record<ShedReason, string>> {
  const body = (reason: ShedReason) =>
    JSON.stringify(
      new ApiError(
        'overloaded',
        `the service is overloaded (${MESSAGES[reason]}); retry after ${retryAfterSeconds} s`,
      ).toBody(),
    );
  return { in_flight: body('in_flight'), queue_time: body('queue_time') };
}
