import { relative } from 'node:path';
import type { Command } from 'commander';
import { LaunchdayError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import type { RunResult } from '../../core/result.js';
import { renderCompareTerminal, shouldColor } from '../../report/index.js';
import { parseAbSide } from '../../workflows/ab/ab-side.js';
import { runAb } from '../../workflows/ab/run-ab.js';
import { addCompareFlags, type CompareFlags, compareOptionsFrom } from '../compare-flags.js';
import { wholeNumberAtLeast } from '../flag-parsers.js';
import { addRunFlags, type RunFlags, runOptionsFrom } from '../options.js';
import { liveOutputs, withGracefulStop } from '../run-session.js';
import type { SetExitCode } from '../types.js';

interface AbFlags extends RunFlags, Omit<CompareFlags, 'outDir'> {
  a: string;
  b: string;
  repeats: number;
  readyPath: string;
}

/**
 * `launchday ab <scenario> --a URL|CMD --b URL|CMD`: runs the scenario against A and B in
 * turns (A B B A …, `--repeats` each), a fresh target per run for a command, then compares B
 * with A as `compare` does, into reports/<ab-id>/. Exits 0 without a regression, 4 with one.
 */
export function registerAb(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('ab')
    .description('interleaved A/B runs of a scenario, compared; exit 4 when B regressed')
    .argument('<scenario>', 'the scenario file (.ts or .js)')
    .requiredOption(
      '--a <url|command>',
      "side A: a URL, or a command starting the service on {port} (e.g. main's build)",
    )
    .requiredOption(
      '--b <url|command>',
      'side B: a URL, or a command starting the service on {port} (e.g. the change)',
    )
    .option('--repeats <n>', 'runs per side', wholeNumberAtLeast(1), 5)
    .option('--ready-path <path>', "what a command's service answers once ready", '/');
  addCompareFlags(addRunFlags(command), { outDir: false }).action(
    async (scenario: string, flags: AbFlags) => {
      if (flags.baseUrl !== undefined)
        throw new LaunchdayError(
          'LAUNCHDAY_ERR_USAGE',
          'ab takes its targets from --a and --b, not --base-url',
          {
            hint: "give each side's URL or command with --a and --b",
          },
        );
      const outcome = await withGracefulStop((signal) =>
        runAb({
          scenario,
          a: parseAbSide(flags.a, '--a'),
          b: parseAbSide(flags.b, '--b'),
          repeats: flags.repeats,
          run: runOptionsFrom(flags),
          compare: compareOptionsFrom(flags),
          readyPath: flags.readyPath,
          outputs: () => liveOutputs({ ...flags, quiet: true }),
          onRun: printRun,
          signal,
        }),
      );
      process.stdout.write(
        renderCompareTerminal(outcome.report, { color: shouldColor(process.stdout) }),
      );
      process.stdout.write(
        `compare: ${relative(process.cwd(), outcome.paths.html)}\nmarkdown: ${relative(process.cwd(), outcome.paths.markdown)}\n`,
      );
      setExitCode(outcome.report.verdict === 'regressed' ? ExitCode.regression : ExitCode.ok);
    },
  );
}

function printRun(side: 'a' | 'b', index: number, result: RunResult): void {
  const duration = result.summary.metrics.http_req_duration;
  const p99 = duration?.kind === 'trend' ? `p(99) ${duration.p99.toFixed(2)} ms` : 'no requests';
  process.stderr.write(
    `launchday ab: ${side.toUpperCase()} run ${index} ${result.status}, ${p99}\n`,
  );
}
