import { faultsMessage, isFaultsMessage, WORKER_CONFIG_ENV } from './cluster-messages.js';
import { TargetConfigSchema } from './config.js';
import { clusterMetricsCollector } from './metrics/cluster-metrics.js';
import { startServer } from './server.js';
import { stopOnSignal } from './shutdown.js';
import type { FaultController } from './types.js';

/**
 * The entry of one cluster worker (see cluster.ts): serves the port shared through the primary,
 * with the settings the primary resolved, cluster-wide metrics and faults kept in step.
 */
const config = TargetConfigSchema.parse(JSON.parse(process.env[WORKER_CONFIG_ENV] ?? '{}'));
const log = (line: string) => process.stderr.write(`worker ${process.pid}: ${line}\n`);
const running = await startServer(config, {
  collectMetrics: (registry) => clusterMetricsCollector(registry),
  shareFaults: relayFaultChanges,
});
// Ctrl-C reaches every process of the terminal's group: the primary answers it by sending
// SIGTERM, so a worker ignores SIGINT instead of taking it for a second, forcing signal.
process.on('SIGINT', () => {});
stopOnSignal(() => running.close(), log, ['SIGTERM']);

/** Sends this worker's fault changes to the primary and applies the ones it relays. */
function relayFaultChanges(faults: FaultController): void {
  let applyingRelayed = false;
  faults.onChange((spec) => {
    if (!applyingRelayed) process.send?.(faultsMessage(spec));
  });
  process.on('message', (message: unknown) => {
    if (!isFaultsMessage(message)) return;
    applyingRelayed = true;
    faults.set(message.spec);
    applyingRelayed = false;
  });
}
