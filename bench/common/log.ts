/** Writes a progress line on stderr, so stdout carries only the report. */
export function note(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
