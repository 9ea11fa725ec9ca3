import { performance } from 'node:perf_hooks';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * Creates the registry of one process of the feed service: prom-client's default metrics
 * (process CPU and memory, event-loop lag, GC, handles) and `nodejs_eventloop_utilization`.
 * The server creates one per process and hands it to `createFeedMetrics`; tests make their own.
 */
export function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerEventLoopUtilization(registry);
  return registry;
}

/**
 * Registers the gauge `nodejs_eventloop_utilization`: the share of time (0 to 1) the event loop
 * spent working rather than waiting for I/O since the previous scrape (since start for the
 * first), from `performance.eventLoopUtilization`. Averaged across the workers of a cluster.
 */
function registerEventLoopUtilization(registry: Registry): Gauge {
  let previous = performance.eventLoopUtilization();
  return new Gauge({
    name: 'nodejs_eventloop_utilization',
    help: 'Share of time the event loop was busy (0-1) since the previous scrape.',
    registers: [registry],
    aggregator: 'average',
    collect() {
      const now = performance.eventLoopUtilization();
      this.set(performance.eventLoopUtilization(now, previous).utilization);
      previous = now;
    },
  });
}
