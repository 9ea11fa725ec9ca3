import { lacking } from './conformance/subject-database.js';
import type { StoreSubject, SubjectDatabase } from './conformance/types.js';
import { importPopulation } from './sqlite-import.js';
import { SQLITE_STORE } from './sqlite-store.js';
import { countMismatches, openTestStore } from './test-stores.js';
import type { Store } from './types.js';

/**
 * SQLite on a real file in a temp dir: every capability, since other connections, in this
 * process or another, open the same file.
 */
export const SQLITE_FILE_SUBJECT: StoreSubject = {
  name: 'sqlite (file)',
  lacks: {},
  async open(): Promise<SubjectDatabase> {
    const fixture = openTestStore('file');
    const others: Store[] = [];
    const closeAll = async () => {
      for (const store of [fixture.store, ...others.splice(0)]) await store.close();
    };
    return {
      store: fixture.store,
      async openAnother() {
        const store = await SQLITE_STORE.open({ db: fixture.path, sync: 'normal' });
        others.push(store);
        return store;
      },
      location: (sync) => ({ store: SQLITE_STORE.name, db: fixture.path, sync }),
      countMismatches: async () => countMismatches(fixture.path),
      async importPopulation(population) {
        // The fast path writes the file over one connection of its own.
        await closeAll();
        return importPopulation(fixture.path, population);
      },
      async dispose() {
        await closeAll();
        await fixture.dispose();
      },
    };
  },
};

const PRIVATE = ':memory: is private to the one connection that opened it';

/** SQLite in `:memory:`: one store per database, which nothing else can open or read. */
export const SQLITE_MEMORY_SUBJECT: StoreSubject = {
  name: 'sqlite (:memory:)',
  lacks: {
    'second-instance': PRIVATE,
    'other-process': PRIVATE,
    'count-audit': PRIVATE,
    import: `the import loads through a connection of its own, and ${PRIVATE}`,
  },
  async open(): Promise<SubjectDatabase> {
    const fixture = openTestStore('memory');
    return {
      store: fixture.store,
      openAnother: () => Promise.reject(lacking(SQLITE_MEMORY_SUBJECT, 'second-instance')),
      location: () => {
        throw lacking(SQLITE_MEMORY_SUBJECT, 'other-process');
      },
      countMismatches: () => Promise.reject(lacking(SQLITE_MEMORY_SUBJECT, 'count-audit')),
      importPopulation: () => Promise.reject(lacking(SQLITE_MEMORY_SUBJECT, 'import')),
      dispose: () => fixture.dispose(),
    };
  },
};

/** Every SQLite subject of the conformance suite (sqlite-conformance.test.ts). */
export const SQLITE_SUBJECTS: readonly StoreSubject[] = [
  SQLITE_FILE_SUBJECT,
  SQLITE_MEMORY_SUBJECT,
];
