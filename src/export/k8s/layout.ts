import { LaunchdayError } from '../../core/errors.js';
import { DNS_LABEL, MAX_NAME_LENGTH } from '../kubernetes-names.js';

/** Where the image built from the Dockerfile keeps the CLI (its WORKDIR is /app). */
export const IMAGE_CLI = '/app/dist/src/cli/main.js';

/** Where the pods mount the scenario ConfigMap; the bundle is `scenario.mjs` in it. */
export const SCENARIO_MOUNT = '/scenario';

/** Where the pods mount the results volume. */
export const RESULTS_MOUNT = '/results';

/** The ConfigMap key of the start time, read into the pods' `START_AT`. */
export const START_KEY = 'start-at';

/** The names of the objects of one export, all derived from its name. */
export interface ObjectNames {
  /** The generators' Indexed Job (its pods are `<name>-<index>-<random>`). */
  readonly run: string;
  readonly merge: string;
  readonly scenario: string;
  readonly start: string;
  readonly results: string;
}

/** The objects' names for the export `name`; throws a usage error if it is not a DNS label. */
export function objectNames(name: string): ObjectNames {
  if (!DNS_LABEL.test(name) || name.length > MAX_NAME_LENGTH) {
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `--name '${name}' is not a Kubernetes name of at most ${MAX_NAME_LENGTH} characters`,
      {
        hint: 'use lowercase letters, digits and dashes, starting and ending with a letter or digit',
      },
    );
  }
  return {
    run: name,
    merge: `${name}-merge`,
    scenario: `${name}-scenario`,
    start: `${name}-start`,
    results: `${name}-results`,
  };
}

/** Throws a usage error when `namespace` (if given) is not a Kubernetes namespace name. */
export function assertNamespace(namespace: string | undefined): void {
  if (namespace === undefined || (DNS_LABEL.test(namespace) && namespace.length <= 63)) return;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    `--namespace '${namespace}' is not a namespace name`,
    {
      hint: 'use at most 63 lowercase letters, digits and dashes, starting and ending with a letter or digit',
    },
  );
}

/** The component of an object, for the `app.kubernetes.io/component` label. */
export type Component = 'generator' | 'merge' | 'scenario' | 'start' | 'results';

/** The recommended labels (app.kubernetes.io/*) of one object of the export `name`. */
export function labelsOf(
  name: string,
  component: Component,
  version: string,
): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'launchday',
    'app.kubernetes.io/instance': name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/version': version,
  };
}
