import { Job } from 'kubernetes-models/batch/v1/Job';
import { labelsOf, type ObjectNames } from './layout.js';
import {
  CONTAINER_SECURITY,
  guaranteed,
  MERGE_SIZE,
  POD_SECURITY,
  RESULTS_AND_TMP_MOUNTS,
  resultsVolume,
  startAtEnv,
  TMP_VOLUME,
  WAITER_SIZE,
} from './pod-parts.js';
import { mergeScript, waitScript } from './scripts.js';
import type { K8sExportSpec } from './types.js';

/** The merge pod's containers' names (for `kubectl logs -c`). */
export const MERGE_CONTAINERS = { wait: 'wait-for-segments', merge: 'merge' } as const;

/**
 * The final step: a Job whose init container waits for the N segments' result.json files on the
 * volume, then runs `launchday merge` into `<run folder>/merged/` (result.json and the reports
 * stay on the volume). Its exit code is the run's verdict on the merged metrics: 3 when a
 * threshold fails, which fails the Job; backoffLimit 0, as merging again gives the same answer.
 */
export function mergeJob(spec: K8sExportSpec, names: ObjectNames): Job {
  const labels = labelsOf(spec.name, 'merge', spec.version);
  const container = {
    image: spec.image,
    imagePullPolicy: 'IfNotPresent' as const,
    env: [startAtEnv(names.start)],
    securityContext: CONTAINER_SECURITY,
    volumeMounts: RESULTS_AND_TMP_MOUNTS,
  };
  return new Job({
    metadata: { name: names.merge, namespace: spec.namespace, labels },
    spec: {
      backoffLimit: 0,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          securityContext: POD_SECURITY,
          initContainers: [
            {
              name: MERGE_CONTAINERS.wait,
              ...container,
              command: ['sh', '-c', waitScript(spec.name, spec.parallelism, spec.mergeWaitSeconds)],
              resources: guaranteed(WAITER_SIZE),
            },
          ],
          containers: [
            {
              name: MERGE_CONTAINERS.merge,
              ...container,
              command: ['sh', '-c', mergeScript(spec.name)],
              resources: guaranteed(MERGE_SIZE),
            },
          ],
          volumes: [resultsVolume(names.results), TMP_VOLUME],
        },
      },
    },
  });
}
