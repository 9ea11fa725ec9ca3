import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LaunchdayError } from '../../core/errors.js';
import { MANIFEST_FILE } from './location.js';
import type { BaselineManifest, BaselineRun } from './types.js';

/**
 * Reads the manifest of the baseline in `folder`, or undefined when the folder has none.
 * Throws a LaunchdayError (exit 2) naming the file when it is not a baseline manifest.
 */
export async function readManifest(folder: string): Promise<BaselineManifest | undefined> {
  const file = join(folder, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isManifest(parsed))
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `${file} is not a baseline manifest`, {
      hint: 'save the baseline again with --replace, or remove its folder',
    });
  return parsed;
}

/** The manifest as written: two-space JSON with a final newline. */
export function formatManifest(manifest: BaselineManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function isManifest(value: unknown): value is BaselineManifest {
  const manifest = value as Partial<BaselineManifest> | null;
  return (
    typeof manifest === 'object' &&
    manifest !== null &&
    manifest.manifestVersion === 1 &&
    typeof manifest.name === 'string' &&
    typeof manifest.savedAt === 'string' &&
    Array.isArray(manifest.runs) &&
    manifest.runs.every(isRun)
  );
}

function isRun(value: unknown): value is BaselineRun {
  const run = value as Partial<BaselineRun> | null;
  return (
    typeof run === 'object' &&
    run !== null &&
    ['runId', 'scenario', 'startedAt', 'source'].every(
      (key) => typeof (run as Record<string, unknown>)[key] === 'string',
    )
  );
}
