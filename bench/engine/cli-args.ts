import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LaunchdayError } from 'launchday';
import { RESULTS_DIR } from '../common/paths.js';
import { minimumMemorySeconds } from './rss-growth.js';
import { MEMORY_LOAD } from './settings.js';
import type { BenchOptions, BenchPart } from './types.js';

/** The parts in the order a full run does them. */
export const BENCH_PARTS: readonly BenchPart[] = ['cost', 'accuracy', 'memory'];

/** `--help`'s text. */
export const USAGE = `usage: npm run bench:engine -- [--only cost|accuracy|memory] [--memory-seconds N] [--out FILE]

  --only             run one part (default: all three)
  --memory-seconds   length of the memory run in seconds (default ${MEMORY_LOAD.defaultSeconds}, at least ${minimumMemorySeconds()})
  --out              where the JSON report goes (default bench/results/engine-<date>.json)`;

/**
 * Parses the benchmark's flags; `now` names the default report file. Returns 'help' for
 * `--help`; throws a LaunchdayError (usage) naming every bad flag.
 */
export function parseBenchArgs(args: readonly string[], now: Date): BenchOptions | 'help' {
  const { values } = parseFlags(args);
  if (values.help) return 'help';
  const issues: { path: string; message: string }[] = [];
  const only = values.only;
  if (only !== undefined && !BENCH_PARTS.includes(only as BenchPart)) {
    issues.push({
      path: '--only',
      message: `'${only}' is not a part: use ${BENCH_PARTS.join(', ')}`,
    });
  }
  const memorySeconds = Number(values['memory-seconds'] ?? MEMORY_LOAD.defaultSeconds);
  if (!Number.isInteger(memorySeconds) || memorySeconds < minimumMemorySeconds()) {
    issues.push({
      path: '--memory-seconds',
      message: `must be a whole number of seconds, at least ${minimumMemorySeconds()}`,
    });
  }
  if (issues.length > 0) throw usageError('invalid benchmark flags', issues);
  return {
    parts: only === undefined ? BENCH_PARTS : [only as BenchPart],
    memorySeconds,
    outFile: resolve(values.out ?? defaultReportFile(now)),
  };
}

function parseFlags(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        only: { type: 'string' },
        'memory-seconds': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw usageError((error as Error).message, []);
  }
}

function usageError(message: string, issues: { path: string; message: string }[]): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_USAGE', message, {
    hint: 'run `npm run bench:engine -- --help` for the flags',
    issues,
  });
}

/** bench/results/engine-<UTC date and time>.json, e.g. engine-2025-01-31T12-00-00.json. */
function defaultReportFile(now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-');
  return `${RESULTS_DIR}/engine-${stamp}.json`;
}
