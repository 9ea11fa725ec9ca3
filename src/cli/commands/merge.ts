import { relative } from 'node:path';
import type { Command } from 'commander';
import { renderTerminalSummary, shouldColor } from '../../report/index.js';
import { mergeRuns } from '../../workflows/merge/run-merge.js';
import { exitCodeFor } from '../run-session.js';
import type { SetExitCode } from '../types.js';

/**
 * `launchday merge <result.json | folder>... [--out-dir DIR]`: merges the results of a
 * segmented run's instances (`run --segment I/N`) into one result.json with its reports, prints
 * the merged summary, and exits as the run would have: 0 passed, 3 a threshold failed on the
 * merged metrics, 5 or 130 when an instance was aborted or interrupted; 2 when the results are
 * not the segments of one run, naming why.
 */
export function registerMerge(program: Command, setExitCode: SetExitCode): void {
  program
    .command('merge')
    .description("merge the segments' results of one run (run --segment I/N) into one result")
    .argument('<results...>', 'result.json files, run folders, or folders of run folders')
    .option(
      '--out-dir <dir>',
      'where to write the merged result.json and reports (default: reports/<run-id>)',
    )
    .action(async (paths: string[], flags: { outDir?: string }) => {
      const outcome = await mergeRuns(paths, flags.outDir);
      const shown = (path: string) => relative(process.cwd(), path) || '.';
      for (const file of outcome.skipped)
        process.stderr.write(
          `launchday: left out ${shown(file)}: it is an earlier merge's result\n`,
        );
      process.stdout.write(
        `merged ${outcome.inputs.length} segments: ${outcome.inputs.map(shown).join(', ')}\n`,
      );
      process.stdout.write(
        `${renderTerminalSummary(outcome.result, { color: shouldColor(process.stdout) })}\n`,
      );
      process.stdout.write(
        `result: ${shown(outcome.resultFile)}\nreport: ${shown(outcome.reportFiles.html)}\n`,
      );
      setExitCode(exitCodeFor(outcome.result.status));
    });
}
