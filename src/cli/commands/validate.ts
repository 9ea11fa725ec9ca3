import type { Command } from 'commander';
import { validateScenario } from '../../api.js';
import { parseOutSpec } from '../../outputs/out-spec.js';
import { renderPlan } from '../../report/index.js';
import { addRunFlags, type RunFlags, runOptionsFrom } from '../options.js';
import { allowedHosts } from '../run-session.js';
import type { SetExitCode } from '../types.js';

/**
 * `launchday validate <scenario>`: checks a scenario and the run's options (`--out` specs too)
 * and prints its plan, sending no load.
 */
export function registerValidate(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('validate')
    .description(
      'check a scenario and print its plan: workloads, executors, stages, iterations, duration',
    )
    .argument('<scenario>', 'the scenario file (.ts or .js)');
  addRunFlags(command).action(async (scenario: string, flags: RunFlags) => {
    for (const spec of flags.out) parseOutSpec(spec, allowedHosts(flags.allowHost));
    const { run, params } = await validateScenario(scenario, runOptionsFrom(flags));
    process.stdout.write(`${renderPlan(run, params)}\n`);
    setExitCode(0);
  });
}
