/**
 * The process exit codes of every launchday command. CI jobs branch on these, so they never
 * change meaning.
 */
export const ExitCode = {
  /** The command did what was asked and every threshold passed. */
  ok: 0,
  /** A bug in launchday: an unexpected error. */
  internal: 1,
  /** Bad usage, an invalid scenario or option, or an unreachable target. */
  usage: 2,
  /** The run finished but at least one threshold failed (or aborted the run). */
  thresholdsFailed: 3,
  /** `compare` found a performance regression. */
  regression: 4,
  /**
   * The generator aborted the run to protect itself (memory near its limit) or lost a worker
   * thread; the result of what was measured until then was written.
   */
  aborted: 5,
  /** The run was interrupted (SIGINT or SIGTERM); a partial result was written. */
  interrupted: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
