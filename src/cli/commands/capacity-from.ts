import type { Command } from 'commander';
import { LaunchdayError } from '../../core/errors.js';
import { capacityFromResult } from '../../workflows/capacity/capacity-from-result.js';
import type { CapacityOutcome } from '../../workflows/capacity/run-capacity.js';

/** The flags that mean something to `capacity --from`: what it measures and where it writes. */
const SAVED_RUN_FLAGS: ReadonlySet<string> = new Set([
  'from',
  'slo',
  'forecast',
  'workload',
  'warmup',
  'outDir',
]);

/** What `capacity --from` reads of the command's flags. */
interface SavedRunFlags {
  readonly slo: string[];
  readonly forecast?: string;
  readonly workload?: string;
  readonly warmup?: number;
  readonly outDir?: string;
}

/**
 * `launchday capacity --from RESULT`: the capacity report of a saved run. Refuses a scenario
 * and the flags of a live search beside it (a run that happened takes no load options), naming
 * them.
 */
export function capacityFromFlags(
  from: string,
  scenario: string | undefined,
  flags: SavedRunFlags,
  command: Command,
): Promise<CapacityOutcome> {
  const live = command.options
    .filter((option) => command.getOptionValueSource(option.attributeName()) === 'cli')
    .filter((option) => !SAVED_RUN_FLAGS.has(option.attributeName()))
    .map((option) => option.long ?? option.flags);
  if (scenario !== undefined) live.unshift(`the scenario ${scenario}`);
  if (live.length > 0)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `capacity --from measures a run that happened, so ${live.join(', ')} cannot apply to it`,
      {
        hint: "launchday capacity --from reports/<run>/result.json --slo 'p(99)<250ms' [--forecast F] [--workload W] [--warmup 3s] [--out-dir DIR]",
      },
    );
  return capacityFromResult(from, {
    slos: flags.slo,
    workload: flags.workload,
    forecast: flags.forecast,
    warmupS: flags.warmup,
    outDir: flags.outDir,
  });
}
