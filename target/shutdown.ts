/** How long a graceful stop may take before the process exits anyway (ms). */
export const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * Stops gracefully on the first of `signals`: runs `stop` (bounded by
 * {@link SHUTDOWN_TIMEOUT_MS}), then exits 0, or 1 when stopping failed or took too long.
 * A second signal exits at once with 130.
 */
export function stopOnSignal(
  stop: () => Promise<void>,
  log: (line: string) => void,
  signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'],
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    log(`${signal}: shutting down gracefully`);
    const deadline = setTimeout(() => {
      log(`still not stopped after ${SHUTDOWN_TIMEOUT_MS / 1000} s: exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
}
