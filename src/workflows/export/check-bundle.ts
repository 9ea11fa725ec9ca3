import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isLaunchdayError, LaunchdayError } from '../../core/errors.js';
import type { BundleFile } from '../../export/k8s/index.js';
import { loadScenario, PORTABLE_BUNDLE_NAME } from '../../scenario/index.js';

/**
 * Loads a portable bundle as `launchday run` will where it is shipped: from a fresh folder
 * holding only the bundle and `files`, so a scenario that reads a file it does not ship fails
 * here rather than in every pod. Throws LaunchdayError `LAUNCHDAY_ERR_SCENARIO_LOAD` (exit 2)
 * saying so, with the loader's reason.
 */
export async function checkBundleLoadsAlone(
  code: string,
  files: readonly BundleFile[],
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'launchday-export-'));
  try {
    await writeFile(join(dir, PORTABLE_BUNDLE_NAME), code);
    for (const { path, content } of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    await loadScenario(join(dir, PORTABLE_BUNDLE_NAME));
  } catch (error) {
    if (!isLaunchdayError(error)) throw error;
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_SCENARIO_LOAD',
      `the scenario bundled to be shipped does not load with only its files beside it: ${error.message}`,
      {
        hint: "read data files as new URL('./data/file.csv', import.meta.url), from the scenario's folder: those are shipped beside the bundle",
        cause: error,
      },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
