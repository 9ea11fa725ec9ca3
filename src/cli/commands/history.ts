import { relative } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../core/exit-codes.js';
import { shouldColor } from '../../report/ansi.js';
import { renderHistoryText } from '../../report/history/text.js';
import { DEFAULT_HISTORY_METRIC, runHistory } from '../../workflows/history/run-history.js';
import type { SetExitCode } from '../types.js';

/** Collects a repeatable option's values; no default, so --help shows none. */
const collect = (value: string, previous?: string[]) => [...(previous ?? []), value];

interface HistoryFlags {
  metric?: string[];
  tag?: string;
  outDir?: string;
}

/**
 * `launchday history <folder> [--metric ...] [--tag commit] [--out-dir DIR]`: the series of
 * each metric over the runs in a folder, ordered by start time or by a run tag, with its
 * change points (E-divisive means with a permutation test) said as sentences; prints the table
 * and the sentences, writes history.md, history.html and history.json, and prints their paths.
 * Exits 0, also when it finds change points; 2 on bad input (no runs, an unreadable file, a
 * bad selector, a run without the tag).
 */
export function registerHistory(program: Command, setExitCode: SetExitCode): void {
  program
    .command('history')
    .description('follow a metric over a folder of runs and find where it changed (E-divisive)')
    .argument(
      '<folder>',
      'run folders with a result.json each (e.g. reports/), or result .json files',
    )
    .option(
      '--metric <selector>',
      `a metric in threshold syntax, e.g. 'http_req_duration{name:feed}:p(99)' (repeatable; default ${DEFAULT_HISTORY_METRIC})`,
      collect,
    )
    .option(
      '--tag <name>',
      'order and label the runs by this run tag, e.g. commit (from launchday run --tag commit=<sha>)',
    )
    .option('--out-dir <dir>', 'where to write history.md, .html and .json (default: the folder)')
    .action(async (folder: string, flags: HistoryFlags) => {
      const { report, files } = await runHistory(folder, {
        metrics: flags.metric,
        tag: flags.tag,
        outDir: flags.outDir,
      });
      const shown = (path: string) => relative(process.cwd(), path) || '.';
      process.stdout.write(
        `${renderHistoryText(report, { color: shouldColor(process.stdout) })}\n` +
          `markdown: ${shown(files.markdown)}\nhtml: ${shown(files.html)}\njson: ${shown(files.json)}\n`,
      );
      setExitCode(ExitCode.ok);
    });
}
