/** The k6-operator manifests of an export: the script's ConfigMap and the TestRun that runs it. */

/** What the manifests need: names, the script, how many runners and where metrics go. */
export interface TestRunInput {
  /** The TestRun's name; the ConfigMap is `<name>-script`. A DNS-1123 label (see `kubernetesName`). */
  readonly name: string;
  /** The script's key in the ConfigMap and the file k6 runs, e.g. `script.js`. */
  readonly file: string;
  readonly script: string;
  /** k6 runner pods; k6-operator gives each an equal execution segment. */
  readonly parallelism: number;
  /** Prometheus's remote-write URL the runners push to (`K6_PROMETHEUS_RW_SERVER_URL`). */
  readonly remoteWriteUrl: string;
}

/** A Kubernetes object as plain data, ready for YAML. */
export type Manifest = Readonly<Record<string, unknown>>;

/**
 * The environment of k6's Prometheus remote-write output as launchday's dashboards read it:
 * trends as native histograms (`k6_http_req_duration_seconds`, which the latency panels take
 * quantiles of) and, for Prometheus servers without native histograms, the trend stats.
 */
export function remoteWriteEnv(remoteWriteUrl: string): Record<string, string> {
  return {
    K6_PROMETHEUS_RW_SERVER_URL: remoteWriteUrl,
    K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM: 'true',
    K6_PROMETHEUS_RW_TREND_STATS: 'p(50),p(95),p(99),min,max,avg',
  };
}

/** The k6 arguments that send a run to Prometheus under the dashboards' `testid`. */
export function remoteWriteArguments(testid: string): string {
  return `-o experimental-prometheus-rw --tag testid=${testid}`;
}

/** The ConfigMap holding the script under `input.file`. */
export function scriptConfigMap(input: TestRunInput): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName(input.name), labels: labels(input.name) },
    data: { [input.file]: input.script },
  };
}

/**
 * The k6-operator TestRun (k6.io/v1alpha1): `parallelism` runners of the script in the
 * ConfigMap, each pushing its metrics to Prometheus with remote write under `testid=<name>`.
 */
export function testRun(input: TestRunInput): Manifest {
  const env = Object.entries(remoteWriteEnv(input.remoteWriteUrl)).map(([name, value]) => ({
    name,
    value,
  }));
  return {
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: { name: input.name, labels: labels(input.name) },
    spec: {
      parallelism: input.parallelism,
      script: { configMap: { name: configMapName(input.name), file: input.file } },
      arguments: remoteWriteArguments(input.name),
      runner: { env },
    },
  };
}

function configMapName(name: string): string {
  return `${name}-script`;
}

function labels(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': 'launchday-k6', 'app.kubernetes.io/instance': name };
}
