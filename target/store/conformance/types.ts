import type { ImportCounts, SeedPopulation, Store, StoreLocation } from '../types.js';

/**
 * What a store under test may lack. A test that needs a capability the subject lacks is not
 * registered for that subject at all; the subject's definition says why it lacks it.
 * - `second-instance`: another store can be opened on the same database, while the first is
 *   open (two cluster workers, two service instances) and after it closed (a restart).
 * - `other-process`: another process can open the database by {@link SubjectDatabase.location}
 *   through the store registry.
 * - `count-audit`: the denormalised counts can be checked against the rows they count, from
 *   outside the store ({@link SubjectDatabase.countMismatches}).
 * - `import`: a generated population can be bulk-loaded into the database, the way
 *   `launchday target seed` does ({@link SubjectDatabase.importPopulation}).
 */
export type Capability = 'second-instance' | 'other-process' | 'count-audit' | 'import';

/**
 * A `Store` implementation under the conformance suite: one entry per store and database kind
 * (see sqlite-subjects.ts). Every `describe*` function of the suite takes one.
 */
export interface StoreSubject {
  /** Names the subject in test titles, e.g. `sqlite (file)`. */
  readonly name: string;
  /** The capabilities it lacks, each with the reason: their tests are not registered for it. */
  readonly lacks: Readonly<Partial<Record<Capability, string>>>;
  /** Creates a fresh, empty database and opens a store on it; the caller disposes it. */
  open(): Promise<SubjectDatabase>;
}

/** A fresh database of a {@link StoreSubject}, with the store the test uses opened on it. */
export interface SubjectDatabase {
  readonly store: Store;
  /**
   * Opens another store on this database (`second-instance`); {@link dispose} closes it.
   * Rejects when the subject lacks the capability.
   */
  openAnother(): Promise<Store>;
  /**
   * The registry name and location by which another process opens this database with `sync`
   * (`other-process`); throws when the subject lacks the capability.
   */
  location(sync: StoreLocation['sync']): StoreLocation & { readonly store: string };
  /**
   * The rows whose denormalised counts disagree with the rows they count, read apart from the
   * store (`count-audit`): empty when every count is exact. Rejects when the subject lacks it.
   */
  countMismatches(): Promise<string[]>;
  /**
   * Bulk-loads `population` into this database, which must hold no users (`import`): first
   * closes the stores opened on it when the fast path needs the database to itself. Rejects
   * with a message saying `refusing to seed`, leaving the database as it was, when it holds
   * users; rejects when the subject lacks `import`.
   */
  importPopulation(population: SeedPopulation): Promise<ImportCounts>;
  /** Closes every store opened on the database (closed ones too) and deletes the database. */
  dispose(): Promise<void>;
}
