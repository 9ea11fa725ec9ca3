import { ExitCode, type ExitCodeValue } from './exit-codes.js';

/** Every coded error launchday raises, with the exit code a CLI command maps it to. */
export const ErrorCodes = {
  LAUNCHDAY_ERR_USAGE: ExitCode.usage,
  LAUNCHDAY_ERR_INVALID_CONFIG: ExitCode.usage,
  LAUNCHDAY_ERR_INVALID_SCENARIO: ExitCode.usage,
  LAUNCHDAY_ERR_SCENARIO_LOAD: ExitCode.usage,
  LAUNCHDAY_ERR_INVALID_THRESHOLD: ExitCode.usage,
  LAUNCHDAY_ERR_HOST_NOT_ALLOWED: ExitCode.usage,
  LAUNCHDAY_ERR_TARGET_UNREACHABLE: ExitCode.usage,
  LAUNCHDAY_ERR_RESULT_VERSION: ExitCode.usage,
  LAUNCHDAY_ERR_SETUP_FAILED: ExitCode.usage,
  LAUNCHDAY_ERR_TARGET_START: ExitCode.internal,
  LAUNCHDAY_ERR_CONSISTENCY_CHECK: ExitCode.usage,
  LAUNCHDAY_ERR_INCOMPARABLE: ExitCode.usage,
  LAUNCHDAY_ERR_UNMERGEABLE: ExitCode.usage,
  LAUNCHDAY_ERR_INTERNAL: ExitCode.internal,
} as const satisfies Record<string, ExitCodeValue>;

/** The code of a {@link LaunchdayError}. */
export type ErrorCode = keyof typeof ErrorCodes;

/** One problem found while validating input: where it is and what is wrong. */
export interface Issue {
  /** Where the problem is, e.g. `workloads.readers.executor.rate` or `--param peak`. */
  readonly path: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
}

/** `prefix` followed by `segments`, numbers as `[i]` and names as `.name`: an {@link Issue} path. */
export function joinPath(prefix: string, segments: readonly PropertyKey[]): string {
  let path = prefix;
  for (const segment of segments) {
    path += typeof segment === 'number' ? `[${segment}]` : `${path ? '.' : ''}${String(segment)}`;
  }
  return path;
}

/**
 * An error meant for the user: a stable code, a message saying what is wrong, a hint saying how
 * to fix it, and, for validation errors, every problem found with its path.
 */
export class LaunchdayError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly issues: readonly Issue[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint: string; issues?: readonly Issue[]; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = 'LaunchdayError';
    this.code = code;
    this.hint = options.hint;
    this.issues = options.issues ?? [];
  }

  /** The exit code a CLI command ends with when this error reaches it. */
  get exitCode(): ExitCodeValue {
    return ErrorCodes[this.code];
  }
}

/** True when `error` is a {@link LaunchdayError}, also across module copies. */
export function isLaunchdayError(error: unknown): error is LaunchdayError {
  return (
    error instanceof LaunchdayError ||
    (error instanceof Error && error.name === 'LaunchdayError' && 'code' in error)
  );
}
