import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { labelsOf, type ObjectNames } from './layout.js';
import type { K8sExportSpec } from './types.js';

/**
 * The results volume: ReadWriteMany, since the N generators (on several nodes) and the merge
 * write and read it at once. It outlives the Jobs, so the reports stay until it is deleted.
 */
export function resultsClaim(spec: K8sExportSpec, names: ObjectNames): PersistentVolumeClaim {
  return new PersistentVolumeClaim({
    metadata: {
      name: names.results,
      namespace: spec.namespace,
      labels: labelsOf(spec.name, 'results', spec.version),
    },
    spec: {
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: spec.storage } },
      ...(spec.storageClass !== undefined && { storageClassName: spec.storageClass }),
    },
  });
}
