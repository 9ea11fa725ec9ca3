import { afterEach, beforeEach, expect } from 'vitest';
import type { Capability, StoreSubject, SubjectDatabase } from './types.js';

/**
 * Opens a fresh database of `subject` before each test of the enclosing `describe` and
 * disposes it after: call it at the top of a `describe` and read the database through the
 * returned function inside the tests.
 */
export function useDatabase(subject: StoreSubject): () => SubjectDatabase {
  let database: SubjectDatabase | undefined;
  beforeEach(async () => {
    database = await subject.open();
  });
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });
  return () => {
    if (database === undefined) throw new Error('useDatabase: read outside a test');
    return database;
  };
}

/** True when `subject` has `capability`: the tests needing it are registered only then. */
export function supports(subject: StoreSubject, capability: Capability): boolean {
  return subject.lacks[capability] === undefined;
}

/** The error a {@link SubjectDatabase} method throws when its subject lacks `capability`. */
export function lacking(subject: StoreSubject, capability: Capability): Error {
  return new Error(`${subject.name} lacks ${capability}: ${subject.lacks[capability]}`);
}

/**
 * Checks after each test of the enclosing `describe` that every denormalised count of
 * `database` is exact, when `subject` has `count-audit`; call it after {@link useDatabase}, so
 * that it runs before the database is disposed.
 */
export function auditCountsAfterEach(subject: StoreSubject, database: () => SubjectDatabase): void {
  if (supports(subject, 'count-audit')) afterEach(() => expectExactCounts(subject, database()));
}

/** Asserts that every denormalised count of `database` is exact, when `subject` can audit. */
export async function expectExactCounts(
  subject: StoreSubject,
  database: SubjectDatabase,
): Promise<void> {
  if (supports(subject, 'count-audit')) expect(await database.countMismatches()).toEqual([]);
}
