import { relative } from 'node:path';
import type { Command } from 'commander';
import { isLoopback } from '../../http/host-guard.js';
import type { K8sExport } from '../../workflows/export/export-k8s.js';
import { addK8sFlags, type K8sFlags } from '../k8s-flags.js';
import { runShapeOptionsFrom } from '../options.js';
import type { SetExitCode } from '../types.js';

/**
 * `launchday export k8s <scenario> --parallelism N`: writes the manifests of a run of N
 * generator pods (an Indexed Job, segments 1/N … N/N, one shared start) and a merge Job, after
 * checking the scenario and options as `validate` does; prints the files and how to apply them.
 */
export function registerExportK8s(exportCommand: Command, setExitCode: SetExitCode): void {
  const command = exportCommand
    .command('k8s')
    .description(
      'write Kubernetes manifests: an Indexed Job of N launchday pods, one segment each, and a Job merging their results',
    )
    .argument('<scenario>', 'the scenario file (.ts or .js)');
  addK8sFlags(command).action(async (scenario: string, flags: K8sFlags) => {
    // Loaded when used: the Kubernetes models would slow every other command's start.
    const { exportK8s } = await import('../../workflows/export/export-k8s.js');
    const written = await exportK8s(scenario, {
      run: runShapeOptionsFrom(flags),
      parallelism: flags.parallelism,
      image: flags.image,
      outDir: flags.out,
      namespace: flags.namespace,
      name: flags.name,
      startAt: flags.startAt,
      startDelayMs: flags.startDelay,
      generator: { cpu: flags.cpu, memory: flags.memory },
      storage: flags.storage,
      storageClass: flags.storageClass,
      mergeGraceMs: flags.mergeGrace,
    });
    process.stdout.write(nextSteps(written, flags));
    setExitCode(0);
  });
}

function nextSteps({ files, startFile, name, startAt, run }: K8sExport, flags: K8sFlags): string {
  const dir = relative(process.cwd(), flags.out) || '.';
  const ns = flags.namespace === undefined ? '' : ` -n ${flags.namespace}`;
  const lines = [
    ...files.map((file) => `wrote ${relative(process.cwd(), file)}`),
    `start: ${startAt}, in ${relative(process.cwd(), startFile)}; for a new start 2 minutes ahead, before each apply:`,
    `  kubectl create configmap ${name}-start${ns} --from-literal=start-at=$(date -u -d +2min +%FT%TZ) --dry-run=client -o yaml > ${relative(process.cwd(), startFile)}`,
    `apply: kubectl apply -f ${dir}/`,
  ];
  if (Date.parse(startAt) <= Date.now())
    lines.push('note: the start has passed: set a new one (above) before applying');
  if (run.baseUrl !== undefined && isLoopback(new URL(run.baseUrl).hostname))
    lines.push(
      `note: the pods target ${run.baseUrl}, their own loopback: give --base-url the target's Service URL (and --allow-host its host)`,
    );
  return `${lines.join('\n')}\n`;
}
