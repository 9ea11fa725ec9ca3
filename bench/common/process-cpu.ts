import { readFile } from 'node:fs/promises';
import { getSystemErrorName } from 'node:util';

/** The kernel's clock ticks per second for /proc times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user + system, s) a running process has used so far, all its threads included,
 * from /proc/<pid>/stat. Linux only, like the benchmarks' `taskset`.
 */
export async function processCpuSeconds(pid: number): Promise<number> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    const code = (error as { errno?: number }).errno;
    throw new Error(
      `cannot read the CPU time of process ${pid} (${code ? getSystemErrorName(code) : error})`,
    );
  }
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return (userTicks + systemTicks) / CLOCK_TICKS;
}
