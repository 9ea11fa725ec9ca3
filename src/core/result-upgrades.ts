import { RESULT_SCHEMA_VERSION } from './result.js';

/** A result.json as parsed, at whatever schema version it was written. */
export type ResultDocument = { readonly schemaVersion: number } & Record<string, unknown>;

/**
 * One step of the upgrade chain: takes a document written at schema version N and returns its
 * content at version N + 1 (the chain sets `schemaVersion` itself). Pure.
 */
export type ResultUpgrade = (document: ResultDocument) => Record<string, unknown>;

/** Upgrade steps keyed by the version each one reads. */
export type ResultUpgrades = Readonly<Record<number, ResultUpgrade>>;

/**
 * The steps that bring an older result.json up to {@link RESULT_SCHEMA_VERSION}, one per
 * version since the first:
 * - 1 → 2: acknowledged writes (`writes`, none recorded before) and the consistency check
 *   (`consistency`, none ran before).
 * - 2 → 3: the per-second slices of the series (`slices`) that `compare` resamples; null, as
 *   version 2 kept no per-second series deltas.
 * - 3 → 4: the service's side (`service`), read off the target's /metrics; null, as version 3
 *   read none.
 *
 * Changing the layout is: bump RESULT_SCHEMA_VERSION to N + 1, change RunResult and
 * schemas/result.schema.json, and add one step here, `N: (old) => ({ ...old, newField: ... })`;
 * results of every earlier version keep rendering.
 */
export const RESULT_UPGRADES: ResultUpgrades = Object.freeze({
  1: (document: ResultDocument) => ({ ...document, writes: {}, consistency: null }),
  2: (document: ResultDocument) => ({ ...document, slices: null }),
  3: (document: ResultDocument) => ({ ...document, service: null }),
});

/**
 * The oldest schema version `upgrades` can bring up to `target`: the start of the unbroken run
 * of steps ending at `target - 1` (`target` itself when there is no step).
 */
export function oldestReadableVersion(
  upgrades: ResultUpgrades = RESULT_UPGRADES,
  target: number = RESULT_SCHEMA_VERSION,
): number {
  let oldest = target;
  while (upgrades[oldest - 1] !== undefined) oldest--;
  return oldest;
}

/**
 * `document` brought from its schema version up to `target` through `upgrades`, one step per
 * version. The reader calls it after checking the version lies between
 * {@link oldestReadableVersion} and `target`; a missing step is then a bug (RangeError).
 */
export function upgradeResult(
  document: ResultDocument,
  upgrades: ResultUpgrades = RESULT_UPGRADES,
  target: number = RESULT_SCHEMA_VERSION,
): ResultDocument {
  let current = document;
  while (current.schemaVersion < target) {
    const step = upgrades[current.schemaVersion];
    if (step === undefined)
      throw new RangeError(`no upgrade step from result schemaVersion ${current.schemaVersion}`);
    current = { ...step(current), schemaVersion: current.schemaVersion + 1 };
  }
  return current;
}
