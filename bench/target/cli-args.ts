import { resolve } from 'node:path';
import type { Issue } from 'launchday';
import {
  benchUsageError,
  defaultReportFile,
  parseBenchFlags,
  wholeNumberFlag,
} from '../common/bench-args.js';
import {
  BENCH_USERS,
  DEFAULT_PHASE_SECONDS,
  SCALING_PROCESSES,
  SEED_TIME_USERS,
} from './settings.js';
import type { StoreKind, TargetBenchOptions } from './types.js';

/** `--help`'s text. */
export const USAGE = `usage: npm run bench:target -- [--store sqlite|postgres] [--processes LIST] [--users N]
                              [--seed-time-users N] [--seconds N] [--out FILE]

  --store            postgres: the feed service on PostgreSQL too, beside SQLite (default sqlite)
  --processes        the feed service's process counts, e.g. 1,2,4 (default 1; ${SCALING_PROCESSES.join(',')} with
                     --store postgres); with two or more, the USL is fitted to each store's scaling
  --users            seeded users of the throughput phases (default ${BENCH_USERS})
  --seed-time-users  users of the timed seeding, 0 to skip it (default ${SEED_TIME_USERS})
  --seconds          length of each phase in seconds (default ${DEFAULT_PHASE_SECONDS})
  --out              where the JSON report goes (default bench/results/target-<date>.json)`;

const STORES: readonly StoreKind[] = ['sqlite', 'postgres'];

/** Most feed-service processes a phase may start. */
const MAX_PROCESSES = 64;

/**
 * Parses the target benchmark's flags; `now` names the default report file. Returns 'help' for
 * `--help`; throws a LaunchdayError (usage) naming every bad flag.
 */
export function parseTargetBenchArgs(
  args: readonly string[],
  now: Date,
): TargetBenchOptions | 'help' {
  const { values, out, help } = parseBenchFlags('target', args, [
    'store',
    'processes',
    'users',
    'seed-time-users',
    'seconds',
  ]);
  if (help) return 'help';
  const issues: Issue[] = [];
  const store = storeFlag(values.store, issues);
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
    stores: store === 'postgres' ? STORES.slice() : ['sqlite' as const],
    processes: processesFlag(
      values.processes,
      store === 'postgres' ? SCALING_PROCESSES : [1],
      issues,
    ),
    outFile: resolve(out ?? defaultReportFile('target', now)),
  };
  if (issues.length > 0) throw benchUsageError('target', 'invalid benchmark flags', issues);
  return options;
}

function storeFlag(text: string | undefined, issues: Issue[]): StoreKind {
  if (text === undefined) return 'sqlite';
  if (STORES.includes(text as StoreKind)) return text as StoreKind;
  issues.push({ path: '--store', message: `must be one of ${STORES.join(', ')}; got '${text}'` });
  return 'sqlite';
}

/** `1,2,4`: distinct whole numbers from 1 to MAX_PROCESSES, returned ascending. */
function processesFlag(
  text: string | undefined,
  fallback: readonly number[],
  issues: Issue[],
): number[] {
  if (text === undefined) return [...fallback];
  const counts = text.split(',').map((part) => Number(part.trim()));
  const valid = counts.every(
    (count) => Number.isInteger(count) && count >= 1 && count <= MAX_PROCESSES,
  );
  if (valid && new Set(counts).size === counts.length) return counts.sort((a, b) => a - b);
  issues.push({
    path: '--processes',
    message: `must be distinct whole numbers from 1 to ${MAX_PROCESSES}, separated by commas (e.g. 1,2,4); got '${text}'`,
  });
  return [...fallback];
}
