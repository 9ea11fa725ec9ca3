import { relative } from 'node:path';
import type { Command } from 'commander';
import { LaunchdayError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { renderCompareTerminal, shouldColor } from '../../report/index.js';
import { resolveBaseline } from '../../workflows/baseline/index.js';
import { runCompare } from '../../workflows/compare/run-compare.js';
import { addCompareFlags, type CompareFlags, compareOptionsFrom } from '../compare-flags.js';
import type { SetExitCode } from '../types.js';

/**
 * `launchday compare <baseline> <candidate>` (or `--baseline NAME <candidate>`): compares two sides of runs (each a result.json, a
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
  command
    .option('--baseline <name>', 'compare with the saved baseline NAME (launchday baseline save)')
    .option('--baseline-dir <dir>', 'where baselines are kept (default reports/baselines)');
  addCompareFlags(command).action(async (sides: string[], flags: CompareCommandFlags) => {
    const { report, paths } = await runCompare({
      ...sidesOf(sides, flags),
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

interface CompareCommandFlags extends CompareFlags {
  baseline?: string;
  baselineDir?: string;
}

/** The baseline and candidate paths: two positionals, or `--baseline NAME` and one. */
function sidesOf(sides: readonly string[], flags: CompareCommandFlags) {
  const expected = flags.baseline === undefined ? 2 : 1;
  if (sides.length !== expected)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `compare takes ${expected === 2 ? 'a baseline and a candidate' : 'one candidate with --baseline'}, got ${sides.length} path(s)`,
      {
        hint: 'launchday compare reports/<base-run> reports/<new-run>, or launchday compare --baseline main reports/<new-run>',
      },
    );
  const baseline =
    flags.baseline === undefined
      ? { path: sides[0]! }
      : { path: resolveBaseline(flags.baseline, flags.baselineDir), name: flags.baseline };
  return { baseline, candidate: sides.at(-1)! };
}
