export { instrumentStore } from './instrumented-store.js';
export { DEFAULT_STORE, describeStores, findStore, openStore, storeForDb } from './registry.js';
export { DatabaseNotEmptyError, importPopulation } from './sqlite-import.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
export type * from './types.js';
