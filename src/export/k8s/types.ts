/** A file shipped beside the scenario bundle in its ConfigMap (see `PortableBundle`). */
export interface BundleFile {
  /** Its path relative to the bundle's folder, with `/` separators, e.g. `data/curve.csv`. */
  readonly path: string;
  /** Its content. */
  readonly content: Uint8Array;
}

/** Requests and limits of a container, as Kubernetes quantities (`1`, `500m`, `1Gi`). */
export interface ContainerSize {
  readonly cpu: string;
  readonly memory: string;
}

/** Everything the manifests of an `export k8s` are built from; see `buildK8sManifests`. */
export interface K8sExportSpec {
  /** The name of the objects and the `app.kubernetes.io/instance` label: a DNS label. */
  readonly name: string;
  /** The namespace of every object; unset: kubectl's current namespace. */
  readonly namespace?: string;
  /** The image built from the project's Dockerfile, e.g. `launchday:latest`. */
  readonly image: string;
  /** How many generator pods (segments 1/N … N/N) run at once: N. */
  readonly parallelism: number;
  /** When the load starts, an ISO time with a zone; written to the start ConfigMap. */
  readonly startAt: string;
  /** The bundle's code (an ES module run with `launchday run`). */
  readonly bundle: string;
  /** The files the bundle reads, shipped beside it. */
  readonly bundleFiles: readonly BundleFile[];
  /** The `launchday run` flags that shape the run (`--seed`, `--param`, ...), after the bundle. */
  readonly runArgs: readonly string[];
  /** The size of each generator container: requests equal limits (Guaranteed QoS). */
  readonly generator: ContainerSize;
  /** The size of the results volume, e.g. `1Gi`. */
  readonly storage: string;
  /** The storage class of the results volume (it must offer ReadWriteMany); unset: the default. */
  readonly storageClass?: string;
  /** How long after the start the merge waits for the segments' results, in seconds. */
  readonly mergeWaitSeconds: number;
  /** The launchday version, for the `app.kubernetes.io/version` label. */
  readonly version: string;
}

/** One object of an export, validated, and the file it is written to. */
export interface K8sManifest {
  /** Its file name in the output folder, e.g. `30-run.yaml`: the names sort in apply order. */
  readonly file: string;
  readonly object: K8sObject;
}

/** What the manifests need of a kubernetes-models object: its identity and its checks. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string };
  /** Checks the object against the Kubernetes API's JSON schema; throws what is wrong. */
  validate(): void;
  /** The plain object to serialize. */
  toJSON(): unknown;
}
