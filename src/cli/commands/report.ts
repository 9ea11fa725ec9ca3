import { dirname, relative } from 'node:path';
import type { Command } from 'commander';
import { readResult } from '../../core/read-result.js';
import { writeReportFiles } from '../../outputs/report-files.js';
import type { SetExitCode } from '../types.js';

/**
 * `launchday report <result.json> [--out-dir DIR]`: renders report.html, report.md and
 * junit.xml again from a saved result (an older schema version is upgraded), into the result's
 * folder or DIR, and prints their paths. A missing or unreadable file, or one of a schema
 * version this launchday cannot read, exits 2 with the reason and a hint.
 */
export function registerReport(program: Command, setExitCode: SetExitCode): void {
  program
    .command('report')
    .description("render report.html, report.md and junit.xml again from a run's result.json")
    .argument('<result>', 'the result.json a run wrote')
    .option('--out-dir <dir>', "where to write the reports (default: the result's folder)")
    .action(async (file: string, flags: { outDir?: string }) => {
      const result = await readResult(file);
      const paths = await writeReportFiles(result, flags.outDir ?? dirname(file));
      const shown = (path: string) => relative(process.cwd(), path) || '.';
      process.stdout.write(
        `report: ${shown(paths.html)}\nmarkdown: ${shown(paths.markdown)}\njunit: ${shown(paths.junit)}\n`,
      );
      setExitCode(0);
    });
}
