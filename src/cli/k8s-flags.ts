import { type Command, InvalidArgumentError, Option } from 'commander';
import { parseDuration } from '../core/duration.js';
import { wholeNumberAtLeast } from './flag-parsers.js';
import { addRunShapeFlags, type RunShapeFlags } from './options.js';

/** The flags of `export k8s`, as commander parses them. */
export interface K8sFlags extends RunShapeFlags {
  parallelism: number;
  image: string;
  out: string;
  namespace?: string;
  name?: string;
  startAt?: string;
  /** `--start-delay`, in ms. */
  startDelay: number;
  cpu: string;
  memory: string;
  storage: string;
  storageClass?: string;
  /** `--merge-grace`, in ms. */
  mergeGrace: number;
}

/** Adds the flags of `export k8s` to `command`: the manifests' shape, then the run's. */
export function addK8sFlags(command: Command): Command {
  command
    .requiredOption(
      '--parallelism <n>',
      'generator pods, each one segment (1/N … N/N)',
      wholeNumberAtLeast(1),
    )
    .option('--image <image>', "launchday's image, built from its Dockerfile", 'launchday:latest')
    .option('--out <dir>', 'where the manifests are written', 'dist/k8s')
    .option('--namespace <ns>', "the objects' namespace (default: kubectl's)")
    .option('--name <name>', "the objects' name (default: the scenario's name)")
    .addOption(
      new Option(
        '--start-at <iso-time>',
        'when the load starts, e.g. 2026-12-04T20:00:00Z',
      ).conflicts('startDelay'),
    )
    .addOption(
      new Option('--start-delay <duration>', 'or start this long after the export')
        .argParser(duration)
        .default(120_000, '2m'),
    )
    .option('--cpu <quantity>', 'CPU of each generator pod (requests = limits)', '1')
    .option('--memory <quantity>', 'memory of each generator pod (requests = limits)', '1Gi')
    .option('--storage <quantity>', 'size of the results volume (ReadWriteMany)', '1Gi')
    .option('--storage-class <name>', 'storage class of the results volume (default: the default)')
    .addOption(
      new Option(
        '--merge-grace <duration>',
        "how long the merge waits for the segments' results after the planned end",
      )
        .argParser(duration)
        .default(600_000, '10m'),
    );
  return addRunShapeFlags(command);
}

function duration(value: string): number {
  try {
    return parseDuration(value);
  } catch {
    throw new InvalidArgumentError("expected a duration such as '90s', '2m'");
  }
}
