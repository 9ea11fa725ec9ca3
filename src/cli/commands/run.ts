import { relative } from 'node:path';
import type { Command } from 'commander';
import { runScenario } from '../../api.js';
import { ExitCode } from '../../core/exit-codes.js';
import type { RunStatus } from '../../core/result.js';
import { ConsoleProgress } from '../../outputs/console-progress.js';
import { renderTerminalSummary, shouldColor } from '../../report/index.js';
import { addRunFlags, type RunFlags, runOptionsFrom } from '../options.js';
import type { SetExitCode } from '../program.js';

/** `launchday run <scenario>`: runs a scenario, shows live progress, prints the summary. */
export function registerRun(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('run')
    .description('run a scenario and write reports/<run-id>/: result.json and the reports')
    .argument('<scenario>', 'the scenario file (.ts or .js)')
    .option('--quiet', 'no live progress, only the summary');
  addRunFlags(command).action(async (scenario: string, flags: RunFlags & { quiet?: boolean }) => {
    setExitCode(await run(scenario, flags));
  });
}

async function run(scenario: string, flags: RunFlags & { quiet?: boolean }): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    process.stderr.write(
      '\nstopping: finishing in-flight iterations (Ctrl-C again to quit at once)\n',
    );
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const outputs = flags.quiet
      ? []
      : [new ConsoleProgress(process.stderr, { color: shouldColor(process.stderr) })];
    const { result, resultFile, reportFiles } = await runScenario(scenario, {
      ...runOptionsFrom(flags),
      outputs,
      signal: controller.signal,
      onResolved: (run, runDir) =>
        process.stderr.write(
          `launchday: running ${run.scenario.name}, writing ${relative(process.cwd(), runDir)}/\n`,
        ),
    });
    process.stdout.write(
      `${renderTerminalSummary(result, { color: shouldColor(process.stdout) })}\n`,
    );
    process.stdout.write(`result: ${relative(process.cwd(), resultFile)}\n`);
    process.stdout.write(`report: ${relative(process.cwd(), reportFiles.html)}\n`);
    return exitCodeFor(result.status);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** The exit code of a finished run. */
export function exitCodeFor(status: RunStatus): number {
  if (status === 'passed') return ExitCode.ok;
  if (status === 'interrupted') return ExitCode.interrupted;
  return ExitCode.thresholdsFailed;
}
