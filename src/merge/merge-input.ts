/** The results `launchday merge` reads, and what it reads of each. */
import type { RunResult } from '../core/result.js';
import { type ExecutionSegment, WHOLE_RUN } from '../executors/index.js';

/** One instance's result and the file it came from (named in errors). */
export interface MergeInput {
  readonly file: string;
  readonly result: RunResult;
}

/** The segment a result's instance drove (`config.segment`); the whole run when it has none. */
export function segmentOf(result: RunResult): ExecutionSegment {
  const segment = (result.config as { segment?: ExecutionSegment } | null)?.segment;
  return segment ?? WHOLE_RUN;
}

/**
 * When a result's load started (epoch ms), where its interval 0 begins: `loadStartedAt`, or in
 * results written before it the shared start (`config.startAtMs`), else `startedAt`.
 */
export function loadStartOf(result: RunResult): number {
  if (result.loadStartedAt !== undefined) return Date.parse(result.loadStartedAt);
  const startAtMs = (result.config as { startAtMs?: unknown } | null)?.startAtMs;
  return typeof startAtMs === 'number' ? startAtMs : Date.parse(result.startedAt);
}
