import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { buildApp } from './app.js';
import type { TargetConfig } from './config.js';
import { createFaultController } from './faults/fault-controller.js';
import { createFeedMetrics } from './metrics/feed-metrics.js';
import { createRegistry } from './metrics/registry.js';
import { instrumentStore, openStore } from './store/index.js';
import type { FaultController, MetricsCollector } from './types.js';

/** A listening feed service in this process. */
export interface RunningServer {
  /** `http://host:port`, the port as bound (useful with port 0). */
  readonly url: string;
  readonly app: FastifyInstance;
  /** Stops accepting, finishes requests in flight and running job batches, closes the store. */
  close(): Promise<void>;
}

/** How a cluster worker differs from a lone process; both default to the lone process. */
export interface ServerRole {
  /** The `/metrics` text: this process's registry unless the cluster's is wanted. */
  collectMetrics?: (registry: Registry) => MetricsCollector;
  /** Connects the fault controller to the other processes. */
  shareFaults?: (faults: FaultController) => void;
}

/** Opens the store, builds the app and listens on `config.host`:`config.port`. */
export async function startServer(
  config: TargetConfig,
  role: ServerRole = {},
): Promise<RunningServer> {
  const registry = createRegistry();
  const metrics = createFeedMetrics(registry);
  const rawStore = await openStore(config);
  const store = instrumentStore(rawStore, metrics);
  const faults = createFaultController(config.faults);
  role.shareFaults?.(faults);
  const collectMetrics = role.collectMetrics?.(registry) ?? registryCollector(registry);
  const app = await buildApp({ config, store, registry, metrics, faults, collectMetrics });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await closeAll(app, faults, store);
    throw error;
  }
  return { url: urlOf(app), app, close: () => closeAll(app, faults, store) };
}

/** The registry's own text, for a lone process. */
export function registryCollector(registry: Registry): MetricsCollector {
  return async () => ({ contentType: registry.contentType, body: await registry.metrics() });
}

async function closeAll(
  app: FastifyInstance,
  faults: FaultController,
  store: { close(): Promise<void> },
): Promise<void> {
  await app.close();
  faults.close();
  await store.close();
}

function urlOf(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
