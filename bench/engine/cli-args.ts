import { resolve } from 'node:path';
import type { Issue } from 'launchday';
import {
  benchUsageError,
  defaultReportFile,
  parseBenchFlags,
  wholeNumberFlag,
} from '../common/bench-args.js';
import { minimumMemorySeconds } from './rss-growth.js';
import { MEMORY_LOAD } from './settings.js';
import type { BenchOptions, BenchPart } from './types.js';

/** The parts in the order a full run does them. */
export const BENCH_PARTS: readonly BenchPart[] = ['cost', 'accuracy', 'memory', 'hostile'];

/** `--help`'s text. */
export const USAGE = `usage: npm run bench:engine -- [--only cost|accuracy|memory|hostile] [--memory-seconds N] [--out FILE]

  --only             run one part (default: all four)
  --memory-seconds   length of the memory run in seconds (default ${MEMORY_LOAD.defaultSeconds}, at least ${minimumMemorySeconds()})
  --out              where the JSON report goes (default bench/results/engine-<date>.json)`;

/**
 * Parses the benchmark's flags; `now` names the default report file. Returns 'help' for
 * `--help`; throws a LaunchdayError (usage) naming every bad flag.
 */
export function parseBenchArgs(args: readonly string[], now: Date): BenchOptions | 'help' {
  const { values, out, help } = parseBenchFlags('engine', args, ['only', 'memory-seconds']);
  if (help) return 'help';
  const issues: Issue[] = [];
  const only = values.only;
  if (only !== undefined && !BENCH_PARTS.includes(only as BenchPart)) {
    issues.push({
      path: '--only',
      message: `'${only}' is not a part: use ${BENCH_PARTS.join(', ')}`,
    });
  }
  const memorySeconds = wholeNumberFlag(
    '--memory-seconds',
    values['memory-seconds'],
    MEMORY_LOAD.defaultSeconds,
    minimumMemorySeconds(),
    issues,
  );
  if (issues.length > 0) throw benchUsageError('engine', 'invalid benchmark flags', issues);
  return {
    parts: only === undefined ? BENCH_PARTS : [only as BenchPart],
    memorySeconds,
    outFile: resolve(out ?? defaultReportFile('engine', now)),
  };
}
