import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LAUNCHDAY_ROOT } from '../../core/environment.js';

/** The feed service's own program, built beside launchday in dist/target/. */
export const TARGET_MAIN = fileURLToPath(new URL('dist/target/main.js', LAUNCHDAY_ROOT));

/**
 * Starts the target's program (`start` or `seed` and their options) as a child process. The
 * child gets its own process group, so a Ctrl-C at the terminal reaches only launchday, which
 * then stops the child once (a second signal would force the child to quit at once); and an
 * IPC channel, which closes when launchday dies however it dies, and the child then stops by
 * itself. `stdio` covers stdin, stdout and stderr; the IPC channel is added.
 */
export function spawnTarget(
  args: readonly string[],
  stdio: readonly ('inherit' | 'pipe' | 'ignore')[],
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  return spawn(process.execPath, [TARGET_MAIN, ...args], {
    stdio: [...stdio, 'ipc'],
    detached: true,
    env,
  });
}

/**
 * Resolves with the child's exit code once it has exited and its output streams have closed
 * (130 for SIGINT, 1 for another signal).
 */
export function exitOf(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(codeOfSignal(child.signalCode));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? codeOfSignal(signal)));
  });
}

function codeOfSignal(signal: NodeJS.Signals | null): number {
  return signal === 'SIGINT' ? 130 : 1;
}
