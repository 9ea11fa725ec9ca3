import { resolve } from 'node:path';
import type { Issue } from 'launchday';
import {
  benchUsageError,
  defaultReportFile,
  parseBenchFlags,
  wholeNumberFlag,
} from '../common/bench-args.js';
import { COMPARISONS, RUN_SECONDS } from './settings.js';
import type { CompareBenchOptions } from './types.js';

/** `--help`'s text. */
export const USAGE = `usage: npm run bench:compare -- [--comparisons N] [--seconds N] [--out FILE]

  --comparisons  comparisons behind each rate, at least 5 (default ${COMPARISONS})
  --seconds      length of each run of the pools in seconds, at least 5 (default ${RUN_SECONDS})
  --out          where the JSON report goes (default bench/results/compare-<date>.json)`;

/** Parses the flags; 'help' for `--help`; throws a LaunchdayError naming every bad flag. */
export function parseCompareBenchArgs(
  args: readonly string[],
  now: Date,
): CompareBenchOptions | 'help' {
  const { values, out, help } = parseBenchFlags('compare', args, ['comparisons', 'seconds']);
  if (help) return 'help';
  const issues: Issue[] = [];
  const options = {
    comparisons: wholeNumberFlag('--comparisons', values.comparisons, COMPARISONS, 5, issues),
    runSeconds: wholeNumberFlag('--seconds', values.seconds, RUN_SECONDS, 5, issues),
    outFile: resolve(out ?? defaultReportFile('compare', now)),
  };
  if (issues.length > 0) throw benchUsageError('compare', 'invalid benchmark flags', issues);
  return options;
}
