/**
 * One `launchday ab` session of the benchmark: read-heavy-feed against two reference services,
 * each run on a fresh copy of one seeded database, the service pinned to the server core and
 * launchday to the generator core, as the CI gate runs it; returns every run's result.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunResult, readResult } from 'launchday';
import { GENERATOR_CORE, SERVER_CORE } from '../common/cores.js';
import { LAUNCHDAY_CLI, nodeScript, pinned, TARGET_MAIN } from '../common/paths.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runCommand } from '../common/run-command.js';
import { FEED_ROUTE, RATE, USERS } from './settings.js';

/** What a session runs. */
export interface AbSessionSpec {
  /** The seeded database every run copies. */
  readonly database: string;
  /** Extra ms on `feed` of side A and side B. */
  readonly feedLatencyMs: { readonly a: number; readonly b: number };
  readonly repeats: number;
  readonly runSeconds: number;
  readonly outDir: string;
}

/** A finished session: its runs by side, its wall time and `ab`'s exit code. */
export interface AbSession {
  readonly a: RunResult[];
  readonly b: RunResult[];
  readonly wallMs: number;
  readonly exitCode: number;
}

/** Runs `spec` as one `launchday ab` (exit 0 or 4) and reads its runs. */
export async function runAbSession(group: ProcessGroup, spec: AbSessionSpec): Promise<AbSession> {
  const args = [
    'ab',
    'scenarios/read-heavy-feed.ts',
    '--a',
    sideCommand(spec.database, spec.feedLatencyMs.a),
    '--b',
    sideCommand(spec.database, spec.feedLatencyMs.b),
    '--repeats',
    String(spec.repeats),
    '--ready-path',
    '/readyz',
    ...[`users=${USERS}`, `rate=${RATE}`, `duration=${spec.runSeconds}s`].flatMap((p) => [
      '--param',
      p,
    ]),
    '--seed',
    '7',
    '--workers',
    '1',
    '--out-dir',
    spec.outDir,
    // The benchmark measures the statistics; runs with a late generator are counted, not refused.
    '--allow',
    'generator',
  ];
  const timeoutMs = spec.repeats * 2 * (spec.runSeconds + 60) * 1000;
  const outcome = await runCommand(group, pinned(GENERATOR_CORE, nodeScript(LAUNCHDAY_CLI, args)), {
    timeoutMs,
    okExitCodes: [0, 4],
  });
  const [session] = await readdir(spec.outDir);
  const dir = join(spec.outDir, session!);
  return {
    a: await sideRuns(join(dir, 'a')),
    b: await sideRuns(join(dir, 'b')),
    wallMs: outcome.wallMs,
    exitCode: outcome.exitCode!,
  };
}

/** The side's start command: a copy of the database, the service pinned, feed slowed. */
function sideCommand(database: string, feedLatencyMs: number): string {
  const faults =
    feedLatencyMs > 0 ? ` --faults latency=${feedLatencyMs}ms,route=${FEED_ROUTE}` : '';
  const start = pinned(
    SERVER_CORE,
    nodeScript(TARGET_MAIN, ['start', '--port', '{port}', '--db', '{dir}/feed.db']),
  ).join(' ');
  return `cp ${database} {dir}/feed.db && exec ${start}${faults}`;
}

async function sideRuns(dir: string): Promise<RunResult[]> {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map((name) => readResult(join(dir, name, 'result.json'))));
}
