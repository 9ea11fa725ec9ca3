import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { resolveRun } from './config/resolve-run.js';
import type { ResolvedRun, RunOptions } from './config/types.js';
import { describeEnvironment } from './core/environment.js';
import type { RunResult } from './core/result.js';
import { assertReachable } from './engine/preflight.js';
import { RunEngine } from './engine/run-engine.js';
import { runSetup } from './engine/setup-runner.js';
import { RESULT_FILE, writeJsonFile } from './outputs/json-result.js';
import { writeReportFiles } from './outputs/report-files.js';
import type { Output, ReportFilePaths } from './outputs/types.js';
import { toK6SummaryExport } from './report/index.js';
import {
  describeParams,
  type LoadedScenario,
  loadScenario,
  type ParamDescription,
  type ScenarioDefinition,
} from './scenario/index.js';

/** What {@link runScenario} takes besides the run options. */
export interface RunScenarioOptions extends RunOptions {
  /**
   * Live outputs (console progress, Prometheus, ...); one that fails is set aside, the run goes
   * on. result.json and the reports are written after them, always.
   */
  outputs?: readonly Output[];
  /** Told of a live output that failed and was set aside; default: a line on stderr. */
  onOutputProblem?: (message: string) => void;
  /** Aborting it stops the run gracefully (as SIGINT does): the partial result is kept. */
  signal?: AbortSignal;
  /** Called once the run is resolved and about to start, e.g. to print where it writes. */
  onResolved?: (run: ResolvedRun, runDir: string) => void;
  /** The run's id (its folder's name); default a new one from {@link createRunId}. */
  runId?: string;
  /** Amends the result before result.json and the reports are written (`rehearse` checks). */
  afterRun?: (result: RunResult) => Promise<RunResult>;
}

/** A finished run: its result and where its files are. */
export interface RunOutcome {
  readonly result: RunResult;
  readonly runDir: string;
  readonly resultFile: string;
  /** report.html, report.md and junit.xml, beside result.json. */
  readonly reportFiles: ReportFilePaths;
}

/**
 * Runs the scenario in `scenario` (a file, or one loaded with `loadScenario`) — load, validate,
 * check the target is reachable, run setup, drive the load on worker threads, tear down — and
 * writes `<outDir>/<run-id>/result.json` and the report files (report.html, report.md,
 * junit.xml) beside it, also for a stopped run. Rejects with a LaunchdayError for bad input
 * before any load is sent.
 */
export async function runScenario(
  scenario: string | LoadedScenario,
  options: RunScenarioOptions = {},
): Promise<RunOutcome> {
  const { outputs = [], signal, onResolved, runId: givenRunId, afterRun, ...rest } = options;
  const { onOutputProblem, ...runOptions } = rest;
  const loaded = typeof scenario === 'string' ? await loadScenario(scenario) : scenario;
  const run = resolveRun(loaded, runOptions);
  if (run.baseUrl !== undefined) await assertReachable(run.baseUrl);
  const runId = givenRunId ?? createRunId(run.scenario.name);
  const runDir = resolve(run.outDir, runId);
  onResolved?.(run, runDir);
  const setup = await runSetup(loaded.definition as ScenarioDefinition, run);
  const engine = new RunEngine(run, {
    runId,
    data: setup.data,
    outputs,
    environment: describeEnvironment(),
    afterRun,
    onOutputProblem,
  });
  const onAbort = () => engine.stop('interrupted', abortReason(signal));
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await engine.execute();
    const resultFile = join(runDir, RESULT_FILE);
    // result.json first: it is on disk even if rendering a report fails.
    await writeJsonFile(resultFile, result);
    const reportFiles = await writeReportFiles(result, runDir);
    if (run.summaryExport !== undefined)
      await writeJsonFile(resolve(run.summaryExport), toK6SummaryExport(result));
    return { result, runDir, resultFile, reportFiles };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await setup.teardown();
  }
}

/** What {@link validateScenario} found: the resolved run and the scenario's parameters. */
export interface ValidatedScenario {
  readonly run: ResolvedRun;
  readonly params: readonly ParamDescription[];
}

/**
 * Loads and validates the scenario in `file` with `options` without sending any load, and
 * returns the resolved run (workloads' plans, thresholds, options) and its parameters.
 */
export async function validateScenario(
  file: string,
  options: RunOptions = {},
): Promise<ValidatedScenario> {
  const loaded = await loadScenario(file);
  return { run: resolveRun(loaded, options), params: describeParams(loaded.definition.params) };
}

/** A run id that sorts by time and says what ran: `20261122-034512-signup-spike-3f9a`. */
export function createRunId(scenarioName: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const slug =
    scenarioName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'run';
  return `${stamp}-${slug}-${randomBytes(2).toString('hex')}`;
}

/** Why a run stopped through its signal: its reason when a text (`SIGTERM`), else SIGINT. */
function abortReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return typeof reason === 'string' ? `interrupted (${reason})` : 'interrupted (SIGINT)';
}
