/** The options that place one instance in a segmented run: its segment and the shared start. */

import { randomInt } from 'node:crypto';
import { LaunchdayError } from '../core/errors.js';
import {
  type ExecutionSegment,
  formatSegment,
  parseSegment,
  WHOLE_RUN,
} from '../executors/index.js';

/** `options.segment` as a segment; the whole run when unset. Throws a coded error naming it. */
export function resolveSegment(text: string | undefined): ExecutionSegment {
  return text === undefined ? WHOLE_RUN : parseSegment(text, 'options.segment');
}

/**
 * `options.startAt` (an ISO time with a zone, e.g. `2026-12-04T20:00:00Z`) as epoch ms;
 * undefined when unset. Throws a coded error naming it when it is not such a time.
 */
export function resolveStartAt(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim())
    ? Date.parse(text)
    : Number.NaN;
  if (Number.isFinite(ms)) return ms;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_CONFIG',
    `options.startAt '${text}' is not an ISO time`,
    {
      hint: 'give the start as an ISO time with its zone, e.g. 2026-12-04T20:00:00Z (date -u -d +1min +%FT%TZ)',
      issues: [
        {
          path: 'options.startAt',
          message: `'${text}' is not an ISO time with a zone, e.g. 2026-12-04T20:00:00Z`,
        },
      ],
    },
  );
}

/**
 * The run's seed: `seed` when given; for a run split into segments, every instance must have
 * the same, so without one it is derived from the shared start (`startAtMs`), and without that
 * either it is a coded error (the instances would each draw their own, and `launchday merge`
 * would refuse their results). A whole run without one gets a random seed.
 */
export function resolveSeed(
  seed: number | undefined,
  segment: ExecutionSegment,
  startAtMs: number | undefined,
): number {
  if (seed !== undefined) return seed;
  if (segment.count === 1) return randomInt(2 ** 31);
  if (startAtMs !== undefined) return Math.floor(startAtMs) % 2 ** 31;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_CONFIG',
    `options.seed: segment ${formatSegment(segment)} needs the seed of the whole run`,
    {
      hint: 'give every instance the same --seed, or the same --start-at (the seed is then derived from it)',
      issues: [
        {
          path: 'options.seed',
          message: `segment ${formatSegment(segment)} of a run needs the same --seed (or --start-at) on every instance`,
        },
      ],
    },
  );
}
