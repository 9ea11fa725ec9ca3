/** What {@link seedDatabase} is asked for. */
export interface SeedOptions {
  /** The database file: new, or without users. */
  readonly path: string;
  /** Accounts to create, `user1` … `userN`. */
  readonly users: number;
  /** The same `users` and `seed` (and `now`) give the same database content. */
  readonly seed: number;
  /** The encoded password hash every account gets (the caller hashes its password once). */
  readonly passwordHash: string;
  /** Epoch ms the recent posts lead up to; `Date.now()` when absent. */
  readonly now?: number;
}

/** What a seeding wrote, and how long it took. */
export interface SeedReport {
  readonly users: number;
  readonly follows: number;
  readonly posts: number;
  readonly likes: number;
  /** Wall-clock time of the whole seeding (s). */
  readonly seconds: number;
}
