import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { RESULTS_MOUNT, START_KEY } from './layout.js';
import type { ContainerSize } from './types.js';

/** The uid and gid of the user `node` the Dockerfile's image runs as. */
const NODE_USER = 1000;

/** Pods run as the image's user `node`; the results volume is made writable for its group. */
export const POD_SECURITY: IPodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: NODE_USER,
  runAsGroup: NODE_USER,
  fsGroup: NODE_USER,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** Containers write only to their volumes (the bundle cache goes to the `/tmp` emptyDir). */
export const CONTAINER_SECURITY: IContainer['securityContext'] = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/** The volume names the pods use. */
export const VOLUME = { scenario: 'scenario', results: 'results', tmp: 'tmp' } as const;

/** The results volume: the export's ReadWriteMany claim. */
export function resultsVolume(claimName: string): IVolume {
  return { name: VOLUME.results, persistentVolumeClaim: { claimName } };
}

/** The writable `/tmp` every container needs with a read-only root filesystem. */
export const TMP_VOLUME: IVolume = { name: VOLUME.tmp, emptyDir: {} };

/** The mounts of the results volume and `/tmp`. */
export const RESULTS_AND_TMP_MOUNTS: NonNullable<IContainer['volumeMounts']> = [
  { name: VOLUME.results, mountPath: RESULTS_MOUNT },
  { name: VOLUME.tmp, mountPath: '/tmp' },
];

/** `START_AT`, read from the start ConfigMap when the container starts. */
export function startAtEnv(startConfigMap: string): IEnvVar {
  return {
    name: 'START_AT',
    valueFrom: { configMapKeyRef: { name: startConfigMap, key: START_KEY } },
  };
}

/** Requests equal to limits: Guaranteed QoS, so a whole-CPU request can get dedicated cores. */
export function guaranteed(size: ContainerSize): IContainer['resources'] {
  const amounts = { cpu: size.cpu, memory: size.memory };
  return { requests: amounts, limits: { ...amounts } };
}

/** A small container that only waits (the merge's init container). */
export const WAITER_SIZE: ContainerSize = { cpu: '10m', memory: '32Mi' };

/** The merge container: N histograms merged and three reports rendered. */
export const MERGE_SIZE: ContainerSize = { cpu: '500m', memory: '512Mi' };
