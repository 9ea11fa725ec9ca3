import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';
import type { FeedMetrics } from '../metrics/feed-metrics.js';
import type { MetricsCollector } from '../types.js';

/** Options of {@link metricsPlugin}. */
export interface MetricsPluginOptions {
  readonly metrics: FeedMetrics;
  /** What `GET /metrics` answers: this process's registry, or the whole cluster's. */
  readonly collectMetrics: MetricsCollector;
}

/** The route label of requests that matched no route, so raw URLs never become labels. */
export const UNMATCHED_ROUTE = 'unmatched';

declare module 'fastify' {
  interface FastifyRequest {
    /** When the metrics plugin first saw the request (`performance.now()`, ms). */
    metricsStartedAt: number;
  }
}

/**
 * RED metrics of every answered request, and `GET /metrics`. Each response is observed into
 * `http_request_duration_seconds` (from `onRequest`, the earliest hook, to `onResponse`) and
 * counted in `http_requests_total`, labelled by route template (`request.routeOptions.url`,
 * `unmatched` for requests no route matched), method and status; shed and failed requests
 * included. A request whose client went away before the answer is not observed. Register it
 * first, before `loadSheddingPlugin`, so that its hooks run before any other can answer.
 */
export const metricsPlugin = fp(metricsRoutes, { name: 'launchday-metrics' });

function metricsRoutes(
  app: FastifyInstance,
  options: MetricsPluginOptions,
  done: (error?: Error) => void,
): void {
  const { httpRequestDuration, httpRequests } = options.metrics;
  app.decorateRequest('metricsStartedAt', 0);
  app.addHook('onRequest', (request, _reply, next) => {
    request.metricsStartedAt = performance.now();
    next();
  });
  app.addHook('onResponse', (request, reply, next) => {
    const labels = {
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      method: request.method,
      status: String(reply.statusCode),
    };
    httpRequestDuration.observe(labels, (performance.now() - request.metricsStartedAt) / 1000);
    httpRequests.inc(labels);
    next();
  });
  app.get('/metrics', async (_request, reply) => {
    let collected: Awaited<ReturnType<MetricsCollector>>;
    try {
      collected = await options.collectMetrics();
    } catch (error) {
      throw new ApiError('internal', `collecting the metrics failed: ${(error as Error).message}`);
    }
    return reply.type(collected.contentType).send(collected.body);
  });
  done();
}
