import type { FaultSpec } from './config.js';

/** The environment variable that hands a cluster worker its resolved settings (JSON). */
export const WORKER_CONFIG_ENV = 'LAUNCHDAY_TARGET_WORKER_CONFIG';

/** A worker's fault change, relayed by the primary to every other worker. */
export interface FaultsMessage {
  readonly type: 'launchday-target-faults';
  readonly spec: FaultSpec;
}

/** A message for the other workers about a changed fault spec. */
export function faultsMessage(spec: FaultSpec): FaultsMessage {
  return { type: 'launchday-target-faults', spec };
}

/** True when an IPC message is a {@link FaultsMessage}. */
export function isFaultsMessage(message: unknown): message is FaultsMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'launchday-target-faults'
  );
}
