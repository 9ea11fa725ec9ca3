import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { LaunchdayError } from 'launchday';
import type { ProcessGroup } from './process-group.js';

/** How a command ended and what it wrote. */
export interface CommandOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** What it wrote on file descriptor 3 ('' unless asked for). */
  fd3: string;
  /** Wall-clock time from spawn to exit (ms). */
  wallMs: number;
}

/**
 * Runs a command to completion, the way a measurement needs (plain, timed, sampled while it
 * runs): the tool runners take one so they need not know how they are measured.
 */
export type Exec<T extends CommandOutcome> = (argv: readonly string[]) => Promise<T>;

/** How {@link runCommand} runs a command. */
export interface RunCommandOptions {
  /** The command is stopped and the run fails after this long (ms). */
  readonly timeoutMs: number;
  /** Open a pipe on the child's fd 3 and collect it. */
  readonly fd3?: boolean;
  /** The exit codes that count as success (default: 0 only). */
  readonly okExitCodes?: readonly number[];
  /** Called once the process is started, e.g. to sample it while it runs. */
  readonly onStart?: (child: ChildProcess) => void;
}

/**
 * Runs `argv` in `group` to completion and collects its output. Fails with a LaunchdayError
 * when it does not finish within `timeoutMs` (the process is stopped first) or exits non-zero.
 */
export async function runCommand(
  group: ProcessGroup,
  argv: readonly string[],
  options: RunCommandOptions,
): Promise<CommandOutcome> {
  const started = performance.now();
  const child = group.spawn(argv, ['ignore', 'pipe', 'pipe', options.fd3 ? 'pipe' : 'ignore']);
  const output = Promise.all(
    [1, 2, 3].map((fd) => collect(child.stdio[fd] as Readable | null | undefined)),
  );
  options.onStart?.(child);
  const timer = setTimeout(() => void group.stop(child), options.timeoutMs);
  const [exitCode, signal] = await exitOf(child);
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const [stdout = '', stderr = '', fd3 = ''] = await output;
  const outcome = { exitCode, stdout, stderr, fd3, wallMs };
  if (exitCode === null || !(options.okExitCodes ?? [0]).includes(exitCode))
    throw commandFailed(argv, outcome, signal, options.timeoutMs);
  return outcome;
}

function exitOf(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve([code, signal]));
  });
}

async function collect(stream: Readable | null | undefined): Promise<string> {
  if (!stream) return '';
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk;
  return text;
}

function commandFailed(
  argv: readonly string[],
  outcome: CommandOutcome,
  signal: NodeJS.Signals | null,
  timeoutMs: number,
): LaunchdayError {
  const how = signal === null ? `exited with code ${outcome.exitCode}` : `was stopped by ${signal}`;
  const timedOut = signal !== null && outcome.wallMs >= timeoutMs;
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INTERNAL',
    `\`${argv.join(' ')}\` ${how}${timedOut ? ` after the ${timeoutMs} ms limit` : ''}`,
    {
      hint: 'its last output is below; check that `npm run build` passes and the machine is idle',
      issues: [
        { path: 'stderr', message: tail(outcome.stderr) },
        { path: 'stdout', message: tail(outcome.stdout) },
      ],
    },
  );
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-15).join('\n');
}
