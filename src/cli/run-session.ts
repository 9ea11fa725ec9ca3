import { relative } from 'node:path';
import type { RunOutcome } from '../api.js';
import { readEnvOptions } from '../config/env-options.js';
import { ExitCode } from '../core/exit-codes.js';
import type { RunStatus } from '../core/result.js';
import { ConsoleProgress } from '../outputs/console-progress.js';
import { outputsFromSpecs } from '../outputs/out-spec.js';
import type { Output } from '../outputs/types.js';
import { renderTerminalSummary, shouldColor } from '../report/index.js';
import type { RunFlags } from './options.js';

/** The signals that stop a run gracefully: Ctrl-C, and what `kill`, CI runners and Kubernetes send. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `work` with Ctrl-C handled as k6 does, and SIGTERM as Ctrl-C: the first aborts `signal`
 * (its reason the signal's name), so the run stops gracefully and keeps its partial result; a
 * second quits at once with exit code 130.
 */
export async function withGracefulStop<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    process.stderr.write(
      `\nstopping (${name}): finishing in-flight iterations (Ctrl-C again to quit at once)\n`,
    );
    controller.abort(name);
  };
  for (const name of STOP_SIGNALS) process.on(name, onSignal);
  try {
    return await work(controller.signal);
  } finally {
    for (const name of STOP_SIGNALS) process.off(name, onSignal);
  }
}

/**
 * The live outputs of a command run from a terminal: the console progress on stderr (unless
 * `--quiet`) and the `--out` specs' outputs, whose problems go to stderr. Throws a
 * LaunchdayError for a bad spec or a remote-write host not allowed by `--allow-host`.
 */
export function liveOutputs(
  flags: Pick<RunFlags, 'out' | 'allowHost'> & { quiet?: boolean },
): Output[] {
  const outputs = outputsFromSpecs(flags.out, {
    allowedHosts: allowedHosts(flags.allowHost),
    onProblem: (message) => process.stderr.write(`launchday: ${message}\n`),
  });
  if (flags.quiet) return outputs;
  return [new ConsoleProgress(process.stderr, { color: shouldColor(process.stderr) }), ...outputs];
}

/** The hosts `--allow-host` allows, or else `LAUNCHDAY_ALLOW_HOSTS`, as a run resolves them. */
export function allowedHosts(flagged: readonly string[]): readonly string[] {
  return flagged.length > 0 ? flagged : (readEnvOptions(process.env).allowHosts ?? []);
}

/** Says on stderr where a run writes, as it starts. */
export function announceRun(name: string, runDir: string): void {
  process.stderr.write(`launchday: running ${name}, writing ${relative(process.cwd(), runDir)}/\n`);
}

/** Prints the summary and where the result and report are; returns the run's exit code. */
export function printOutcome({ result, resultFile, reportFiles }: RunOutcome): number {
  process.stdout.write(
    `${renderTerminalSummary(result, { color: shouldColor(process.stdout) })}\n`,
  );
  process.stdout.write(`result: ${relative(process.cwd(), resultFile)}\n`);
  process.stdout.write(`report: ${relative(process.cwd(), reportFiles.html)}\n`);
  return exitCodeFor(result.status);
}

/**
 * The exit code of a finished run: 0 passed, 130 interrupted, 5 aborted by the generator, 3 any
 * failure of its criteria.
 */
export function exitCodeFor(status: RunStatus): number {
  if (status === 'passed') return ExitCode.ok;
  if (status === 'interrupted') return ExitCode.interrupted;
  if (status === 'aborted') return ExitCode.aborted;
  return ExitCode.thresholdsFailed;
}
