import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createRunId, type RunOutcome, type RunScenarioOptions, runScenario } from '../../api.js';
import { resolveRun } from '../../config/resolve-run.js';
import type { ConsistencyOutcome, RunResult, RunStatus } from '../../core/result.js';
import { loadScenario } from '../../scenario/index.js';
import { checkConsistency } from './consistency-check.js';
import {
  type ReferenceTarget,
  startReferenceTarget,
  UNSTARTED_TARGET,
} from './reference-target.js';
import { type RehearsalShorthands, withShorthands } from './rehearsal-params.js';
import { DEFAULT_REHEARSAL, resolveScenarioFile } from './scenario-file.js';
import { TargetAdmin } from './target-admin.js';

/** Accounts seeded when neither `--users` nor the scenario says how many. */
const DEFAULT_USERS = 10_000;

/** What {@link rehearse} takes: the run options, the shorthands, and how to run the target. */
export interface RehearseOptions
  extends Omit<RunScenarioOptions, 'runId' | 'afterRun'>,
    RehearsalShorthands {
  /** A built-in scenario's name or a scenario file; default `launch-day`. */
  readonly scenario?: string;
  /** Processes serving the reference target (`target start --workers`); default 1. */
  readonly targetWorkers?: number;
  /**
   * An empty database for the reference target to seed and serve, such as a `postgres://`
   * URL (`--target-db`); default a new SQLite file in the run's folder.
   */
  readonly targetDb?: string;
  /** The admin token of a target given with `baseUrl`; without it no consistency check runs. */
  readonly adminToken?: string;
  /** Told each step before the load starts, e.g. "seeding 10000 users". */
  readonly onStep?: (message: string) => void;
}

/** A finished rehearsal: the run's outcome and what became of the reference target. */
export interface RehearseOutcome extends RunOutcome {
  /** The reference target's database when it was kept (the check failed), else null. */
  readonly keptDatabase: string | null;
  /** The reference target's log, or null when the target was given with `baseUrl`. */
  readonly targetLog: string | null;
}

/**
 * A launch-day rehearsal in one call: checks the scenario and its parameters, starts the
 * reference feed service on a fresh SQLite file in the run's folder, or on `targetDb` (unless
 * `baseUrl` names a running target), seeds it, runs the scenario against it, checks that every write the target
 * acknowledged is still there (see {@link checkConsistency}; the outcome goes into result.json
 * and the reports, and a loss fails the run), and stops the target. Its SQLite file is deleted
 * when the check passed and kept for inspection when it did not (`keptDatabase` names it,
 * as it names a given `targetDb` then); a given `targetDb` is never deleted.
 */
export async function rehearse(options: RehearseOptions = {}): Promise<RehearseOutcome> {
  const {
    scenario,
    duration,
    users,
    targetWorkers = 1,
    targetDb,
    adminToken,
    onStep,
    ...rest
  } = options;
  const { outputs, signal, onResolved, ...given } = rest;
  const loaded = await loadScenario(resolveScenarioFile(scenario ?? DEFAULT_REHEARSAL));
  const params = withShorthands(loaded.definition.params, given.params ?? {}, { duration, users });
  const runOptions = { ...rest, params };
  const run = resolveRun(loaded, { ...given, params, baseUrl: given.baseUrl ?? UNSTARTED_TARGET });
  const runId = createRunId(run.scenario.name);
  const runDir = resolve(run.outDir, runId);
  await mkdir(runDir, { recursive: true });
  let target: ReferenceTarget | undefined;
  if (rest.baseUrl === undefined) {
    const seeded = users ?? numberParam(run.params.users) ?? DEFAULT_USERS;
    onStep?.(`starting the reference feed service, seeded with ${seeded} users`);
    target = await startReferenceTarget({
      dir: runDir,
      users: seeded,
      workers: targetWorkers,
      ...(targetDb === undefined ? {} : { db: targetDb }),
    });
    onStep?.(`feed service ready at ${target.url}`);
  }
  const baseUrl = target?.url ?? rest.baseUrl;
  const token = target?.adminToken ?? adminToken;
  const admin = token === undefined ? undefined : new TargetAdmin(baseUrl!, token);
  if (admin === undefined)
    onStep?.('no consistency check: set LAUNCHDAY_TARGET_ADMIN_TOKEN to the target’s admin token');
  let outcome: RunOutcome;
  try {
    const check = admin && (await consistencyStep(admin));
    outcome = await runScenario(loaded, { ...runOptions, baseUrl, runId, afterRun: check });
  } finally {
    await target?.stop();
  }
  const lossless = outcome.result.consistency?.ok === true;
  if (target?.ownDatabase === true && lossless) await removeDatabase(target.db);
  return {
    ...outcome,
    keptDatabase: target === undefined || lossless ? null : target.db,
    targetLog: target?.logFile ?? null,
  };
}

/**
 * Reads the target's counts now, before the load, and returns the step that checks the run's
 * acknowledged writes against them afterwards.
 */
async function consistencyStep(
  admin: TargetAdmin,
): Promise<(result: RunResult) => Promise<RunResult>> {
  const before = await admin.stats();
  return async (result) =>
    withConsistency(result, await checkConsistency(admin, before, result.writes));
}

/** `result` with the consistency outcome; a loss outranks every status but an interruption. */
export function withConsistency(result: RunResult, consistency: ConsistencyOutcome): RunResult {
  const status: RunStatus =
    consistency.ok || result.status === 'interrupted' ? result.status : 'consistency-failed';
  return { ...result, status, consistency };
}

function numberParam(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

async function removeDatabase(dbFile: string): Promise<void> {
  await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(dbFile + suffix, { force: true })));
}
