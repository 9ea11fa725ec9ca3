import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { ExitCode, isLaunchdayError } from 'launchday';
import { assertCores } from './cores.js';
import { note } from './log.js';
import { ProcessGroup } from './process-group.js';

/** What a benchmark program plugs into {@link runBenchMain}. */
export interface BenchProgram<O extends { outFile: string }, R> {
  /** `--help`'s text. */
  readonly usage: string;
  /** Parses the flags; 'help' for `--help`; throws a LaunchdayError naming bad flags. */
  parse(args: readonly string[], now: Date): O | 'help';
  /** Runs the benchmark, starting its processes in `group`. */
  run(options: O, group: ProcessGroup): Promise<R>;
  /** The report as the table printed on stdout. */
  render(report: R): string;
}

/**
 * The body of every `npm run bench:*` program: parses the flags, runs the benchmark, prints its
 * table on stdout and writes the JSON report to `options.outFile`; every process it starts is
 * stopped by PID at the end, on failure and on SIGINT/SIGTERM. Sets the process's exit code.
 */
export async function runBenchMain<O extends { outFile: string }, R>(
  program: BenchProgram<O, R>,
  args: readonly string[],
): Promise<void> {
  process.exitCode = await main(program, args).catch(reportError);
}

async function main<O extends { outFile: string }, R>(
  program: BenchProgram<O, R>,
  args: readonly string[],
): Promise<number> {
  const options = program.parse(args, new Date());
  if (options === 'help') {
    process.stdout.write(`${program.usage}\n`);
    return ExitCode.ok;
  }
  assertCores();
  const group = new ProcessGroup();
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    note('interrupted: stopping every process the benchmark started');
    void group.close();
  };
  process
    .once('SIGINT', interrupt)
    .once('SIGTERM', interrupt)
    .once('exit', () => group.killAllNow());
  try {
    const report = await program.run(options, group);
    process.stdout.write(program.render(report));
    await mkdir(dirname(options.outFile), { recursive: true });
    await writeFile(options.outFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`report: ${relative(process.cwd(), options.outFile)}\n`);
    return ExitCode.ok;
  } catch (error) {
    if (interrupted) return ExitCode.interrupted;
    throw error;
  } finally {
    await group.stopAll();
  }
}

function reportError(error: unknown): number {
  if (!isLaunchdayError(error)) {
    process.stderr.write(
      `bench: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return ExitCode.internal;
  }
  const issues = error.issues.map(
    (issue) => `  ${issue.path}:\n    ${issue.message.replaceAll('\n', '\n    ')}`,
  );
  const lines = [`bench: ${error.message}`, ...issues, `hint: ${error.hint}`];
  process.stderr.write(`${lines.join('\n')}\n`);
  return error.exitCode;
}
