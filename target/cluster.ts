import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { faultsMessage, isFaultsMessage, WORKER_CONFIG_ENV } from './cluster-messages.js';
import type { TargetConfig } from './config.js';
import { serveClusterMetrics } from './metrics/cluster-metrics.js';
import { openStore } from './store/index.js';

const WORKER_ENTRY = fileURLToPath(new URL('./cluster-worker.js', import.meta.url));

/** The primary of a multi-process feed service. */
export interface RunningCluster {
  readonly url: string;
  /** Stops every worker gracefully (SIGTERM) and waits for them. */
  close(): Promise<void>;
}

/**
 * Starts `config.workers` processes (node:cluster) serving one port on one database file.
 * The primary creates the schema before forking, so workers never race to migrate; relays a
 * fault change from one worker to the others; answers the workers' requests for cluster-wide
 * metrics; and replaces a worker that dies unexpectedly.
 */
export async function startCluster(
  config: TargetConfig,
  log: (line: string) => void,
): Promise<RunningCluster> {
  await (await openStore(config)).close();
  cluster.setupPrimary({ exec: WORKER_ENTRY, args: [] });
  serveClusterMetrics();
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork({ [WORKER_CONFIG_ENV]: JSON.stringify(config) });
    worker.on('message', (message: unknown) => {
      if (isFaultsMessage(message)) relayFaults(worker, message.spec);
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      log(`worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting another`);
      fork();
    });
    return worker;
  };
  const listening = new Promise<string>((resolve) => {
    let count = 0;
    cluster.on('listening', (_worker, address) => {
      if (++count === config.workers) resolve(`http://${config.host}:${address.port}`);
    });
  });
  for (let index = 0; index < config.workers; index++) fork();
  const url = await listening;
  return {
    url,
    close: () => {
      stopping = true;
      return stopWorkers();
    },
  };
}

function relayFaults(from: Worker, spec: TargetConfig['faults']): void {
  for (const worker of Object.values(cluster.workers ?? {})) {
    if (worker !== undefined && worker !== from) worker.send(faultsMessage(spec));
  }
}

async function stopWorkers(): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}
