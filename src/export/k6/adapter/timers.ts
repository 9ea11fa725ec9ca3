/**
 * Injected by esbuild for the free identifiers `setTimeout` and `clearTimeout` of an exported
 * script: k6 has them as globals from v0.50 (used when present); on older k6 a timeout blocks
 * the VU with k6's `sleep` and then runs its callback as a microtask, which keeps a journey's
 * order of events (the VU has nothing else to run meanwhile).
 */
import { sleep } from 'k6';

type Timer = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => unknown;
const native = globalThis as { setTimeout?: Timer; clearTimeout?: (id: unknown) => void };

/** `setTimeout`: k6's own when it has one, else a blocking sleep then the callback. */
export function setTimeoutK6(
  callback: (...args: unknown[]) => void,
  ms = 0,
  ...args: unknown[]
): unknown {
  if (typeof native.setTimeout === 'function') return native.setTimeout(callback, ms, ...args);
  sleep(Math.max(0, ms) / 1000);
  Promise.resolve().then(() => callback(...args));
  return 0;
}

/** `clearTimeout`: k6's own when it has one; a no-op otherwise (the callback already ran). */
export function clearTimeoutK6(id: unknown): void {
  if (typeof native.clearTimeout === 'function') native.clearTimeout(id);
}

export { clearTimeoutK6 as clearTimeout, setTimeoutK6 as setTimeout };
