import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { MetricsCollector } from '../types.js';

const REQUEST = 'launchday-target-metrics-request';
const RESPONSE = 'launchday-target-metrics-response';

/** How long a worker waits for the primary's cluster-wide metrics by default (ms). */
export const CLUSTER_METRICS_TIMEOUT_MS = 7_000;

interface MetricsRequest {
  readonly type: typeof REQUEST;
  readonly id: number;
}

type MetricsResponse = { readonly type: typeof RESPONSE; readonly id: number } & (
  | { readonly contentType: string; readonly body: string }
  | { readonly error: string }
);

/**
 * In the primary of a node:cluster service: answers each worker's request for cluster-wide
 * metrics (see {@link clusterMetricsCollector}) with prom-client's AggregatorRegistry, which asks
 * every live worker for its registry and merges them by metric name and labels. Counters and
 * histograms (every bucket, sum and count) are summed, and so are gauges unless the metric says
 * otherwise: `http_requests_in_flight`, job queue depths and memory are cluster totals, while
 * `nodejs_eventloop_utilization` and event-loop lag are averaged (lag min and max taken as
 * such), `nodejs_version_info` is taken from the first worker and the process start time left
 * out. A worker that does not answer within prom-client's 5 s fails the scrape with an error
 * naming the cause. Call once, before forking; returns a function that stops answering.
 */
export function serveClusterMetrics(): () => void {
  if (!cluster.isPrimary) throw new Error('serveClusterMetrics() runs in the cluster primary');
  const aggregator = new AggregatorRegistry();
  const onMessage = (worker: Worker, message: unknown): void => {
    if (!isMessage<MetricsRequest>(message, REQUEST)) return;
    const answer = (response: MetricsResponse): void => {
      if (worker.isConnected()) worker.send(response);
    };
    aggregator.clusterMetrics().then(
      (body) =>
        answer({ type: RESPONSE, id: message.id, contentType: aggregator.contentType, body }),
      (error: Error) =>
        answer({
          type: RESPONSE,
          id: message.id,
          error: `the primary could not gather every worker's metrics: ${error.message}`,
        }),
    );
  };
  cluster.on('message', onMessage);
  return () => {
    cluster.off('message', onMessage);
  };
}

/**
 * In a node:cluster worker: makes `registry` (this worker's, from `createRegistry`) the one it
 * reports to the primary, and returns the collector `/metrics` answers with: it asks the primary
 * ({@link serveClusterMetrics}) over IPC for the metrics of all workers, so a scrape that lands
 * on any worker sees the whole cluster. Rejects with an Error saying what failed when the
 * primary answers an error or nothing within `timeoutMs`. Call once per worker.
 */
export function clusterMetricsCollector(
  registry: Registry,
  timeoutMs = CLUSTER_METRICS_TIMEOUT_MS,
): MetricsCollector {
  const send = process.send?.bind(process);
  if (!cluster.isWorker || send === undefined) {
    throw new Error(
      'clusterMetricsCollector() runs in a cluster worker; a lone process uses its registry',
    );
  }
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one in a worker installs prom-client's answer to the primary's requests.
  new AggregatorRegistry();
  const pending = new Map<number, (response: MetricsResponse) => void>();
  process.on('message', (message: unknown) => {
    if (isMessage<MetricsResponse>(message, RESPONSE)) pending.get(message.id)?.(message);
  });
  let nextId = 0;
  return () =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(
          new Error(
            `the cluster primary did not send the metrics within ${timeoutMs} ms ` +
              '(does it call serveClusterMetrics()?)',
          ),
        );
      }, timeoutMs);
      pending.set(id, (response) => {
        clearTimeout(timer);
        pending.delete(id);
        if ('error' in response) reject(new Error(response.error));
        else resolve({ contentType: response.contentType, body: response.body });
      });
      send({ type: REQUEST, id } satisfies MetricsRequest);
    });
}

function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as T).type === type;
}
