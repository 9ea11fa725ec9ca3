import { relative } from 'node:path';
import type { Command } from 'commander';
import {
  baselineRoot,
  formatBaselineTable,
  listBaselines,
  saveBaseline,
} from '../../workflows/baseline/index.js';
import type { SetExitCode } from '../types.js';

const DIR_HELP =
  'the folder of baselines (default: $LAUNCHDAY_BASELINE_DIR, else reports/baselines)';

/**
 * `launchday baseline save <run> [--name main] [--dir DIR] [--replace]`: keeps runs as a named
 * baseline for `compare --baseline NAME`; `launchday baseline list [--dir DIR]`: a table of the
 * baselines. Bad input exits 2 naming the file (see workflows/baseline).
 */
export function registerBaseline(program: Command, setExitCode: SetExitCode): void {
  const baseline = program
    .command('baseline')
    .description('keep runs as named baselines for compare --baseline NAME, and list them');
  baseline
    .command('save')
    .description('save runs as the baseline NAME (adding to its runs unless --replace)')
    .argument('<run>', 'a result.json, a run folder, or a folder of run folders')
    .option('--name <name>', 'the baseline', 'main')
    .option('--dir <dir>', DIR_HELP)
    .option('--replace', "replace the baseline's runs instead of adding to them")
    .action(async (run: string, flags: { name: string; dir?: string; replace?: boolean }) => {
      const saved = await saveBaseline({ run, ...flags });
      const where = relative(process.cwd(), saved.path) || '.';
      const already = saved.alreadyThere.length;
      process.stdout.write(
        `baseline ${saved.manifest.name}: ${where}, ${saved.manifest.runs.length} run(s) of ` +
          `${saved.manifest.runs[0]?.scenario ?? '-'}; added ${saved.added.length}` +
          `${already > 0 ? `, ${already} already there` : ''}\n`,
      );
      setExitCode(0);
    });
  baseline
    .command('list')
    .description('list the baselines: name, runs, scenario, saved at')
    .option('--dir <dir>', DIR_HELP)
    .action(async (flags: { dir?: string }) => {
      const manifests = await listBaselines(flags.dir);
      process.stdout.write(
        manifests.length === 0
          ? `no baselines in ${relative(process.cwd(), baselineRoot(flags.dir)) || '.'}\n`
          : formatBaselineTable(manifests),
      );
      setExitCode(0);
    });
}
