import { existsSync, readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_CLI } from '../src/export/k8s/index.js';
import { CLI, runCli, scenarioFile, tempDir } from './support/cli.js';
import { argvUse } from './support/cli-help.js';
import { shellSegments } from './support/compose-file.js';
import { readDockerfile } from './support/dockerfile.js';
import { readManifests, type WrittenManifests } from './support/k8s-manifests.js';

const ROOT = new URL('..', import.meta.url).pathname;
const LAUNCH_DAY = join(ROOT, 'scenarios/launch-day.ts');
const EXPORT = ['--parallelism', '3', '--base-url', 'http://feed.launch.svc:8080'];
const ALLOW = ['--allow-host', 'feed.launch.svc'];

let dir: string;
let manifests: WrittenManifests;
let stdout: string;

beforeAll(async () => {
  dir = join(await tempDir(), 'k8s');
  const outcome = await runCli([
    'export',
    'k8s',
    LAUNCH_DAY,
    ...EXPORT,
    ...ALLOW,
    '--out',
    dir,
    '--namespace',
    'launch',
    '--image',
    'registry.example/launchday:0.1.0',
    '--param',
    'duration=5m',
    '--seed',
    '7',
    '--cpu',
    '2',
    '--storage-class',
    'nfs',
  ]);
  expect(outcome.code, outcome.stderr).toBe(0);
  stdout = outcome.stdout;
  manifests = await readManifests(dir);
}, 60_000);

/** The launchday argv of the line of `script` that runs the CLI, `"$@"` replaced by `args`. */
function launchdayArgv(script: string, args: readonly string[]): string[] {
  const line = script.split('\n').find((text) => text.includes(`node ${IMAGE_CLI} `))!;
  const argv = shellSegments(line.replace(/^exec /, ''))[0]!;
  expect(argv.slice(0, 2)).toEqual(['node', IMAGE_CLI]);
  return argv.slice(2).flatMap((word) => (word === '$@' ? [...args] : [word]));
}

describe('launchday export k8s', () => {
  it('writes five objects that validate against the Kubernetes schemas, in apply order', () => {
    expect(manifests.files).toEqual([
      '00-start.yaml',
      '10-scenario.yaml',
      '20-results.yaml',
      '30-run.yaml',
      '40-merge.yaml',
    ]);
    for (const object of Object.values(manifests).filter((value) => !Array.isArray(value)))
      expect(object.metadata?.namespace).toBe('launch');
    expect(manifests.results.spec?.accessModes).toEqual(['ReadWriteMany']);
    expect(manifests.results.spec?.storageClassName).toBe('nfs');
    expect(stdout).toMatch(/^apply: kubectl apply -f \S*\/k8s\/$/m);
    expect(stdout).toContain('kubectl create configmap launch-day-start -n launch');
  });

  it('runs N generator pods of an Indexed Job, sized and spread for load generation', () => {
    const spec = manifests.run.spec!;
    expect(spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 3 });
    const pod = spec.template.spec!;
    expect(pod.restartPolicy).toBe('Never');
    const [container] = pod.containers;
    expect(container!.image).toBe('registry.example/launchday:0.1.0');
    expect(container!.resources).toEqual({
      requests: { cpu: '2', memory: '1Gi' },
      limits: { cpu: '2', memory: '1Gi' },
    });
    expect(container!.args).toEqual(expect.arrayContaining(['--workers', '2', '--seed', '7']));
    expect(pod.affinity?.podAntiAffinity).toBeDefined();
  });

  it('ships the bundle and the file it reads in the scenario ConfigMap', () => {
    const volume = manifests.run.spec!.template.spec!.volumes!.find((v) => v.configMap);
    expect(volume!.configMap!.items).toEqual([
      { key: 'scenario.mjs', path: 'scenario.mjs' },
      { key: 'data__threads-launch-signups.csv', path: 'data/threads-launch-signups.csv' },
    ]);
    const data = manifests.scenario.data!;
    expect(data['scenario.mjs']).toContain('from "launchday"');
    expect(data['data__threads-launch-signups.csv']).toBe(
      readFileSync(join(ROOT, 'scenarios/data/threads-launch-signups.csv'), 'utf8'),
    );
  });

  it('references only what exists: the CLI in the image and the flags its commands accept', () => {
    const dockerfile = readDockerfile(join(ROOT, 'Dockerfile'));
    const bin = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.launchday;
    expect(IMAGE_CLI).toBe(posix.join(dockerfile.workdir, bin));
    expect(existsSync(join(ROOT, bin))).toBe(true);
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^USER node$/m);
    const generator = manifests.run.spec!.template.spec!.containers[0]!;
    const merge = manifests.merge.spec!.template.spec!.containers[0]!;
    const argvs = [
      launchdayArgv(generator.command![2]!, generator.args!),
      launchdayArgv(merge.command![2]!, []),
    ];
    expect(argvs.map(([command]) => command)).toEqual(['run', 'merge']);
    for (const argv of argvs) {
      const use = argvUse(CLI, argv);
      expect(use.used.filter((name) => !use.options.has(name))).toEqual([]);
    }
    const run = argvUse(CLI, argvs[0]!);
    expect(run.positionals).toEqual(['/scenario/scenario.mjs']);
    expect(run.values.get('--segment')).toEqual(['$segment/3']);
    expect(run.values.get('--base-url')).toEqual(['http://feed.launch.svc:8080']);
    expect(run.values.get('--param')).toEqual(['duration=5m']);
  });

  it('refuses a broken scenario or a bad option with exit 2, writing nothing', async () => {
    const out = join(await tempDir(), 'k8s');
    const cases = [
      [scenarioFile('invalid-executor.ts'), ...EXPORT, ...ALLOW],
      [LAUNCH_DAY, ...EXPORT],
      [LAUNCH_DAY, ...EXPORT, ...ALLOW, '--param', 'scale=2'],
      [LAUNCH_DAY, ...EXPORT, ...ALLOW, '--cpu', 'lots'],
      [LAUNCH_DAY, ...EXPORT, ...ALLOW, '--name', 'Not_A_Name'],
      [LAUNCH_DAY, ...EXPORT, ...ALLOW, '--start-at', 'tomorrow'],
      [LAUNCH_DAY, '--parallelism', '0'],
    ];
    const outcomes = await Promise.all(
      cases.map((args) => runCli(['export', 'k8s', ...args, '--out', out])),
    );
    expect(outcomes.map((outcome) => outcome.code)).toEqual(cases.map(() => 2));
    expect(outcomes[1]!.stderr).toMatch(/feed\.launch\.svc/);
    expect(outcomes[3]!.stderr).toMatch(/Job launch-day is not valid: .*cpu/);
    expect(outcomes[4]!.stderr).toMatch(/--name 'Not_A_Name'/);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  }, 60_000);

  it('refuses a scenario that reads a file it would not ship, as its pods would fail', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'rate.txt'), '5');
    await writeFile(
      join(folder, 'unshipped.ts'),
      `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineScenario } from 'launchday';

const rate = Number(readFileSync(join(import.meta.dirname, 'rate.txt'), 'utf8'));

export default defineScenario({
  name: 'unshipped',
  workloads: {
    w: { executor: { type: 'constant-arrival-rate', rate, duration: '1s' }, journey: async () => {} },
  },
});
`,
    );
    const out = join(folder, 'k8s');
    const outcome = await runCli([
      'export',
      'k8s',
      join(folder, 'unshipped.ts'),
      '--parallelism',
      '2',
      '--out',
      out,
    ]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/does not load with only its files beside it: .*rate\.txt/s);
    expect(outcome.stderr).toMatch(/new URL\('\.\/data\/file\.csv', import\.meta\.url\)/);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });
});
