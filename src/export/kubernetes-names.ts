/**
 * What Kubernetes asks of the objects launchday writes for it (`export k8s`, and the
 * k6-operator manifests of `export k6`): DNS-label names and ConfigMaps of at most 1 MiB.
 */

/** The longest export name: `<name>-scenario` and the Indexed Job's pod hostnames stay DNS labels. */
export const MAX_NAME_LENGTH = 40;

/** A DNS-1123 label: lower case letters, digits and dashes, a letter or digit at each end. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** What the API server accepts in one ConfigMap: 1 MiB of data. */
export const MAX_CONFIG_MAP_BYTES = 1024 * 1024;

/**
 * `text` (a scenario name) as a DNS label of at most {@link MAX_NAME_LENGTH} characters, e.g.
 * `Read Heavy Feed!` → `read-heavy-feed`; `fallback` when nothing is left of it.
 */
export function kubernetesName(text: string, fallback: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/^-+|-+$/g, '');
  return name === '' ? fallback : name;
}
