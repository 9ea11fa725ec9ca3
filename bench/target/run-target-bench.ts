import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_CORE } from '../common/cores.js';
import { note } from '../common/log.js';
import { describeMachine } from '../common/machine.js';
import { nodeScript, pinned, TARGET_MAIN } from '../common/paths.js';
import type { ProcessGroup } from '../common/process-group.js';
import { withListeningServer } from './listening-server.js';
import { CONSTANT_SERVER } from './paths.js';
import { runPhase } from './phase.js';
import { timeSeeding } from './seed-timing.js';
import { SEED_TIME_TARGET_S } from './settings.js';
import type { PhaseResult, TargetBenchOptions, TargetBenchReport } from './types.js';

/**
 * Runs the target benchmark: times seeding, then drives the feed service (one worker, pinned
 * to the server core) with feed reads and with sign-ups, then a constant Fastify route as the
 * ceiling, each from the generator core. Databases live in a temporary folder, removed after.
 */
export async function runTargetBench(
  options: TargetBenchOptions,
  group: ProcessGroup,
): Promise<TargetBenchReport> {
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const dir = await mkdtemp(join(tmpdir(), 'launchday-bench-target-'));
  try {
    const timed =
      options.seedTimeUsers > 0
        ? await timeSeeding(group, join(dir, 'timed.db'), options.seedTimeUsers)
        : null;
    const db = join(dir, 'bench.db');
    const bench = await timeSeeding(group, db, options.users);
    const phases = [
      ...(await feedServicePhases(group, db, options)),
      await withListeningServer(
        group,
        pinned(SERVER_CORE, nodeScript(CONSTANT_SERVER)),
        (server) => {
          note('phase constant: a constant Fastify route, the ceiling');
          return runPhase(group, server, 'constant', options.seconds);
        },
      ),
    ];
    const rate = (phase: PhaseResult['phase']) =>
      phases.find((result) => result.phase === phase)!.requestsPerSecond;
    return {
      startedAt,
      machine,
      options,
      seeding: { bench, timed, targetSeconds: SEED_TIME_TARGET_S },
      phases,
      ratios: {
        feedToCeiling: rate('feed') / rate('constant'),
        signupToCeiling: rate('signup') / rate('constant'),
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function feedServicePhases(
  group: ProcessGroup,
  db: string,
  options: TargetBenchOptions,
): Promise<PhaseResult[]> {
  const argv = nodeScript(TARGET_MAIN, ['start', '--port', '0', '--db', db]);
  return withListeningServer(group, pinned(SERVER_CORE, argv), async (server) => {
    const params = { users: options.users };
    note('phase feed: seeded accounts reading their home feed');
    const feed = await runPhase(group, server, 'feed', options.seconds, params);
    note('phase signup: sign-ups importing follows');
    const signup = await runPhase(group, server, 'signup', options.seconds, params);
    return [feed, signup];
  });
}
