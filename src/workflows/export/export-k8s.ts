import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { validateScenario } from '../../api.js';
import type { ResolvedRun, RunOptions } from '../../config/types.js';
import { LAUNCHDAY_VERSION } from '../../core/environment.js';
import {
  buildK8sManifests,
  type ContainerSize,
  type K8sExportSpec,
  type K8sManifest,
  podRunArguments,
  START_FILE,
  workersForCpu,
} from '../../export/k8s/index.js';
import { kubernetesName } from '../../export/kubernetes-names.js';
import { writeFileAtomic } from '../../outputs/atomic-file.js';
import { bundlePortableScenario } from '../../scenario/index.js';
import { checkBundleLoadsAlone } from './check-bundle.js';

/** What `launchday export k8s` is given besides the scenario. */
export interface ExportK8sOptions {
  /** The options that shape the run (base URL, params, tags, seed, workers, allowed hosts). */
  readonly run: Pick<RunOptions, 'baseUrl' | 'params' | 'tags' | 'seed' | 'workers' | 'allowHosts'>;
  /** N: generator pods, segments 1/N … N/N. */
  readonly parallelism: number;
  readonly image: string;
  /** The folder the manifests are written to. */
  readonly outDir: string;
  readonly namespace?: string;
  /** The objects' name; default: the scenario's name as a DNS label. */
  readonly name?: string;
  /** The shared start, an ISO time; default: `startDelayMs` from now. */
  readonly startAt?: string;
  readonly startDelayMs: number;
  /** Each generator's CPU and memory (requests = limits). */
  readonly generator: ContainerSize;
  readonly storage: string;
  readonly storageClass?: string;
  /** How long the merge waits past the run's planned end (graceful stops included), in ms. */
  readonly mergeGraceMs: number;
  /** The clock, for the default start; default `Date.now`. */
  readonly now?: () => number;
}

/** A written export: the files, in apply order, and what they run. */
export interface K8sExport {
  readonly files: readonly string[];
  /** The start ConfigMap's file, the one to write again for a new start. */
  readonly startFile: string;
  readonly name: string;
  readonly startAt: string;
  readonly run: ResolvedRun;
}

/**
 * Writes the manifests of a segmented run of `scenario` on Kubernetes to `options.outDir`
 * (one YAML file per object, see `buildK8sManifests`). The scenario is first loaded and
 * resolved with the options as `validate` does, so a broken scenario or option is refused
 * (LaunchdayError, exit 2) before anything is written; then bundled portably (the bundle and
 * the files it reads go into the scenario ConfigMap), and the bundle is loaded alone with those
 * files, as the pods will.
 */
export async function exportK8s(scenario: string, options: ExportK8sOptions): Promise<K8sExport> {
  const startAt = options.startAt ?? isoSeconds((options.now ?? Date.now)() + options.startDelayMs);
  const workers = options.run.workers ?? workersForCpu(options.generator.cpu);
  const { run } = await validateScenario(scenario, {
    ...options.run,
    workers,
    segment: `1/${options.parallelism}`,
    startAt,
  });
  const name = options.name ?? kubernetesName(run.scenario.name, 'launchday');
  const bundle = await bundlePortableScenario(resolve(scenario));
  const bundleFiles = await Promise.all(
    bundle.assets.map(async ({ path, file }) => ({ path, content: await readFile(file) })),
  );
  await checkBundleLoadsAlone(bundle.code, bundleFiles);
  const spec: K8sExportSpec = {
    name,
    namespace: options.namespace,
    image: options.image,
    parallelism: options.parallelism,
    startAt,
    bundle: bundle.code,
    bundleFiles,
    runArgs: podRunArguments({ run, params: options.run.params ?? {}, workers }),
    generator: options.generator,
    storage: options.storage,
    storageClass: options.storageClass,
    mergeWaitSeconds: Math.ceil((run.maxDurationMs + options.mergeGraceMs) / 1000),
    version: LAUNCHDAY_VERSION,
  };
  const files = await writeManifests(options.outDir, buildK8sManifests(spec));
  return { files, startFile: join(options.outDir, START_FILE), name, startAt, run };
}

/** Writes each manifest to its file in `dir` (created if need be); returns their paths. */
async function writeManifests(dir: string, manifests: readonly K8sManifest[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const { file, object } of manifests) {
    const path = join(dir, file);
    await writeFileAtomic(path, stringify(object.toJSON(), YAML_OPTIONS));
    files.push(path);
  }
  return files;
}

// kubectl reads YAML 1.1: texts that 1.1 reads as something else (times, yes/no) are quoted.
const YAML_OPTIONS = { lineWidth: 0, version: '1.1' } as const;

/** `ms` as an ISO time to the second, e.g. `2026-12-04T20:02:00Z`. */
function isoSeconds(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
