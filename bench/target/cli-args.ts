import { resolve } from 'node:path';
import type { Issue } from 'launchday';
import {
  benchUsageError,
  defaultReportFile,
  parseBenchFlags,
  wholeNumberFlag,
} from '../common/bench-args.js';
import { BENCH_USERS, DEFAULT_PHASE_SECONDS, SEED_TIME_USERS } from './settings.js';
import type { TargetBenchOptions } from './types.js';

/** `--help`'s text. */
export const USAGE = `usage: npm run bench:target -- [--users N] [--seed-time-users N] [--seconds N] [--out FILE]

  --users            seeded users of the throughput phases (default ${BENCH_USERS})
  --seed-time-users  users of the timed seeding, 0 to skip it (default ${SEED_TIME_USERS})
  --seconds          length of each phase in seconds (default ${DEFAULT_PHASE_SECONDS})
  --out              where the JSON report goes (default bench/results/target-<date>.json)`;

/**
 * Parses the target benchmark's flags; `now` names the default report file. Returns 'help' for
 * `--help`; throws a LaunchdayError (usage) naming every bad flag.
 */
export function parseTargetBenchArgs(
  args: readonly string[],
  now: Date,
): TargetBenchOptions | 'help' {
  const { values, out, help } = parseBenchFlags('target', args, [
    'users',
    'seed-time-users',
    'seconds',
  ]);
  if (help) return 'help';
  const issues: Issue[] = [];
  const options = {
    users: wholeNumberFlag('--users', values.users, BENCH_USERS, 1000, issues),
    seedTimeUsers: wholeNumberFlag(
      '--seed-time-users',
      values['seed-time-users'],
      SEED_TIME_USERS,
      0,
      issues,
    ),
    seconds: wholeNumberFlag('--seconds', values.seconds, DEFAULT_PHASE_SECONDS, 1, issues),
    outFile: resolve(out ?? defaultReportFile('target', now)),
  };
  if (issues.length > 0) throw benchUsageError('target', 'invalid benchmark flags', issues);
  return options;
}
