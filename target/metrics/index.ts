export {
  CLUSTER_METRICS_TIMEOUT_MS,
  clusterMetricsCollector,
  serveClusterMetrics,
} from './cluster-metrics.js';
export * from './feed-metrics.js';
export { createQueueDelayMonitor, type QueueDelayMonitor } from './queue-delay.js';
export { createRegistry } from './registry.js';
