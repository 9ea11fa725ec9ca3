import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_CORE } from '../common/cores.js';
import { note } from '../common/log.js';
import { describeMachine } from '../common/machine.js';
import { nodeScript, pinned, TARGET_MAIN } from '../common/paths.js';
import type { ProcessGroup } from '../common/process-group.js';
import { type BenchStore, openBenchStore } from './bench-stores.js';
import { withListeningServer } from './listening-server.js';
import { CONSTANT_SERVER } from './paths.js';
import { runPhase } from './phase.js';
import { fitScaling } from './scaling.js';
import { timeSeeding } from './seed-timing.js';
import { SEED_TIME_TARGET_S } from './settings.js';
import type {
  PhaseResult,
  SeedTiming,
  StoreKind,
  TargetBenchOptions,
  TargetBenchReport,
} from './types.js';

/** The server side's cores: every server and database process is pinned to SERVER_CORE. */
const SERVER_CORES = 1;

/**
 * Runs the target benchmark. For each store: times seeding, then, at each process count on a
 * newly seeded database, drives the feed service (pinned to the server core with its
 * database) with feed reads and with sign-ups; then a constant Fastify route as the ceiling. The generator runs on its own
 * core. Databases live in a temporary folder (and PostgreSQL cluster), removed after.
 */
export async function runTargetBench(
  options: TargetBenchOptions,
  group: ProcessGroup,
): Promise<TargetBenchReport> {
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const dir = await mkdtemp(join(tmpdir(), 'launchday-bench-target-'));
  try {
    const bench: SeedTiming[] = [];
    const timed: SeedTiming[] = [];
    const phases: PhaseResult[] = [];
    for (const kind of options.stores) {
      const measured = await measureStore(group, kind, dir, options);
      bench.push(measured.bench);
      if (measured.timed !== null) timed.push(measured.timed);
      phases.push(...measured.phases);
    }
    phases.push(await ceilingPhase(group, options.seconds));
    // The ceiling has no store; the feed service's ratios are SQLite's at the fewest processes.
    const rate = (phase: PhaseResult['phase']) =>
      phases.find((result) => result.phase === phase && (result.store ?? 'sqlite') === 'sqlite')!
        .requestsPerSecond;
    return {
      startedAt,
      machine,
      options,
      seeding: { bench, timed, targetSeconds: SEED_TIME_TARGET_S },
      phases,
      scaling: fitScaling(phases, SERVER_CORES),
      ratios: {
        feedToCeiling: rate('feed') / rate('constant'),
        signupToCeiling: rate('signup') / rate('constant'),
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One store's seedings and its phases at every process count. */
async function measureStore(
  group: ProcessGroup,
  kind: StoreKind,
  dir: string,
  options: TargetBenchOptions,
): Promise<{ bench: SeedTiming; timed: SeedTiming | null; phases: PhaseResult[] }> {
  const store = await openBenchStore(kind, dir);
  try {
    const timed =
      options.seedTimeUsers > 0
        ? (await timeSeeding(group, store, 'timed', options.seedTimeUsers)).timing
        : null;
    // A new database for each count: sign-ups leave follow imports behind for the next start.
    const phases: PhaseResult[] = [];
    let bench: SeedTiming | undefined;
    for (const processes of options.processes) {
      const seeded = await timeSeeding(group, store, `bench${processes}`, options.users);
      bench ??= seeded.timing;
      phases.push(...(await feedServicePhases(group, store, seeded.db, processes, options)));
    }
    return { bench: bench!, timed, phases };
  } finally {
    await store.close();
  }
}

/** The feed and sign-up phases against the feed service on `db` with `processes` workers. */
function feedServicePhases(
  group: ProcessGroup,
  store: BenchStore,
  db: string,
  processes: number,
  options: TargetBenchOptions,
): Promise<PhaseResult[]> {
  const argv = nodeScript(TARGET_MAIN, [
    'start',
    '--port',
    '0',
    '--db',
    db,
    '--workers',
    String(processes),
  ]);
  return withListeningServer(group, pinned(SERVER_CORE, argv), async (server) => {
    const subject = { server, store: store.kind, processes, databasePid: store.serverPid };
    const params = { users: options.users };
    const on = `${store.kind}, ${processes} process${processes === 1 ? '' : 'es'}`;
    note(`phase feed (${on}): seeded accounts reading their home feed`);
    const feed = await runPhase(group, subject, 'feed', options.seconds, params);
    note(`phase signup (${on}): sign-ups importing follows`);
    const signup = await runPhase(group, subject, 'signup', options.seconds, params);
    return [feed, signup];
  });
}

function ceilingPhase(group: ProcessGroup, seconds: number): Promise<PhaseResult> {
  return withListeningServer(group, pinned(SERVER_CORE, nodeScript(CONSTANT_SERVER)), (server) => {
    note('phase constant: a constant Fastify route, the ceiling');
    const subject = { server, store: null, processes: 1, databasePid: null };
    return runPhase(group, subject, 'constant', seconds);
  });
}
