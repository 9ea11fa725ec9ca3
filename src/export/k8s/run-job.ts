import { Job } from 'kubernetes-models/batch/v1/Job';
import { PORTABLE_BUNDLE_NAME } from '../../scenario/portable-bundle.js';
import { labelsOf, type ObjectNames, SCENARIO_MOUNT } from './layout.js';
import {
  CONTAINER_SECURITY,
  guaranteed,
  POD_SECURITY,
  RESULTS_AND_TMP_MOUNTS,
  resultsVolume,
  startAtEnv,
  TMP_VOLUME,
  VOLUME,
} from './pod-parts.js';
import { generatorScript } from './scripts.js';
import type { K8sExportSpec } from './types.js';

/** The generator container's name (for `kubectl logs -c`). */
export const GENERATOR_CONTAINER = 'launchday';

/** The bundle's path in the generator pods. */
export const BUNDLE_PATH = `${SCENARIO_MOUNT}/${PORTABLE_BUNDLE_NAME}`;

/**
 * The generators: an Indexed Job of N pods started at once, pod I − 1 running segment I/N.
 * backoffLimit 0: a segment cannot be run again once the shared start has passed (launchday
 * refuses a late start, exit 2), so a failed pod fails the Job. A pod the cluster disrupted
 * (preempted, evicted) is replaced without counting, which succeeds before the start.
 */
export function generatorJob(
  spec: K8sExportSpec,
  names: ObjectNames,
  bundleItems: ConfigMapItems,
): Job {
  const labels = labelsOf(spec.name, 'generator', spec.version);
  return new Job({
    metadata: { name: names.run, namespace: spec.namespace, labels },
    spec: {
      completionMode: 'Indexed',
      completions: spec.parallelism,
      parallelism: spec.parallelism,
      backoffLimit: 0,
      podFailurePolicy: {
        rules: [
          { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
        ],
      },
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          securityContext: POD_SECURITY,
          affinity: spreadOverNodes(spec.name),
          containers: [
            {
              name: GENERATOR_CONTAINER,
              image: spec.image,
              imagePullPolicy: 'IfNotPresent',
              command: ['sh', '-c', generatorScript(spec.name, spec.parallelism), 'launchday-run'],
              args: [BUNDLE_PATH, ...spec.runArgs],
              env: [startAtEnv(names.start)],
              resources: guaranteed(spec.generator),
              securityContext: CONTAINER_SECURITY,
              volumeMounts: [
                { name: VOLUME.scenario, mountPath: SCENARIO_MOUNT, readOnly: true },
                ...RESULTS_AND_TMP_MOUNTS,
              ],
            },
          ],
          volumes: [
            { name: VOLUME.scenario, configMap: { name: names.scenario, items: [...bundleItems] } },
            resultsVolume(names.results),
            TMP_VOLUME,
          ],
        },
      },
    },
  });
}

/** The keys of the scenario ConfigMap and the paths they are mounted at. */
export type ConfigMapItems = readonly { readonly key: string; readonly path: string }[];

/** Generators prefer nodes of their own: two on one machine share its CPUs and network. */
function spreadOverNodes(name: string) {
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 100,
          podAffinityTerm: {
            topologyKey: 'kubernetes.io/hostname',
            labelSelector: {
              matchLabels: {
                'app.kubernetes.io/instance': name,
                'app.kubernetes.io/component': 'generator',
              },
            },
          },
        },
      ],
    },
  };
}
