/**
 * What every report says about one kind of write in a consistency check (`result.consistency`),
 * so the terminal summary, Markdown, HTML and JUnit judge and word it alike.
 */
import type { ConsistencyKind } from '../core/result.js';

/**
 * How many acknowledged writes of `kind` the target's count is short of: acknowledged minus
 * stored when the count grew by less, else 0 (also when the target does not count the kind).
 */
export function countGap(kind: ConsistencyKind): number {
  return kind.stored === null ? 0 : Math.max(0, kind.acknowledged - kind.stored);
}

/**
 * Whether the target lost writes of `kind`: an acknowledged id it was asked for is missing, or
 * its count grew by less than it acknowledged. The same rule as the check's own problems.
 */
export function lostWrites(kind: ConsistencyKind): boolean {
  return kind.missing.length > 0 || countGap(kind) > 0;
}

/** How much the target's count grew, signed (`+118`), or `not counted` when it has no count. */
export function formatStored(stored: number | null): string {
  if (stored === null) return 'not counted';
  return stored < 0 ? String(stored) : `+${stored}`;
}

/**
 * `ids` as plain text for a reader, the first `shown` of them: `17, 42`, or `1, 2, 3 and 5 more`
 * when there are more. Empty when there are none. Each renderer escapes the text for its format.
 */
export function formatIdList(ids: readonly string[], shown: number): string {
  const listed = ids.slice(0, shown).join(', ');
  return ids.length > shown ? `${listed} and ${ids.length - shown} more` : listed;
}

/** The missing cell of a kind's row: `0`, or the count and the first `shown` ids, `2 (17, 42)`. */
export function formatMissing(kind: ConsistencyKind, shown: number): string {
  const count = kind.missing.length;
  return count === 0 ? '0' : `${count} (${formatIdList(kind.missing, shown)})`;
}
