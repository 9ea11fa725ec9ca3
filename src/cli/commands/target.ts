import type { Command } from 'commander';
import { exitOf, spawnTarget } from '../../workflows/rehearse/target-child.js';
import type { SetExitCode } from '../types.js';

/**
 * `launchday target <start|seed> …`: runs the reference feed service as a child process with the
 * arguments as given (it parses them itself: `launchday target --help`), so the generator and
 * the service never share an event loop. The exit code is the child's.
 */
export function registerTarget(program: Command, setExitCode: SetExitCode): void {
  program
    .command('target')
    .description(
      'the reference feed service: `target start` serves it, `target seed` fills a database',
    )
    .argument('[args...]', 'start or seed, and their options (launchday target --help)')
    .helpOption(false)
    .allowUnknownOption()
    .action(async (args: string[]) => {
      setExitCode(await runTarget(args));
    });
}

/** Runs the target's program with `args`, passing Ctrl-C and SIGTERM on; resolves with its exit code. */
async function runTarget(args: readonly string[]): Promise<number> {
  const child = spawnTarget(args, ['inherit', 'inherit', 'inherit']);
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    return await exitOf(child);
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}
