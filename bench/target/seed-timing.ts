import { SERVER_CORE } from '../common/cores.js';
import { note } from '../common/log.js';
import { nodeScript, pinned, TARGET_MAIN } from '../common/paths.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runCommand } from '../common/run-command.js';
import type { BenchStore } from './bench-stores.js';
import type { SeedTiming } from './types.js';

/** Longest a seeding may run before the benchmark stops it (ms). */
const SEED_TIMEOUT_MS = 15 * 60_000;

/**
 * Seeds a new database `name` of `store` with `users` users by `launchday target seed` (on the
 * server core) and times it end to end, process start included. Returns the database's
 * `--db` value with the timing.
 */
export async function timeSeeding(
  group: ProcessGroup,
  store: BenchStore,
  name: string,
  users: number,
): Promise<{ db: string; timing: SeedTiming }> {
  const db = await store.newDatabase(name);
  note(`seeding ${users.toLocaleString('en-US')} users into ${db}`);
  const argv = nodeScript(TARGET_MAIN, [
    'seed',
    '--db',
    db,
    '--users',
    String(users),
    '--seed',
    '1',
  ]);
  const outcome = await runCommand(group, pinned(SERVER_CORE, argv), {
    timeoutMs: SEED_TIMEOUT_MS,
  });
  const timing = {
    store: store.kind,
    users,
    seconds: outcome.wallMs / 1000,
    bytes: await store.sizeOf(db),
    summary: outcome.stdout.trim(),
  };
  return { db, timing };
}
