import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { FaultSpec } from '../config.js';
import { ApiError } from '../errors.js';
import { busyWait } from '../faults/busy-wait.js';
import { createFaultRouteTable, type FaultScopeProblem } from '../faults/fault-scope.js';
import type { FeedMetrics } from '../metrics/feed-metrics.js';
import type { FaultController } from '../types.js';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * What is wrong with the scope of `spec` (`route=`, `method=`): a route or method no `/v1/`
     * request of this app can have, naming what would match; undefined when it is fine. Complete
     * once the app is ready (routes are recorded as they are registered).
     */
    faultScopeProblem(spec: FaultSpec): FaultScopeProblem | undefined;
  }
}

/** Options of {@link faultsPlugin}. */
export interface FaultsPluginOptions {
  /** The faults in force, read on every request; the admin endpoint changes them. */
  readonly faults: FaultController;
  readonly metrics: FeedMetrics;
  /** Told when the app is ready if the faults in force are scoped to no request at all. */
  readonly onScopeProblem?: (problem: string) => void;
}

const FAULT_BODY = JSON.stringify(
  new ApiError('fault_injected', 'a failure injected on purpose by the errors= fault').toBody(),
);

/**
 * Fault injection for rehearsals, on `/v1/` routes only (health, metrics and admin stay
 * reliable). In `onRequest`, once a request is admitted, it burns `cpuMs` of CPU (busy-waiting,
 * so the event loop is blocked that long), then waits `latencyMs` on a timer (the loop stays free),
 * then fails a share `errorRate` of requests with 500 `fault_injected`. A spec with `route` and/or
 * `method` does this only to requests whose `request.routeOptions.url` and `request.method` match
 * exactly; the others pass untouched and uncounted. A scope that matches no route of the app is
 * reported to `onScopeProblem` when the app is ready (see `faultScopeProblem`).
 * Every fault injected counts in `feed_faults_injected_total{kind}` (cpu, latency, error), and
 * every stall of a controller that reports them (`createFaultController`'s) as kind `stall`.
 * With no per-request fault in force the hook costs one check. The controller's owner (the
 * server) closes it. Register it after `loadSheddingPlugin`, so that shed requests cost nothing.
 */
export const faultsPlugin = fp(faultInjection, { name: 'launchday-faults' });

function faultInjection(
  app: FastifyInstance,
  options: FaultsPluginOptions,
  done: (error?: Error) => void,
): void {
  const { faults, metrics } = options;
  let spec = faults.current();
  let active = injectsPerRequest(spec);
  faults.onChange((next) => {
    spec = next;
    active = injectsPerRequest(next);
  });
  faults.onStall(() => metrics.faultsInjected.inc({ kind: 'stall' }));
  const routes = createFaultRouteTable();
  app.addHook('onRoute', (route) => routes.add(route.url, route.method));
  app.decorate('faultScopeProblem', (candidate: FaultSpec) => routes.problem(candidate));
  app.addHook('onReady', (ready) => {
    const problem = routes.problem(spec);
    if (problem !== undefined) options.onScopeProblem?.(problem.message);
    ready();
  });

  const failOrContinue = (current: FaultSpec, reply: FastifyReply, next: () => void): void => {
    if (current.errorRate > 0 && Math.random() < current.errorRate) {
      metrics.faultsInjected.inc({ kind: 'error' });
      reply.code(500).type('application/json; charset=utf-8').send(FAULT_BODY);
    } else next();
  };

  app.addHook('onRequest', (request, reply, next) => {
    if (!active || !request.routeOptions.url?.startsWith('/v1/')) return next();
    const current = spec;
    if (!inScope(current, request)) return next();
    if (current.cpuMs > 0) {
      busyWait(current.cpuMs);
      metrics.faultsInjected.inc({ kind: 'cpu' });
    }
    if (current.latencyMs <= 0) return failOrContinue(current, reply, next);
    metrics.faultsInjected.inc({ kind: 'latency' });
    setTimeout(() => failOrContinue(current, reply, next), current.latencyMs);
  });
  done();
}

// A scoped fault applies to its route pattern (as registered) and method only.
function inScope(spec: FaultSpec, request: FastifyRequest): boolean {
  if (spec.route !== undefined && request.routeOptions.url !== spec.route) return false;
  return spec.method === undefined || request.method === spec.method;
}

function injectsPerRequest(spec: FaultSpec): boolean {
  return spec.cpuMs > 0 || spec.latencyMs > 0 || spec.errorRate > 0;
}
