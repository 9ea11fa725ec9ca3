import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { once } from 'node:events';

/** How long a process has to exit after SIGTERM before it gets SIGKILL (ms). */
const GRACE_MS = 2000;

/**
 * Every process the benchmark starts. Each is spawned detached, so it leads its own process
 * group whose id is its PID: signalling `-pid` reaches it and whatever it started (a shell's
 * command, launchday's esbuild), and nothing else. A process leaves the group when it exits, so
 * a reused PID is never signalled.
 */
export class ProcessGroup {
  readonly #live = new Set<ChildProcess>();
  #closed = false;

  /** Starts `argv` with `stdio` and tracks it until it exits; throws once the group is closed. */
  spawn(argv: readonly string[], stdio: SpawnOptions['stdio']): ChildProcess {
    const [command, ...args] = argv;
    if (this.#closed) throw new Error(`not starting ${command}: the benchmark is stopping`);
    if (command === undefined) throw new Error('spawn needs a command');
    const child = spawn(command, args, { stdio, detached: true });
    this.#live.add(child);
    child.once('exit', () => this.#live.delete(child));
    child.once('error', () => this.#live.delete(child));
    return child;
  }

  /** Stops `child`: SIGTERM to its group, SIGKILL if it is still alive after a grace period. */
  async stop(child: ChildProcess): Promise<void> {
    if (!this.#live.has(child)) return;
    const exited = once(child, 'exit');
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Stops every live process; the benchmark calls it at the end, on failure and on SIGINT. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#live].map((child) => this.stop(child)));
  }

  /** Stops every live process and refuses new ones: the benchmark is interrupted. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.stopAll();
  }

  /** SIGKILL to every live process's group, synchronously: the last resort on process exit. */
  killAllNow(): void {
    for (const child of this.#live) signalGroup(child, 'SIGKILL');
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone between the check and the signal.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
