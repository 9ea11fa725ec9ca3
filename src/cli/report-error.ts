import { isLaunchdayError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';

/**
 * Prints an error for the user on stderr — the code, what is wrong, every problem with its
 * path, and the hint — and returns the exit code it maps to. Unexpected errors print their
 * stack and exit 1.
 */
export function reportError(
  error: unknown,
  stream: NodeJS.WritableStream = process.stderr,
): number {
  if (isLaunchdayError(error)) {
    const lines = [`error ${error.code}: ${error.message}`];
    for (const issue of error.issues) lines.push(`  - ${issue.path}: ${issue.message}`);
    lines.push(`hint: ${error.hint}`);
    stream.write(`${lines.join('\n')}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stream.write(`internal error (a bug in launchday; please report it):\n${stack}\n`);
  return ExitCode.internal;
}
