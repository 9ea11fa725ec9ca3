import { describe, expect, it } from 'vitest';
import { formatBaselineTable } from './list-baselines.js';
import type { BaselineManifest } from './types.js';

const run = (runId: string, scenario: string) => ({
  runId,
  scenario,
  startedAt: '2026-12-04T10:00:00.000Z',
  source: `reports/${runId}/result.json`,
});

describe('formatBaselineTable', () => {
  it('aligns name, runs (right), scenario and saved at, a line per baseline', () => {
    const manifests: BaselineManifest[] = [
      {
        manifestVersion: 1,
        name: 'main',
        savedAt: '2026-12-04T10:05:00.000Z',
        runs: Array.from({ length: 12 }, (_, i) => run(`r${i}`, 'read-heavy-feed')),
      },
      {
        manifestVersion: 1,
        name: 'release-candidate',
        savedAt: '2026-12-03T09:00:00.000Z',
        runs: [run('a', 'smoke')],
      },
    ];
    expect(formatBaselineTable(manifests)).toBe(
      [
        'name               runs  scenario         saved at',
        'main                 12  read-heavy-feed  2026-12-04T10:05:00.000Z',
        'release-candidate     1  smoke            2026-12-03T09:00:00.000Z',
        '',
      ].join('\n'),
    );
  });
});
