import type { Command } from 'commander';
import { runScenario } from '../../api.js';
import { addRunFlags, type RunFlags, runOptionsFrom } from '../options.js';
import { announceRun, liveOutputs, printOutcome, withGracefulStop } from '../run-session.js';
import type { SetExitCode } from '../types.js';

/** `launchday run <scenario>`: runs a scenario, shows live progress, prints the summary. */
export function registerRun(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('run')
    .description('run a scenario and write reports/<run-id>/: result.json and the reports')
    .argument('<scenario>', 'the scenario file (.ts or .js)')
    .option('--quiet', 'no live progress, only the summary');
  addRunFlags(command).action(async (scenario: string, flags: RunFlags & { quiet?: boolean }) => {
    const outcome = await withGracefulStop((signal) =>
      runScenario(scenario, {
        ...runOptionsFrom(flags),
        outputs: liveOutputs(flags),
        signal,
        onResolved: (run, runDir) => announceRun(run.scenario.name, runDir),
      }),
    );
    setExitCode(printOutcome(outcome));
  });
}
