import { Command, CommanderError } from 'commander';
import { LAUNCHDAY_VERSION } from '../core/environment.js';
import { ExitCode } from '../core/exit-codes.js';
import { registerAb } from './commands/ab.js';
import { registerBaseline } from './commands/baseline.js';
import { registerCapacity } from './commands/capacity.js';
import { registerCompare } from './commands/compare.js';
import { registerExport } from './commands/export.js';
import { registerHistory } from './commands/history.js';
import { registerRehearse } from './commands/rehearse.js';
import { registerReport } from './commands/report.js';
import { registerRun } from './commands/run.js';
import { registerTarget } from './commands/target.js';
import { registerValidate } from './commands/validate.js';
import { reportError } from './report-error.js';
import type { SetExitCode } from './types.js';

/** Builds the `launchday` command line: one small file per command under commands/. */
export function buildProgram(setExitCode: SetExitCode): Command {
  const program = new Command('launchday')
    .description('Load testing and capacity planning for a launch surge')
    .version(LAUNCHDAY_VERSION)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  registerRun(program, setExitCode);
  registerRehearse(program, setExitCode);
  registerCapacity(program, setExitCode);
  registerCompare(program, setExitCode);
  registerAb(program, setExitCode);
  registerBaseline(program, setExitCode);
  registerValidate(program, setExitCode);
  registerReport(program, setExitCode);
  registerHistory(program, setExitCode);
  registerTarget(program, setExitCode);
  registerExport(program, setExitCode);
  return program;
}

/** Runs the CLI on `argv` and returns the exit code (see core/exit-codes.ts). */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  try {
    await buildProgram((code) => {
      exitCode = code;
    }).parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    return reportError(error);
  }
}
