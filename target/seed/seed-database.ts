import { storeForDb } from '../store/registry.js';
import { generatePopulation } from './population.js';
import type { SeedOptions, SeedReport } from './types.js';

/**
 * Fills a new database — a SQLite file, or a PostgreSQL one for a `postgres://` path — with a
 * deterministic population (see `generatePopulation`): accounts `user1` … `userN` with a
 * power-law follow graph, recent posts and a few likes, bulk-loaded by the store that reads
 * the path. Rejects with `DatabaseNotEmptyError` when the database has users already. Called by
 * `launchday target seed`.
 */
export async function seedDatabase(options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const population = generatePopulation({
    users: options.users,
    seed: options.seed,
    passwordHash: options.passwordHash,
    now: options.now ?? Date.now(),
  });
  const counts = await storeForDb(options.path).importPopulation(options.path, population);
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
