import type { ProcessGroup } from './process-group.js';
import { type CommandOutcome, type RunCommandOptions, runCommand } from './run-command.js';
import type { CpuTime } from './types.js';

/**
 * Runs the command under bash and has bash print, with its `times` builtin, the user and system
 * CPU of its children once the command has exited: the kernel's own accounting (getrusage
 * RUSAGE_CHILDREN) of the command, all its threads (launchday's worker included) and any child
 * it waited for. `times` writes to fd 3 so the command's stdout stays its own.
 */
const TIMED_SHELL = '"$@"; status=$?; times >&3; exit $status';

/** What {@link runWithCpuTime} returns: the command's outcome and the CPU it used. */
export interface TimedOutcome extends CommandOutcome {
  cpu: CpuTime;
}

/** Runs `argv` to completion (see {@link runCommand}) and measures its CPU time. */
export async function runWithCpuTime(
  group: ProcessGroup,
  argv: readonly string[],
  options: Omit<RunCommandOptions, 'fd3'>,
): Promise<TimedOutcome> {
  const outcome = await runCommand(group, ['bash', '-c', TIMED_SHELL, 'bash', ...argv], {
    ...options,
    fd3: true,
  });
  return { ...outcome, cpu: parseChildTimes(outcome.fd3) };
}

/**
 * The children's line of bash's `times` output (its second line, e.g. `0m3.070s 0m0.380s`) as
 * seconds. Throws when the output is not in that form.
 */
export function parseChildTimes(output: string): CpuTime {
  const line = output.trim().split('\n')[1] ?? '';
  const match = /^(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s$/.exec(line.trim());
  if (match === null)
    throw new Error(`unexpected output of bash's times: ${JSON.stringify(output)}`);
  const [, userMin, userSec, sysMin, sysSec] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const userS = userMin * 60 + userSec;
  const sysS = sysMin * 60 + sysSec;
  return { userS, sysS, totalS: userS + sysS };
}
