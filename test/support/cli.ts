import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../src/core/result.js';

/** The built CLI: `npm test` builds first (pretest), so the e2e tests run what users run. */
export const CLI = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;

/** What a finished CLI process printed and how it exited. */
export interface CliOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `launchday <args>` as a real child process. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a started CLI process to exit and collects its output. */
export function finished(child: ChildProcess): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Runs `launchday <args>` to the end. */
export function runCli(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliOutcome> {
  return finished(startCli(args, env));
}

/** A fresh temporary folder for a test's reports. */
export function tempDir(prefix = 'launchday-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Reads the result.json of the only run written under `outDir`. */
export async function readOnlyResult(outDir: string): Promise<RunResult> {
  const entries = await readdir(outDir, { withFileTypes: true });
  const runs = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  if (runs.length !== 1)
    throw new Error(`expected one run folder in ${outDir}, found ${runs.length}`);
  return JSON.parse(await readFile(join(outDir, runs[0]!, 'result.json'), 'utf8')) as RunResult;
}

/** One `launchday run` of a test scenario: how it exited, what it wrote, how long it took. */
export interface ScenarioRun {
  readonly outcome: CliOutcome;
  readonly result: RunResult;
  readonly wallMs: number;
}

/**
 * Runs the test scenario `scenario` (a file of test/scenarios/) against `url` with `--quiet`
 * and `args`, into a fresh folder, and reads its result; `onStart` sees the child process, e.g.
 * to signal it or sample its memory.
 */
export async function runScenario(
  scenario: string,
  url: string,
  args: readonly string[] = [],
  onStart?: (child: ChildProcess) => void,
): Promise<ScenarioRun> {
  const outDir = await tempDir();
  const startedAt = performance.now();
  const child = startCli([
    'run',
    scenarioFile(scenario),
    '--base-url',
    url,
    '--out-dir',
    outDir,
    '--quiet',
    ...args,
  ]);
  onStart?.(child);
  const outcome = await finished(child);
  const wallMs = performance.now() - startedAt;
  return { outcome, wallMs, result: await readOnlyResult(outDir) };
}

/** A scenario file of test/scenarios/. */
export function scenarioFile(name: string): string {
  return new URL(`../scenarios/${name}`, import.meta.url).pathname;
}
