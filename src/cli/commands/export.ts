import type { Command } from 'commander';
import type { SetExitCode } from '../types.js';
import { registerExportK6 } from './export-k6.js';

/** `launchday export <target>`: writes a scenario out for another engine (k6). */
export function registerExport(program: Command, setExitCode: SetExitCode): void {
  const exportCommand = program
    .command('export')
    .description('export a scenario to run on another engine');
  registerExportK6(exportCommand, setExitCode);
}
