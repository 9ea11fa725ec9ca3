import type { ConsistencyKind, ConsistencyOutcome, WriteLogEntry } from '../../core/result.js';
import type { MissingWrites, TargetAdmin, TargetStats } from './target-admin.js';

/** How long the target's background jobs get to finish after the run. */
export const SETTLE_TIMEOUT_MS = 60_000;
/** Missing ids named in a problem sentence; the report lists them all. */
const IDS_NAMED = 10;

/** What {@link judgeConsistency} compares. */
export interface ConsistencyEvidence {
  /** The acknowledged writes the run recorded, by kind. */
  readonly writes: Readonly<Record<string, WriteLogEntry>>;
  /** The target's stats before and after the run. */
  readonly before: TargetStats;
  readonly after: TargetStats;
  /** Whether its background jobs finished (see {@link TargetAdmin.waitSettled}). */
  readonly settled: boolean;
  /** The sampled ids it does not have, by kind. */
  readonly missing: MissingWrites;
  /** When the check ran. */
  readonly checkedAt: Date;
}

/**
 * Checks that the target kept every write the run recorded as acknowledged: waits for its
 * background jobs to finish, then compares the growth of its counts with the acknowledged
 * writes and looks up each sampled id. A target that cannot be asked gives a failed outcome
 * saying why, never a passed one.
 */
export async function checkConsistency(
  admin: TargetAdmin,
  before: TargetStats,
  writes: Readonly<Record<string, WriteLogEntry>>,
): Promise<ConsistencyOutcome> {
  const checkedAt = new Date();
  try {
    const { stats: after, settled } = await admin.waitSettled(SETTLE_TIMEOUT_MS);
    const samples = Object.fromEntries(
      Object.entries(writes).map(([kind, entry]) => [kind, entry.sample]),
    );
    const missing = await admin.missing(samples);
    return judgeConsistency({ writes, before, after, settled, missing, checkedAt });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      checkedAt: checkedAt.toISOString(),
      kinds: [],
      problems: [`the consistency check could not run: ${reason}`],
    };
  }
}

/** The verdict on `evidence`: one row per kind and a sentence for every loss found. Pure. */
export function judgeConsistency(evidence: ConsistencyEvidence): ConsistencyOutcome {
  const kinds = Object.keys(evidence.writes)
    .sort()
    .map((kind) => kindRow(kind, evidence));
  const problems = kinds.flatMap(lossesOf);
  if (!evidence.settled) problems.push(unsettledProblem(evidence.after));
  return {
    ok: problems.length === 0,
    checkedAt: evidence.checkedAt.toISOString(),
    kinds,
    problems,
  };
}

function kindRow(kind: string, evidence: ConsistencyEvidence): ConsistencyKind {
  const entry = evidence.writes[kind]!;
  const before = evidence.before[kind];
  const after = evidence.after[kind];
  const counted = typeof before === 'number' && typeof after === 'number';
  return {
    kind,
    acknowledged: entry.count,
    stored: counted ? after - before : null,
    sampled: entry.sample.length,
    missing: [...(evidence.missing[kind] ?? [])],
  };
}

function lossesOf(row: ConsistencyKind): string[] {
  const problems: string[] = [];
  if (row.stored !== null && row.stored < row.acknowledged)
    problems.push(
      `${row.kind}: the target acknowledged ${row.acknowledged} but its count grew by only ${row.stored}, so ${row.acknowledged - row.stored} are lost`,
    );
  if (row.missing.length > 0) {
    const named = row.missing.slice(0, IDS_NAMED).join(', ');
    const more =
      row.missing.length > IDS_NAMED ? ` and ${row.missing.length - IDS_NAMED} more` : '';
    problems.push(
      `${row.kind}: ${row.missing.length} of ${row.sampled} acknowledged ids looked up are missing: ${named}${more}`,
    );
  }
  return problems;
}

function unsettledProblem(after: TargetStats): string {
  const jobs = after.jobs as { queued?: number; running?: number } | undefined;
  const pending = after.resolvablePendingFollows;
  return (
    `the target's background work had not finished ${SETTLE_TIMEOUT_MS / 1000} s after the run ` +
    `(jobs queued ${jobs?.queued ?? '?'}, running ${jobs?.running ?? '?'}, ` +
    `pending follows of accounts that have joined ${pending ?? '?'}): acknowledged follow imports may be lost`
  );
}
