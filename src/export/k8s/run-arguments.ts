import type { ResolvedRun } from '../../config/types.js';

/** The options of a run that its pods are given, besides their segment and start. */
export interface PodRunOptions {
  /** The resolved run: its base URL, seed and allowed hosts are passed on. */
  readonly run: Pick<ResolvedRun, 'baseUrl' | 'seed' | 'allowedHosts' | 'tags'>;
  /** The parameters given (`--param`), as key=value texts. */
  readonly params: Readonly<Record<string, string>>;
  /** Worker threads per pod. */
  readonly workers: number;
}

/**
 * The `launchday run` flags every generator pod gets: the base URL, the parameters given, the
 * tags, the seed (always: the segments of one run must draw the same data), the workers and the
 * allowed hosts. Values are whole arguments, as the container's `args`: no shell quoting.
 */
export function podRunArguments({ run, params, workers }: PodRunOptions): string[] {
  const pairs = (flag: string, entries: Readonly<Record<string, string>>) =>
    Object.entries(entries).flatMap(([key, value]) => [flag, `${key}=${value}`]);
  return [
    ...(run.baseUrl === undefined ? [] : ['--base-url', run.baseUrl]),
    ...pairs('--param', params),
    ...pairs('--tag', run.tags),
    '--seed',
    String(run.seed),
    '--workers',
    String(workers),
    ...run.allowedHosts.flatMap((host) => ['--allow-host', host]),
  ];
}

/**
 * The worker threads that fit a CPU request: one per whole CPU, at least one (`2` → 2,
 * `1500m` → 1). Node counts the node's cores in a container, so the pods are told.
 */
export function workersForCpu(cpu: string): number {
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(cpu.trim());
  if (match === null) return 1;
  const cores = Number(match[1]) / (match[2] === 'm' ? 1000 : 1);
  return Math.max(1, Math.floor(cores));
}
