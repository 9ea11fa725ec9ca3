import { stat } from 'node:fs/promises';
import { SERVER_CORE } from '../common/cores.js';
import { note } from '../common/log.js';
import { nodeScript, pinned, TARGET_MAIN } from '../common/paths.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runCommand } from '../common/run-command.js';
import type { SeedTiming } from './types.js';

/** Longest a seeding may run before the benchmark stops it (ms). */
const SEED_TIMEOUT_MS = 15 * 60_000;

/**
 * Seeds a new database `db` with `users` users by `launchday target seed` (on the server core)
 * and times it end to end, process start included.
 */
export async function timeSeeding(
  group: ProcessGroup,
  db: string,
  users: number,
): Promise<SeedTiming> {
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
  return {
    users,
    seconds: outcome.wallMs / 1000,
    bytes: await fileBytes(db),
    summary: outcome.stdout.trim(),
  };
}

async function fileBytes(db: string): Promise<number> {
  const sizes = await Promise.all(
    ['', '-wal'].map((suffix) =>
      stat(`${db}${suffix}`).then(
        (info) => info.size,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}
