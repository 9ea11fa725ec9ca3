/** What one side of a comparison was made of, as compare.json records it. */
import type { RunResult } from '../core/result.js';
import { machineOf } from './comparability.js';
import type { CompareSide } from './types.js';

/**
 * The description of a side of `runs` (at least one) read from `source`, with the baseline's
 * name when it came from `--baseline NAME`.
 */
export function describeSide(
  source: string,
  runs: readonly RunResult[],
  baselineName?: string,
): CompareSide {
  const starts = runs.map((run) => run.startedAt).sort();
  const ends = runs.map((run) => run.endedAt).sort();
  const first = runs[0]!;
  return {
    source,
    ...(baselineName === undefined ? {} : { baselineName }),
    runIds: runs.map((run) => run.runId),
    scenario: first.scenario.name,
    startedAt: starts[0]!,
    endedAt: ends[ends.length - 1]!,
    machine: `${machineOf(first)}, node ${first.environment.node}`,
  };
}
