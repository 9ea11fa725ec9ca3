import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LaunchdayError } from '../../core/errors.js';
import { readResult } from '../../core/read-result.js';
import type { RunResult } from '../../core/result.js';

/** A validated run to save: its result.json and what it holds. */
export interface CollectedRun {
  readonly file: string;
  readonly result: RunResult;
}

const RESULT_FILE = 'result.json';

/**
 * The runs `input` names — a result.json, a run folder holding one, or a folder of run folders
 * (each with a result.json; other entries are ignored) — each read and validated by
 * `readResult` (older schema versions are upgraded). Throws the reader's LaunchdayError, which
 * names the bad file, or a LaunchdayError (exit 2) when `input` is missing or holds no run.
 */
export async function collectRuns(input: string): Promise<CollectedRun[]> {
  const files = await resultFiles(input);
  const runs: CollectedRun[] = [];
  for (const file of files) runs.push({ file, result: await readResult(file) });
  return runs;
}

async function resultFiles(input: string): Promise<string[]> {
  const kind = await kindOf(input);
  if (kind === 'missing') throw usage(`cannot save ${input}: there is no such file or folder`);
  if (kind === 'file') return [input];
  const own = join(input, RESULT_FILE);
  if ((await kindOf(own)) === 'file') return [own];
  const entries = await readdir(input, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.filter((one) => one.isDirectory()).sort(byName)) {
    const file = join(input, entry.name, RESULT_FILE);
    if ((await kindOf(file)) === 'file') files.push(file);
  }
  if (files.length === 0) throw usage(`${input} holds no result.json, nor run folders with one`);
  return files;
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function usage(message: string): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_USAGE', message, {
    hint: 'give a result.json, a run folder (<out-dir>/<run-id>/), or a folder of run folders',
  });
}
