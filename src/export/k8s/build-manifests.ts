import { LaunchdayError } from '../../core/errors.js';
import { scenarioConfigMap, startConfigMap } from './config-maps.js';
import { assertNamespace, objectNames } from './layout.js';
import { mergeJob } from './merge-job.js';
import { resultsClaim } from './results-claim.js';
import { generatorJob } from './run-job.js';
import type { K8sExportSpec, K8sManifest, K8sObject } from './types.js';

/** The file of the start ConfigMap, the one object written again for each run. */
export const START_FILE = '00-start.yaml';

/**
 * The manifests of a segmented run on Kubernetes, in apply order (their file names sort so):
 * the start ConfigMap, the scenario ConfigMap, the results claim, the generators' Indexed Job
 * and the merge Job. Every object is checked against the Kubernetes API's schema
 * (kubernetes-models' `validate()`). Throws a usage error (exit 2) naming the object and what
 * is wrong: a bad name, namespace or quantity, a bundle too big for a ConfigMap.
 */
export function buildK8sManifests(spec: K8sExportSpec): K8sManifest[] {
  const names = objectNames(spec.name);
  assertNamespace(spec.namespace);
  const scenario = scenarioConfigMap(spec, names);
  const manifests: K8sManifest[] = [
    { file: START_FILE, object: startConfigMap(spec, names) },
    { file: '10-scenario.yaml', object: scenario.configMap },
    { file: '20-results.yaml', object: resultsClaim(spec, names) },
    { file: '30-run.yaml', object: generatorJob(spec, names, scenario.items) },
    { file: '40-merge.yaml', object: mergeJob(spec, names) },
  ];
  for (const { object } of manifests) validateObject(object);
  return manifests;
}

/** Checks `object` against its schema; throws a usage error naming it and what is wrong. */
export function validateObject(object: K8sObject): void {
  try {
    object.validate();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `${object.kind} ${object.metadata?.name ?? ''} is not valid: ${reason}`,
      {
        hint: 'check --cpu and --memory (quantities such as 2, 500m, 1Gi), --storage and --image',
      },
    );
  }
}
