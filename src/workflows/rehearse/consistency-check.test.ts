import { describe, expect, it } from 'vitest';
import { type ConsistencyEvidence, judgeConsistency } from './consistency-check.js';

const checkedAt = new Date('2026-11-22T08:00:00Z');
const idle = { jobs: { queued: 0, running: 0 }, resolvablePendingFollows: 0 };

function evidence(overrides: Partial<ConsistencyEvidence>): ConsistencyEvidence {
  return {
    writes: {
      users: { count: 3, sample: ['11', '12', '13'] },
      follows: { count: 1, sample: ['11:1'] },
    },
    before: { users: 10, follows: 50, ...idle },
    after: { users: 13, follows: 80, ...idle },
    settled: true,
    missing: { users: [], follows: [] },
    checkedAt,
    ...overrides,
  };
}

describe('judgeConsistency', () => {
  it('passes when every count grew by at least the acknowledged writes and no id is missing', () => {
    expect(judgeConsistency(evidence({}))).toEqual({
      ok: true,
      checkedAt: '2026-11-22T08:00:00.000Z',
      kinds: [
        { kind: 'follows', acknowledged: 1, stored: 30, sampled: 1, missing: [] },
        { kind: 'users', acknowledged: 3, stored: 3, sampled: 3, missing: [] },
      ],
      problems: [],
    });
  });

  it('names a count that grew by less than was acknowledged, and the missing ids', () => {
    const outcome = judgeConsistency(
      evidence({ after: { users: 12, follows: 80, ...idle }, missing: { users: ['12'] } }),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.problems).toEqual([
      'users: the target acknowledged 3 but its count grew by only 2, so 1 are lost',
      'users: 1 of 3 acknowledged ids looked up are missing: 12',
    ]);
  });

  it('lists at most ten ids in a sentence, and counts the rest', () => {
    const sample = Array.from({ length: 12 }, (_, i) => String(i + 1));
    const outcome = judgeConsistency(
      evidence({
        writes: { posts: { count: 12, sample } },
        before: {},
        after: {},
        missing: { posts: sample },
      }),
    );
    expect(outcome.kinds[0]).toMatchObject({ stored: null, missing: sample });
    expect(outcome.problems).toEqual([
      'posts: 12 of 12 acknowledged ids looked up are missing: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more',
    ]);
  });

  it('fails when the background jobs never settled: imports may be lost', () => {
    const busy = {
      users: 13,
      follows: 80,
      jobs: { queued: 4, running: 1 },
      resolvablePendingFollows: 9,
    };
    const outcome = judgeConsistency(evidence({ after: busy, settled: false }));
    expect(outcome.ok).toBe(false);
    expect(outcome.problems).toEqual([
      "the target's background work had not finished 60 s after the run (jobs queued 4, running 1, pending follows of accounts that have joined 9): acknowledged follow imports may be lost",
    ]);
  });
});
