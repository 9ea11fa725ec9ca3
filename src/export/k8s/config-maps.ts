import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { LaunchdayError } from '../../core/errors.js';
import { PORTABLE_BUNDLE_NAME } from '../../scenario/portable-bundle.js';
import { MAX_CONFIG_MAP_BYTES } from '../kubernetes-names.js';
import { labelsOf, type ObjectNames, START_KEY } from './layout.js';
import type { ConfigMapItems } from './run-job.js';
import type { K8sExportSpec } from './types.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * The ConfigMap holding the scenario bundle and the files it reads (text in `data`, other files
 * in `binaryData`), and the items that mount each key at its path beside the bundle (keys cannot
 * hold `/`: `data/curve.csv` is key `data__curve.csv`). Throws a usage error when the whole is
 * more than a ConfigMap holds.
 */
export function scenarioConfigMap(
  spec: K8sExportSpec,
  names: ObjectNames,
): { configMap: ConfigMap; items: ConfigMapItems } {
  const data: Record<string, string> = { [PORTABLE_BUNDLE_NAME]: spec.bundle };
  const binaryData: Record<string, string> = {};
  const items = [{ key: PORTABLE_BUNDLE_NAME, path: PORTABLE_BUNDLE_NAME }];
  for (const file of spec.bundleFiles) {
    const key = configMapKey(file.path, items);
    const text = utf8(file.content);
    if (text === undefined) binaryData[key] = Buffer.from(file.content).toString('base64');
    else data[key] = text;
    items.push({ key, path: file.path });
  }
  assertFits(data, binaryData);
  const configMap = new ConfigMap({
    metadata: {
      name: names.scenario,
      namespace: spec.namespace,
      labels: labelsOf(spec.name, 'scenario', spec.version),
    },
    data,
    ...(Object.keys(binaryData).length > 0 && { binaryData }),
  });
  return { configMap, items };
}

/** The start ConfigMap: one key, the ISO time every generator starts the load at. */
export function startConfigMap(spec: K8sExportSpec, names: ObjectNames): ConfigMap {
  return new ConfigMap({
    metadata: {
      name: names.start,
      namespace: spec.namespace,
      labels: labelsOf(spec.name, 'start', spec.version),
    },
    data: { [START_KEY]: spec.startAt },
  });
}

function configMapKey(path: string, taken: readonly { key: string }[]): string {
  const key = path.split('/').join('__');
  if (CONFIG_MAP_KEY.test(key) && !taken.some((item) => item.key === key)) return key;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    `the scenario's file ${path} cannot be a ConfigMap key (${key})`,
    {
      hint: 'name the files the scenario reads with letters, digits, dots, dashes and underscores',
    },
  );
}

function utf8(content: Uint8Array): string | undefined {
  try {
    return UTF8.decode(content);
  } catch {
    return undefined;
  }
}

function assertFits(data: Record<string, string>, binaryData: Record<string, string>): void {
  const bytes = [...Object.entries(data), ...Object.entries(binaryData)].reduce(
    (sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value),
    0,
  );
  if (bytes <= MAX_CONFIG_MAP_BYTES) return;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    `the scenario bundle and its files take ${bytes} bytes, more than a ConfigMap holds (${MAX_CONFIG_MAP_BYTES})`,
    {
      hint: 'bundle fewer packages into the scenario, or make the data files it reads smaller',
    },
  );
}
