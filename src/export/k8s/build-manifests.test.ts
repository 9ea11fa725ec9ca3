import { describe, expect, it } from 'vitest';
import type { LaunchdayError } from '../../core/errors.js';
import { MAX_CONFIG_MAP_BYTES } from '../kubernetes-names.js';
import { buildK8sManifests } from './build-manifests.js';
import type { K8sExportSpec } from './types.js';

const SPEC: K8sExportSpec = {
  name: 'signup-spike',
  namespace: 'load',
  image: 'launchday:latest',
  parallelism: 4,
  startAt: '2026-12-04T20:00:00Z',
  bundle: 'export default {};\n',
  bundleFiles: [
    { path: 'data/curve.csv', content: new TextEncoder().encode('t,c\n0,0\n') },
    { path: 'data/blob.bin', content: new Uint8Array([0xff, 0xfe, 0x00]) },
  ],
  runArgs: ['--seed', '7', '--workers', '1'],
  generator: { cpu: '1', memory: '1Gi' },
  storage: '2Gi',
  mergeWaitSeconds: 900,
  version: '0.1.0',
};

// biome-ignore lint/suspicious/noExplicitAny: the tests read the plain objects
const plain = (spec: Partial<K8sExportSpec> = {}): Record<string, any> =>
  Object.fromEntries(
    buildK8sManifests({ ...SPEC, ...spec }).map(({ file, object }) => [file, object.toJSON()]),
  );

const usageError = (spec: Partial<K8sExportSpec>) => {
  try {
    buildK8sManifests({ ...SPEC, ...spec });
  } catch (error) {
    return error as LaunchdayError;
  }
  throw new Error('expected a usage error');
};

describe('buildK8sManifests', () => {
  it('makes the five objects in apply order, labelled and in the namespace', () => {
    const objects = plain();
    expect(Object.keys(objects)).toEqual([
      '00-start.yaml',
      '10-scenario.yaml',
      '20-results.yaml',
      '30-run.yaml',
      '40-merge.yaml',
    ]);
    expect(Object.values(objects).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ConfigMap/signup-spike-start',
      'ConfigMap/signup-spike-scenario',
      'PersistentVolumeClaim/signup-spike-results',
      'Job/signup-spike',
      'Job/signup-spike-merge',
    ]);
    for (const object of Object.values(objects)) {
      expect(object.metadata.namespace).toBe('load');
      expect(object.metadata.labels).toMatchObject({
        'app.kubernetes.io/name': 'launchday',
        'app.kubernetes.io/instance': 'signup-spike',
        'app.kubernetes.io/version': '0.1.0',
      });
    }
    expect(objects['00-start.yaml'].data).toEqual({ 'start-at': '2026-12-04T20:00:00Z' });
    expect(objects['20-results.yaml'].spec).toEqual({
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: '2Gi' } },
    });
  });

  it('runs segment $((JOB_COMPLETION_INDEX+1))/N in each of N pods of an Indexed Job', () => {
    const job = plain()['30-run.yaml'].spec;
    expect(job).toMatchObject({
      completionMode: 'Indexed',
      completions: 4,
      parallelism: 4,
      backoffLimit: 0,
    });
    const pod = job.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    const [container] = pod.containers;
    const [sh, dashC, script] = container.command;
    expect([sh, dashC]).toEqual(['sh', '-c']);
    expect(script).toContain('segment=$((JOB_COMPLETION_INDEX + 1))');
    expect(script).toContain(
      'node /app/dist/src/cli/main.js run "$@" --segment "$segment/4" --start-at "$START_AT"',
    );
    expect(script).toContain('--out-dir "$run/segments/$segment"');
    expect(container.args).toEqual(['/scenario/scenario.mjs', '--seed', '7', '--workers', '1']);
    expect(container.env).toEqual([
      {
        name: 'START_AT',
        valueFrom: { configMapKeyRef: { name: 'signup-spike-start', key: 'start-at' } },
      },
    ]);
    expect(container.resources.requests).toEqual(container.resources.limits);
  });

  it('writes command lines the kubelet leaves as they are (its $(VAR) and $$ expansion)', () => {
    const objects = plain();
    const pods = [objects['30-run.yaml'], objects['40-merge.yaml']].map(
      (job) => job.spec.template.spec,
    );
    const containers = pods.flatMap((pod) => [...(pod.initContainers ?? []), ...pod.containers]);
    // The kubelet replaces $(NAME) by the container's variable NAME and $$ by $ in command and args.
    const names = ['START_AT', 'JOB_COMPLETION_INDEX'];
    const expand = (word: string) =>
      word.replace(/\$(\$|\(([^)]*)\))/g, (match, _, name?: string) =>
        match === '$$' ? '$' : name !== undefined && names.includes(name) ? '<value>' : match,
      );
    expect(containers).toHaveLength(3);
    for (const container of containers) {
      const words: string[] = [...container.command, ...(container.args ?? [])];
      expect(words.map(expand)).toEqual(words);
      expect(container.env.map((env: { name: string }) => env.name)).toEqual(['START_AT']);
    }
  });

  it('mounts the bundle and its files at their paths, text as data and the rest as binaryData', () => {
    const objects = plain();
    const scenario = objects['10-scenario.yaml'];
    expect(Object.keys(scenario.data)).toEqual(['scenario.mjs', 'data__curve.csv']);
    expect(scenario.binaryData).toEqual({ 'data__blob.bin': '//4A' });
    const volume = objects['30-run.yaml'].spec.template.spec.volumes[0];
    expect(volume.configMap.items).toEqual([
      { key: 'scenario.mjs', path: 'scenario.mjs' },
      { key: 'data__curve.csv', path: 'data/curve.csv' },
      { key: 'data__blob.bin', path: 'data/blob.bin' },
    ]);
  });

  it('waits for N results before merging them into the run folder', () => {
    const pod = plain()['40-merge.yaml'].spec.template.spec;
    const wait = pod.initContainers[0].command[2];
    expect(wait).toContain('[ "$count" -ge 4 ] && break');
    expect(wait).toContain('deadline=$(( $(date -d "$START_AT" +%s) + 900 ))');
    expect(pod.containers[0].command[2]).toContain(
      'merge "$run"/segments/*/*/result.json --out-dir "$run/merged"',
    );
    expect(pod.volumes.map((v: { name: string }) => v.name)).toEqual(['results', 'tmp']);
  });

  it('refuses, as usage errors, a bad name or namespace, a bad quantity and a bundle too big', () => {
    expect(usageError({ name: 'Signup_Spike' }).message).toMatch(/--name 'Signup_Spike'/);
    expect(usageError({ namespace: 'Load Tests' }).message).toMatch(/--namespace 'Load Tests'/);
    expect(usageError({ generator: { cpu: 'one', memory: '1Gi' } }).message).toMatch(
      /^Job signup-spike is not valid: .*cpu/,
    );
    const big = usageError({ bundle: 'x'.repeat(MAX_CONFIG_MAP_BYTES) });
    expect(big.message).toMatch(/more than a ConfigMap holds/);
    expect(big.code).toBe('LAUNCHDAY_ERR_USAGE');
  });
});
