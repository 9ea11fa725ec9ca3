import { importPopulation } from '../store/sqlite-import.js';
import { generatePopulation } from './population.js';
import type { SeedOptions, SeedReport } from './types.js';

/**
 * Fills a new SQLite database with a deterministic population (see `generatePopulation`):
 * accounts `user1` … `userN` with a power-law follow graph, recent posts and a few likes.
 * Rejects with `DatabaseNotEmptyError` when the file has users already. The work is
 * synchronous (one connection, one bulk transaction); the promise is for callers that may
 * seed another store some day. Called by `launchday target seed`.
 */
export async function seedDatabase(options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const population = generatePopulation({
    users: options.users,
    seed: options.seed,
    passwordHash: options.passwordHash,
    now: options.now ?? Date.now(),
  });
  const counts = importPopulation(options.path, population);
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
