import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { ExitCode, isLaunchdayError } from 'launchday';
import { assertCores } from '../common/cores.js';
import { note } from '../common/log.js';
import { ProcessGroup } from '../common/process-group.js';
import { parseBenchArgs, USAGE } from './cli-args.js';
import { renderReport } from './print-report.js';
import { runBench } from './run-bench.js';

/**
 * `npm run bench:engine`: launchday's engine benchmark (CPU per request vs autocannon, latency
 * accuracy behind a freezing server, memory over a long run). Prints a table on stdout and
 * writes the JSON report; every process it starts is stopped by PID at the end, on failure and
 * on SIGINT/SIGTERM.
 */
async function main(args: readonly string[]): Promise<number> {
  const options = parseBenchArgs(args, new Date());
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
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
    const report = await runBench(options, group);
    process.stdout.write(renderReport(report));
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

process.exitCode = await main(process.argv.slice(2)).catch(reportError);
