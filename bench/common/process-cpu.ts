import { readdir, readFile } from 'node:fs/promises';
import { getSystemErrorName } from 'node:util';

/** The kernel's clock ticks per second for /proc times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** What /proc/<pid>/stat says of a process's CPU, in clock ticks. */
interface ProcessTicks {
  readonly parent: number;
  /** utime + stime: its own threads. */
  readonly own: number;
  /** cutime + cstime: the children it has waited for (exited). */
  readonly reaped: number;
}

/**
 * CPU time (user + system, s) a running process and every process under it have used so far,
 * all threads included: its own, its exited children's (which the kernel adds to it once they
 * are waited for) and its live descendants'. A feed service's cluster workers and a PostgreSQL
 * server's backends count towards their parent. From /proc; Linux only, like the benchmarks'
 * `taskset`.
 */
export async function processTreeCpuSeconds(pid: number): Promise<number> {
  const root = await readTicks(pid).catch((error: unknown) => {
    const code = (error as { errno?: number }).errno;
    throw new Error(
      `cannot read the CPU time of process ${pid} (${code ? getSystemErrorName(code) : error})`,
    );
  });
  const all = await allProcesses();
  let ticks = root.own + root.reaped;
  const pending = [pid];
  for (let parent = pending.pop(); parent !== undefined; parent = pending.pop()) {
    for (const [child, process] of all) {
      if (process.parent !== parent) continue;
      ticks += process.own + process.reaped;
      pending.push(child);
    }
  }
  return ticks / CLOCK_TICKS;
}

/** Every live process's ticks, by pid; a process that exits while being read is left out. */
async function allProcesses(): Promise<Map<number, ProcessTicks>> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const entries = await Promise.all(
    pids.map((pid) =>
      readTicks(pid).then(
        (ticks): [number, ProcessTicks] => [pid, ticks],
        () => null,
      ),
    ),
  );
  return new Map(entries.filter((entry) => entry !== null));
}

async function readTicks(pid: number): Promise<ProcessTicks> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: state is [0].
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const [parent, utime, stime, cutime, cstime] = [1, 11, 12, 13, 14].map((index) => fields[index]!);
  return { parent: parent!, own: utime! + stime!, reaped: cutime! + cstime! };
}
