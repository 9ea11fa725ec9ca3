import { relative } from 'node:path';
import type { Command } from 'commander';
import { exportK6 } from '../../workflows/export/export-k6.js';
import { wholeNumberAtLeast } from '../flag-parsers.js';
import {
  addAllowHostFlag,
  addScenarioFlags,
  type ScenarioFlags,
  scenarioOptionsFrom,
} from '../options.js';
import type { SetExitCode } from '../types.js';

interface ExportK6Flags extends ScenarioFlags {
  out: string;
  parallelism: number;
  remoteWriteUrl: string;
}

/**
 * `launchday export k6 <scenario> [--out DIR] [--parallelism N] [--remote-write-url URL]` and
 * the flags that shape the run (`--param`, `--seed`, `--base-url`, `--tag`): writes a k6
 * script, k6-operator manifests and the k6 command with Prometheus remote write; prints where.
 * A scenario that is invalid or has something k6 cannot do exits 2 naming it, writing nothing.
 */
export function registerExportK6(exportCommand: Command, setExitCode: SetExitCode): void {
  const command = exportCommand
    .command('k6')
    .description('write a k6 script, a k6-operator TestRun and the k6 command for a scenario')
    .argument('<scenario>', 'the scenario file (.ts or .js)')
    .option('--out <dir>', 'where to write the files', 'k6-export')
    .option('--parallelism <n>', 'k6-operator runners in the TestRun', wholeNumberAtLeast(1), 1)
    .option(
      '--remote-write-url <url>',
      "Prometheus's remote-write endpoint for the k6 command and the TestRun",
      'http://127.0.0.1:9090/api/v1/write',
    );
  addAllowHostFlag(addScenarioFlags(command)).action(
    async (scenario: string, flags: ExportK6Flags) => {
      const outcome = await exportK6({
        scenario,
        run: scenarioOptionsFrom(flags),
        outDir: flags.out,
        parallelism: flags.parallelism,
        remoteWriteUrl: flags.remoteWriteUrl,
      });
      const shown = (path: string) => relative(process.cwd(), path) || '.';
      const { files, run } = outcome;
      process.stdout.write(
        `k6 script: ${shown(files.script)} (${outcome.scriptBytes} bytes; seed ${run.seed})\n` +
          `k6-operator: ${shown(files.manifests)} (kubectl apply --server-side -f ${shown(files.manifests)})\n` +
          `k6 command: ${shown(files.command)}\n  ${outcome.k6Command}\n`,
      );
      setExitCode(0);
    },
  );
}
