import { relative } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_REHEARSAL, rehearse } from '../../workflows/rehearse/index.js';
import { wholeNumberAtLeast } from '../flag-parsers.js';
import { addRunFlags, type RunFlags, runOptionsFrom } from '../options.js';
import { announceRun, liveOutputs, printOutcome, withGracefulStop } from '../run-session.js';
import type { SetExitCode } from '../types.js';

interface RehearseFlags extends RunFlags {
  duration?: string;
  users?: number;
  targetWorkers?: number;
  targetDb?: string;
  quiet?: boolean;
}

/**
 * `launchday rehearse [scenario]` (what `npm start` runs): the reference feed service started,
 * seeded and driven by a launch-day scenario, then checked for lost writes; see `rehearse()`.
 */
export function registerRehearse(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('rehearse')
    .description(
      'rehearse a launch: start and seed the reference feed service, run a scenario against it, check no acknowledged write was lost',
    )
    .argument(
      '[scenario]',
      'launch-day, signup-spike, read-heavy-feed, smoke, or a file',
      DEFAULT_REHEARSAL,
    )
    .option('--duration <duration>', "how long the load lasts (the scenario's duration parameter)")
    .option(
      '--users <n>',
      'accounts seeded in the reference target (the users parameter)',
      wholeNumberAtLeast(1),
    )
    .option(
      '--target-workers <n>',
      'processes serving the reference target (default 1)',
      wholeNumberAtLeast(1),
    )
    .option(
      '--target-db <url>',
      'an empty database for the reference target to seed and serve, e.g. postgres://user@127.0.0.1:5432/feed (default: a SQLite file in the run folder)',
    )
    .option('--quiet', 'no live progress, only the summary');
  addRunFlags(command).action(async (scenario: string, flags: RehearseFlags) => {
    const outcome = await withGracefulStop((signal) =>
      rehearse({
        ...runOptionsFrom(flags),
        scenario,
        duration: flags.duration,
        users: flags.users,
        targetWorkers: flags.targetWorkers,
        targetDb: flags.targetDb,
        adminToken: process.env.LAUNCHDAY_TARGET_ADMIN_TOKEN || undefined,
        outputs: liveOutputs(flags),
        signal,
        onStep: (message) => process.stderr.write(`launchday: ${message}\n`),
        onResolved: (run, runDir) => announceRun(run.scenario.name, runDir),
      }),
    );
    const exitCode = printOutcome(outcome);
    if (outcome.keptDatabase !== null)
      process.stdout.write(
        `target database kept for inspection: ${shownDatabase(outcome.keptDatabase)}\n`,
      );
    setExitCode(exitCode);
  });
}

/** A database file relative to the current folder; a URL (PostgreSQL) as it is. */
function shownDatabase(db: string): string {
  return db.includes('://') ? db : relative(process.cwd(), db);
}
