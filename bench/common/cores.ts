import { cpus } from 'node:os';
import { LaunchdayError } from 'launchday';

/** The core the target servers are pinned to (`taskset -c`). */
export const SERVER_CORE = 0;

/** The core every load generator (launchday, autocannon) is pinned to. */
export const GENERATOR_CORE = 1;

/** Throws when the machine lacks the cores the benchmarks pin their processes to. */
export function assertCores(): void {
  const needed = Math.max(SERVER_CORE, GENERATOR_CORE) + 1;
  if (cpus().length >= needed) return;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    `the benchmark pins the server and the generator to separate cores; this machine has ${cpus().length}`,
    { hint: `run it on a machine with at least ${needed} cores` },
  );
}
