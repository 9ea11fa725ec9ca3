import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { SetExitCode } from '../program.js';

/** The feed service's own program, built beside launchday in dist/target/. */
export const TARGET_MAIN = fileURLToPath(new URL('../../../target/main.js', import.meta.url));

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

/**
 * Runs the target's program with `args` and resolves with its exit code. The child gets its own
 * process group, so a Ctrl-C reaches it once, passed on from here, not twice (directly from the
 * terminal too, which it would take for a second, forcing one); and an IPC channel, which closes
 * when this process dies however it dies, and the child then stops by itself.
 */
function runTarget(args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [TARGET_MAIN, ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}
