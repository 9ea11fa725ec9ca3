import type { Command } from 'commander';
import type { SetExitCode } from '../types.js';
import { registerExportK6 } from './export-k6.js';
import { registerExportK8s } from './export-k8s.js';

/** `launchday export <engine>`: a scenario written as a run for another engine. */
export function registerExport(program: Command, setExitCode: SetExitCode): void {
  const exportCommand = program
    .command('export')
    .description('write a scenario as a run for another engine: Kubernetes (k8s), k6 (k6)');
  registerExportK8s(exportCommand, setExitCode);
  registerExportK6(exportCommand, setExitCode);
}
