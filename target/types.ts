import type { Registry } from 'prom-client';
import type { FaultSpec, TargetConfig } from './config.js';
import type { FeedMetrics } from './metrics/feed-metrics.js';
import type { Store } from './store/types.js';

/**
 * The faults in force, shared by the faults plugin (which reads them on every request) and the
 * admin endpoint (which changes them). With several workers, the server relays a change to all.
 */
export interface FaultController {
  current(): FaultSpec;
  /** Replaces the faults in force and tells the listeners. */
  set(spec: FaultSpec): void;
  /** Calls `listener` after every `set`. */
  onChange(listener: (spec: FaultSpec) => void): void;
  /** Calls `listener` with the stall's length (ms) after every stall it ran. */
  onStall(listener: (stallMs: number) => void): void;
  /** Stops the stall timer; called by whoever created the controller, once the app closed. */
  close(): void;
}

/** The metrics text `/metrics` answers with, for this process or the whole cluster. */
export type MetricsCollector = () => Promise<{ contentType: string; body: string }>;

/** What `buildApp` wires together; the server creates them, tests create their own. */
export interface AppDeps {
  readonly config: TargetConfig;
  readonly store: Store;
  readonly registry: Registry;
  readonly metrics: FeedMetrics;
  readonly faults: FaultController;
  readonly collectMetrics: MetricsCollector;
  /** The clock of records and tokens (epoch ms); `Date.now` unless a test sets one. */
  readonly now?: () => number;
}
