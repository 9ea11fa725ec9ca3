import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from 'launchday';
import { GENERATOR_CORE } from './cores.js';
import { LAUNCHDAY_CLI, nodeScript, pinned } from './paths.js';
import type { CommandOutcome, Exec } from './run-command.js';

/** One launchday run the benchmark asks for. */
export interface LaunchdaySpec {
  /** The scenario file (one of SCENARIOS). */
  readonly scenario: string;
  readonly baseUrl: string;
  /** `--param` values. */
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Runs `launchday run` on the generator core with one worker thread, into a temporary folder
 * removed afterwards, through `exec`; returns the run's result.json and how the command went.
 */
export async function runLaunchday<T extends CommandOutcome>(
  spec: LaunchdaySpec,
  exec: Exec<T>,
): Promise<{ result: RunResult; outcome: T }> {
  const outDir = await mkdtemp(join(tmpdir(), 'launchday-bench-'));
  try {
    const outcome = await exec(
      pinned(GENERATOR_CORE, nodeScript(LAUNCHDAY_CLI, launchdayArgs(spec, outDir))),
    );
    return { result: await readOnlyResult(outDir), outcome };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function launchdayArgs(spec: LaunchdaySpec, outDir: string): string[] {
  const params = Object.entries(spec.params).flatMap(([key, value]) => [
    '--param',
    `${key}=${value}`,
  ]);
  return [
    'run',
    spec.scenario,
    '--base-url',
    spec.baseUrl,
    '--out-dir',
    outDir,
    '--workers',
    '1',
    '--quiet',
    ...params,
  ];
}

async function readOnlyResult(outDir: string): Promise<RunResult> {
  const [runDir, ...others] = await readdir(outDir);
  if (runDir === undefined || others.length > 0)
    throw new Error(`expected one run folder in ${outDir}`);
  return JSON.parse(await readFile(join(outDir, runDir, 'result.json'), 'utf8')) as RunResult;
}
