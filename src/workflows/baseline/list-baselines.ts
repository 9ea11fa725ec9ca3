import { join } from 'node:path';
import { alignColumns } from '../../report/table.js';
import { baselineRoot, knownBaselines } from './location.js';
import { readManifest } from './manifest.js';
import type { BaselineManifest } from './types.js';

/**
 * The manifests of the baselines under `dir` (see `baselineRoot`), sorted by name; none when
 * the folder is missing. Throws a LaunchdayError naming a manifest that cannot be read.
 */
export async function listBaselines(dir?: string): Promise<BaselineManifest[]> {
  const root = baselineRoot(dir);
  const manifests: BaselineManifest[] = [];
  for (const name of knownBaselines(root)) {
    const manifest = await readManifest(join(root, name));
    if (manifest !== undefined) manifests.push({ ...manifest, name });
  }
  return manifests;
}

/**
 * The table `launchday baseline list` prints: a header, then one line per baseline with its
 * name, its number of runs, its scenario(s) and when it was saved; lines end with a newline.
 */
export function formatBaselineTable(manifests: readonly BaselineManifest[]): string {
  const rows = [
    ['name', 'runs', 'scenario', 'saved at'],
    ...manifests.map((manifest) => [
      manifest.name,
      String(manifest.runs.length),
      [...new Set(manifest.runs.map((run) => run.scenario))].join(', ') || '-',
      manifest.savedAt,
    ]),
  ];
  return alignColumns(rows, ['left', 'right', 'left', 'left'])
    .map((line) => `${line}\n`)
    .join('');
}
