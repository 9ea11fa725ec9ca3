import { POSTGRES_STORE } from './postgres-store.js';
import { SQLITE_STORE } from './sqlite-store.js';
import type { Store, StoreFactory, StoreLocation } from './types.js';

/**
 * Every store the feed service can keep its data in, by `--store` name; the first is the
 * default. A new store is one file exporting its {@link StoreFactory} and one line here.
 */
export const STORES: readonly StoreFactory[] = [SQLITE_STORE, POSTGRES_STORE];

/** The name of the default store, `sqlite`. */
export const DEFAULT_STORE = STORES[0]!.name;

/** The registered stores for help and errors: `sqlite (a SQLite file …)`, comma-separated. */
export function describeStores(): string {
  return STORES.map((store) => `${store.name} (${store.description})`).join(', ');
}

/** The store that reads `db`: the one claiming it (a `postgres://` URL), else the default. */
export function storeForDb(db: string): StoreFactory {
  return STORES.find((store) => store.claims(db)) ?? STORES[0]!;
}

/** The store registered as `name`, or undefined. */
export function findStore(name: string): StoreFactory | undefined {
  return STORES.find((store) => store.name === name);
}

/**
 * Opens the store registered as `settings.store` at its location (the service's settings).
 * Throws, naming the registered stores, when there is none of that name (the settings are
 * checked before: see `resolveTargetConfig`).
 */
export async function openStore(
  settings: StoreLocation & { readonly store: string },
): Promise<Store> {
  const factory = findStore(settings.store);
  if (factory === undefined)
    throw new Error(
      `no store is registered as "${settings.store}"; the stores: ${describeStores()}`,
    );
  return factory.open(settings);
}
