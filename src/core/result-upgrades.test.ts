import { describe, expect, it } from 'vitest';
import { RESULT_SCHEMA_VERSION } from './result.js';
import {
  oldestReadableVersion,
  RESULT_UPGRADES,
  type ResultUpgrades,
  upgradeResult,
} from './result-upgrades.js';

// A made-up history: version 1 called the run id `id`, version 2 had no `tags`.
const chain: ResultUpgrades = {
  1: ({ id, ...rest }) => ({ ...rest, runId: id }),
  2: (document) => ({ ...document, tags: {} }),
};

describe('the result upgrade chain', () => {
  it('reads every version since the first', () => {
    expect(oldestReadableVersion()).toBe(1);
    expect(upgradeResult({ schemaVersion: RESULT_SCHEMA_VERSION }).schemaVersion).toBe(
      RESULT_SCHEMA_VERSION,
    );
  });

  it('gives a version 1 result no writes and no consistency check', () => {
    const v1 = { schemaVersion: 1, runId: 'r1', status: 'passed', series: [] };
    expect(upgradeResult(v1, { 1: RESULT_UPGRADES[1]! }, 2)).toEqual({
      schemaVersion: 2,
      runId: 'r1',
      status: 'passed',
      series: [],
      writes: {},
      consistency: null,
    });
    expect(v1).not.toHaveProperty('writes');
  });

  it('gives a version 2 result no slices, and a version 1 result everything since', () => {
    const v2 = { schemaVersion: 2, runId: 'r2', series: [], writes: {}, consistency: null };
    expect(upgradeResult(v2, RESULT_UPGRADES, 3)).toEqual({
      ...v2,
      schemaVersion: 3,
      slices: null,
    });
    expect(v2).not.toHaveProperty('slices');
    expect(upgradeResult({ schemaVersion: 1, runId: 'r1' })).toEqual({
      schemaVersion: 4,
      runId: 'r1',
      writes: {},
      consistency: null,
      slices: null,
      service: null,
    });
  });

  it("gives a version 3 result no service's side", () => {
    const v3 = { schemaVersion: 3, runId: 'r3', slices: null, writes: {}, consistency: null };
    expect(upgradeResult(v3)).toEqual({ ...v3, schemaVersion: 4, service: null });
  });

  it('brings a document up one step per version and stamps each version', () => {
    expect(upgradeResult({ schemaVersion: 1, id: 'r1' }, chain, 3)).toEqual({
      schemaVersion: 3,
      runId: 'r1',
      tags: {},
    });
    expect(upgradeResult({ schemaVersion: 2, runId: 'r2' }, chain, 3)).toEqual({
      schemaVersion: 3,
      runId: 'r2',
      tags: {},
    });
    const current = { schemaVersion: 3, runId: 'r3' };
    expect(upgradeResult(current, chain, 3)).toBe(current);
  });

  it('knows the oldest version its unbroken chain reaches', () => {
    expect(oldestReadableVersion(chain, 3)).toBe(1);
    expect(oldestReadableVersion({ 2: chain[2]! }, 3)).toBe(2);
    expect(oldestReadableVersion({ 1: chain[1]! }, 3)).toBe(3);
    expect(() => upgradeResult({ schemaVersion: 1 }, { 2: chain[2]! }, 3)).toThrow(RangeError);
  });
});
