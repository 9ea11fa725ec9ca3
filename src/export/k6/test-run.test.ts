import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { DNS_LABEL, kubernetesName } from '../kubernetes-names.js';
import { scriptConfigMap, testRun } from './test-run.js';

/**
 * The fields of k6-operator's TestRun CRD (k6.io/v1alpha1, api/v1alpha1/testrun_types.go):
 * `spec` and its `script.configMap`, and the runner Pod fields the export sets.
 */
const TEST_RUN_SPEC_FIELDS = [
  'script',
  'parallelism',
  'separate',
  'arguments',
  'ports',
  'initializer',
  'starter',
  'runner',
  'quiet',
  'paused',
  'scuttle',
  'cleanup',
  'cloud',
  'testRunId',
  'token',
];
const CONFIG_MAP_REF_FIELDS = ['name', 'file'];

const input = {
  name: 'launch-day',
  file: 'script.js',
  script: 'export default function () {}\n',
  parallelism: 4,
  remoteWriteUrl: 'http://prometheus.monitoring:9090/api/v1/write',
};

describe('the k6-operator manifests', () => {
  it('are a ConfigMap holding the script and a TestRun of N runners reading it', () => {
    const configMap = scriptConfigMap(input) as {
      metadata: { name: string };
      data: Record<string, string>;
    };
    const run = testRun(input) as {
      apiVersion: string;
      kind: string;
      metadata: { name: string };
      spec: Record<string, unknown> & {
        parallelism: number;
        script: { configMap: Record<string, string> };
        arguments: string;
        runner: { env: { name: string; value: string }[] };
      };
    };
    expect(configMap).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(configMap.data).toEqual({ 'script.js': input.script });
    expect(run.apiVersion).toBe('k6.io/v1alpha1');
    expect(run.kind).toBe('TestRun');
    for (const field of Object.keys(run.spec)) expect(TEST_RUN_SPEC_FIELDS).toContain(field);
    expect(Object.keys(run.spec.script)).toEqual(['configMap']);
    for (const field of Object.keys(run.spec.script.configMap))
      expect(CONFIG_MAP_REF_FIELDS).toContain(field);
    expect(run.spec.parallelism).toBe(4);
    expect(Number.isInteger(run.spec.parallelism)).toBe(true);
    expect(run.spec.script.configMap).toEqual({ name: configMap.metadata.name, file: 'script.js' });
    expect(typeof run.spec.arguments).toBe('string');
    expect(run.spec.arguments).toBe('-o experimental-prometheus-rw --tag testid=launch-day');
    expect(run.spec.runner.env).toContainEqual({
      name: 'K6_PROMETHEUS_RW_SERVER_URL',
      value: input.remoteWriteUrl,
    });
    expect(run.spec.runner.env).toContainEqual({
      name: 'K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM',
      value: 'true',
    });
    for (const name of [run.metadata.name, configMap.metadata.name])
      expect(name).toMatch(DNS_LABEL);
  });

  it('survive YAML as two documents, the script intact', () => {
    const text = [scriptConfigMap(input), testRun(input)].map((m) => stringify(m)).join('---\n');
    const documents = parseAllDocuments(text).map((document) => document.toJS());
    expect(documents).toEqual([scriptConfigMap(input), testRun(input)]);
  });
});

describe('kubernetesName', () => {
  it.each([
    ['launch-day', 'launch-day'],
    ['Read Heavy Feed!', 'read-heavy-feed'],
    ['__', 'k6-export'],
    ['a'.repeat(60), 'a'.repeat(40)],
  ])('makes %s the DNS-1123 label %s', (text, name) => {
    expect(kubernetesName(text, 'k6-export')).toBe(name);
    expect(kubernetesName(text, 'k6-export')).toMatch(DNS_LABEL);
  });
});
