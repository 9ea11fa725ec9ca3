import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { Counter, Histogram } from 'prom-client';
import { clusterMetricsCollector, serveClusterMetrics } from './cluster-metrics.js';
import { createRegistry } from './registry.js';

/**
 * A node:cluster service for cluster-metrics.test.ts, run as a bundled script. The primary
 * (which answers metrics requests unless FIXTURE_SERVE=0) forks FIXTURE_WORKERS workers and
 * prints `{"port":N}` once all listen. Each worker counts the requests it served
 * (`fixture_requests_total`, and by worker in `fixture_requests_by_worker_total`) and answers
 * `GET /metrics` with the cluster-wide text, or 500 with the collector's error message.
 */
if (cluster.isPrimary) {
  if (process.env.FIXTURE_SERVE !== '0') serveClusterMetrics();
  const workers = Number(process.env.FIXTURE_WORKERS ?? 2);
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === workers)
      process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  });
  for (let index = 0; index < workers; index++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.disconnect(() => process.exit(0));
  });
} else {
  const registry = createRegistry();
  const registers = [registry];
  const total = new Counter({ name: 'fixture_requests_total', help: 'Served.', registers });
  const byWorker = new Counter({
    name: 'fixture_requests_by_worker_total',
    help: 'Served, by worker.',
    labelNames: ['worker'],
    registers,
  });
  const sizes = new Histogram({ name: 'fixture_path_length', help: 'Paths.', registers });
  const collect = clusterMetricsCollector(registry, Number(process.env.FIXTURE_TIMEOUT_MS ?? 7000));
  const worker = String(cluster.worker?.id);
  createServer((request, response) => {
    if (request.url !== '/metrics') {
      total.inc();
      byWorker.inc({ worker });
      sizes.observe(request.url?.length ?? 0);
      response.end(worker);
      return;
    }
    collect().then(
      ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  }).listen(0, '127.0.0.1');
}
