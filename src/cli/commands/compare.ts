import { relative } from 'node:path';
import type { Command } from 'commander';
import { LaunchdayError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { renderCompareTerminal, shouldColor } from '../../report/index.js';
import { runCompare } from '../../workflows/compare/run-compare.js';
import { addCompareFlags, type CompareFlags, compareOptionsFrom } from '../compare-flags.js';
import type { SetExitCode } from '../types.js';

/**
 * `launchday compare <baseline> <candidate>`: compares two sides of runs (each a result.json, a
 * run folder or a folder of repeats), prints the table and writes compare.json, .md,
 * compare-junit.xml and compare.html beside the candidate (or into --out-dir). Exits 0 without
 * a regression, 4 with one, 2 on bad input (incomparable runs included).
 */
export function registerCompare(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('compare')
    .description('compare a candidate run (or repeats) with a baseline; exit 4 on a regression')
    .argument(
      '<sides...>',
      'the baseline and the candidate: result.json, run folder, or folder of runs',
    );
  addCompareFlags(command).action(async (sides: string[], flags: CompareFlags) => {
    if (sides.length !== 2)
      throw new LaunchdayError(
        'LAUNCHDAY_ERR_USAGE',
        `compare takes a baseline and a candidate, got ${sides.length} path(s)`,
        {
          hint: 'launchday compare reports/<base-run> reports/<new-run>',
        },
      );
    const { report, paths } = await runCompare({
      baseline: { path: sides[0]! },
      candidate: sides[1]!,
      options: compareOptionsFrom(flags),
      ...(flags.outDir === undefined ? {} : { outDir: flags.outDir }),
    });
    process.stdout.write(renderCompareTerminal(report, { color: shouldColor(process.stdout) }));
    const shown = (path: string) => relative(process.cwd(), path) || '.';
    process.stdout.write(
      `compare: ${shown(paths.html)}\nmarkdown: ${shown(paths.markdown)}\njunit: ${shown(paths.junit)}\njson: ${shown(paths.json)}\n`,
    );
    setExitCode(report.verdict === 'regressed' ? ExitCode.regression : ExitCode.ok);
  });
}
