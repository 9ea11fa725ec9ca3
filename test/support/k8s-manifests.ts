import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { parse } from 'yaml';
import type { CliOutcome } from './cli.js';

/** The objects an export wrote, parsed back and rebuilt as kubernetes-models objects. */
export interface WrittenManifests {
  /** The file names, in the order `kubectl apply -f DIR` reads them. */
  readonly files: readonly string[];
  readonly start: ConfigMap;
  readonly scenario: ConfigMap;
  readonly results: PersistentVolumeClaim;
  readonly run: Job;
  readonly merge: Job;
}

const MODELS = { ConfigMap, PersistentVolumeClaim, Job } as const;

/**
 * Reads every YAML file in `dir` (one object each), rebuilds each with its kubernetes-models
 * class and validates it against the Kubernetes schema (throws what is wrong).
 */
export async function readManifests(dir: string): Promise<WrittenManifests> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.yaml')).sort();
  const objects = await Promise.all(
    files.map(async (file) => {
      const data = parse(await readFile(join(dir, file), 'utf8')) as { kind: keyof typeof MODELS };
      const Model = MODELS[data.kind];
      if (Model === undefined) throw new Error(`${file}: unexpected kind ${data.kind}`);
      const object = new Model(data as never);
      object.validate();
      return object;
    }),
  );
  const named = (suffix: string) => {
    const found = objects.find((object) => object.metadata?.name?.endsWith(suffix));
    if (found === undefined) throw new Error(`no object named *${suffix} in ${dir}`);
    return found;
  };
  return {
    files,
    start: named('-start') as ConfigMap,
    scenario: named('-scenario') as ConfigMap,
    results: named('-results') as PersistentVolumeClaim,
    run: objects.find(
      (object) => object.kind === 'Job' && !object.metadata?.name?.endsWith('-merge'),
    ) as Job,
    merge: named('-merge') as Job,
  };
}

/**
 * Writes a ConfigMap volume into `dir` as the kubelet lays it out: the items in a timestamped
 * folder, `..data` linking to it, and each top-level entry linking through `..data`.
 */
export async function mountConfigMap(
  configMap: ConfigMap,
  items: readonly { key: string; path: string }[],
  dir: string,
): Promise<void> {
  const payload = join(dir, '..2026_01_01_00_00_00.000000001');
  for (const { key, path } of items) {
    const text = configMap.data?.[key];
    const binary = configMap.binaryData?.[key];
    const content = text !== undefined ? text : Buffer.from(binary ?? '', 'base64');
    await mkdir(dirname(join(payload, path)), { recursive: true });
    await writeFile(join(payload, path), content);
  }
  await symlink('..2026_01_01_00_00_00.000000001', join(dir, '..data'));
  const tops = new Set(items.map(({ path }) => path.split('/')[0]!));
  for (const top of tops) await symlink(join('..data', top), join(dir, top));
}

/** Where the container paths of the manifests are on this machine. */
export type PathMap = readonly (readonly [container: string, local: string])[];

/** `text` with each container path of `map` replaced by its local path, in order. */
export function mapPaths(text: string, map: PathMap): string {
  return map.reduce((mapped, [from, to]) => mapped.split(from).join(to), text);
}

/**
 * Runs `container`'s command line as written (`sh -c <script> <name> <args...>`), its paths
 * mapped by `map`, with `env` added; resolves when it exits.
 */
export function runContainer(
  container: IContainer,
  map: PathMap,
  env: NodeJS.ProcessEnv,
): Promise<CliOutcome> {
  const [program, ...rest] = [...(container.command ?? []), ...(container.args ?? [])].map((word) =>
    mapPaths(word, map),
  );
  const child = spawn(program!, rest, {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
