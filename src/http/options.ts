import { LAUNCHDAY_VERSION } from '../core/environment.js';
import type { HttpOptions } from './types.js';

/** The defaults of {@link HttpOptions}; a scenario's `http` options override them key by key. */
export const DEFAULT_HTTP_OPTIONS: HttpOptions = Object.freeze({
  connections: 100,
  pipelining: 1,
  keepAliveTimeoutMs: 4000,
  connectTimeoutMs: 10_000,
  timeoutMs: 60_000,
  discardResponseBodies: false,
  maxResponseBodySize: 10_000_000,
  maxHeaderSize: 64 * 1024,
  userAgent: `launchday/${LAUNCHDAY_VERSION}`,
  expectedStatuses: Object.freeze([Object.freeze({ min: 200, max: 399 })]),
});

/** `options` over {@link DEFAULT_HTTP_OPTIONS}, keys set to `undefined` keeping the default. */
export function resolveHttpOptions(options: Partial<HttpOptions> = {}): HttpOptions {
  const resolved: Record<string, unknown> = { ...DEFAULT_HTTP_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) resolved[key] = value;
  }
  return resolved as unknown as HttpOptions;
}

/** Highest status code the expected-status table covers; anything above is unexpected. */
const MAX_STATUS = 999;

/**
 * A lookup table of `expectedStatuses`: `table[status] === 1` when expected. Built once per
 * client so the per-response check is one array read.
 */
export function expectedStatusTable(expected: HttpOptions['expectedStatuses']): Uint8Array {
  const table = new Uint8Array(MAX_STATUS + 1);
  for (const entry of expected) {
    const min = typeof entry === 'number' ? entry : entry.min;
    const max = typeof entry === 'number' ? entry : entry.max;
    table.fill(1, Math.max(0, min), Math.min(MAX_STATUS, max) + 1);
  }
  return table;
}
