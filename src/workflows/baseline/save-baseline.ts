import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, rename, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { LaunchdayError } from '../../core/errors.js';
import { writeFileAtomic } from '../../outputs/atomic-file.js';
import { readRuns, type SavedRun } from '../runs/read-runs.js';
import { baselineRoot, checkedName, MANIFEST_FILE } from './location.js';
import { formatManifest, readManifest } from './manifest.js';
import type {
  BaselineManifest,
  BaselineRun,
  SaveBaselineOptions,
  SaveBaselineOutcome,
} from './types.js';

/**
 * `launchday baseline save`: keeps the runs `options.run` names (each validated by
 * `readResult`) as the baseline `name` (default `main`): `<root>/<name>/<runId>/result.json`
 * (a byte copy of each run's result.json) and `<root>/<name>/baseline.json`. Without `replace`
 * the runs join those the baseline holds (a run id it holds already is left as it is); with it,
 * they replace them. All the runs of a baseline are of one scenario; another is refused.
 * The new baseline is built in a temporary folder beside it and swapped in by renames, so a
 * failure leaves the old baseline whole. Throws LaunchdayErrors (exit 2) for bad input.
 */
export async function saveBaseline(options: SaveBaselineOptions): Promise<SaveBaselineOutcome> {
  const name = checkedName(options.name ?? 'main');
  const root = baselineRoot(options.dir);
  const folder = join(root, name);
  const given = dedupe(await readRuns(options.run));
  const kept = (options.replace ? undefined : await readManifest(folder))?.runs ?? [];
  const keptIds = new Set(kept.map((run) => run.runId));
  const fresh = given.filter((run) => !keptIds.has(run.result.runId));
  checkOneScenario(name, kept, fresh);
  const manifest: BaselineManifest = {
    manifestVersion: 1,
    name,
    savedAt: new Date().toISOString(),
    runs: [...kept, ...fresh.map(manifestRun)].sort((a, b) =>
      a.startedAt.localeCompare(b.startedAt),
    ),
  };
  await writeBaseline(root, name, manifest, { kept, fresh });
  const ids = (runs: readonly SavedRun[]) => runs.map((run) => run.result.runId);
  return {
    path: folder,
    manifest,
    added: ids(fresh),
    alreadyThere: ids(given.filter((run) => keptIds.has(run.result.runId))),
  };
}

// Builds the whole new baseline in a hidden folder beside the old one, then swaps it in.
async function writeBaseline(
  root: string,
  name: string,
  manifest: BaselineManifest,
  runs: { kept: readonly BaselineRun[]; fresh: readonly SavedRun[] },
): Promise<void> {
  const folder = join(root, name);
  const staging = join(root, `.${name}.${process.pid}.tmp`);
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    for (const run of runs.kept) await copyKept(folder, name, run.runId, staging);
    for (const run of runs.fresh) await copyRun(run, staging);
    await writeFileAtomic(join(staging, MANIFEST_FILE), formatManifest(manifest));
    await swapIn(staging, folder, join(root, `.${name}.${process.pid}.old`));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function dedupe(runs: readonly SavedRun[]): SavedRun[] {
  const seen = new Set<string>();
  return runs.filter((run) => !seen.has(run.result.runId) && seen.add(run.result.runId));
}

function checkOneScenario(
  name: string,
  kept: readonly BaselineRun[],
  fresh: readonly SavedRun[],
): void {
  const first = kept[0]?.scenario ?? fresh[0]?.result.scenario.name;
  const other = fresh.find((run) => run.result.scenario.name !== first);
  if (other === undefined) return;
  const holds = kept.length > 0 ? `baseline '${name}' holds runs` : `the first run given is a run`;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    `${other.file} is a run of scenario '${other.result.scenario.name}'; ${holds} of '${first}'`,
    {
      hint: 'a baseline holds repeats of one scenario: save it under another --name, or pass --replace',
    },
  );
}

function manifestRun(run: SavedRun): BaselineRun {
  return {
    runId: run.result.runId,
    scenario: run.result.scenario.name,
    startedAt: run.result.startedAt,
    source: relative(process.cwd(), resolve(run.file)),
  };
}

async function copyKept(folder: string, name: string, id: string, staging: string): Promise<void> {
  const file = join(folder, id, 'result.json');
  if (!existsSync(file))
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `baseline '${name}' lists run ${id}, but ${file} is missing`,
      {
        hint: 'save the baseline again with --replace',
      },
    );
  await cp(join(folder, id), join(staging, id), { recursive: true });
}

async function copyRun(run: SavedRun, staging: string): Promise<void> {
  const id = run.result.runId;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id))
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `${run.file} has a run id '${id}' that cannot name a folder`,
      {
        hint: 'give the result.json a run wrote, unedited',
      },
    );
  await mkdir(join(staging, id));
  await copyFile(run.file, join(staging, id, 'result.json'));
}

// Two renames: the old baseline moves aside, the new one in; if the second fails, the old one
// moves back. Only between them is there no folder at all.
async function swapIn(staging: string, folder: string, aside: string): Promise<void> {
  await rm(aside, { recursive: true, force: true });
  let moved = false;
  try {
    await rename(folder, aside);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await rename(staging, folder);
  } catch (error) {
    if (moved) await rename(aside, folder);
    throw error;
  }
  if (moved) await rm(aside, { recursive: true, force: true });
}
