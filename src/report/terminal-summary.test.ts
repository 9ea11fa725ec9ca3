import { describe, expect, it } from 'vitest';
import { buildRunResult, FIXTURE_LOST_USERS } from '../../test/support/run-result-fixture.js';
import type { ConsistencyOutcome, RunResult } from '../core/result.js';
import { stripAnsi } from './ansi.js';
import { formatMs } from './format.js';
import { renderTerminalSummary } from './terminal-summary.js';

const result = buildRunResult();
const text = renderTerminalSummary(result, { color: false });
const lines = text.split('\n');

/** The lines of a section, from its heading to the next one. */
function section(title: string, summary = lines): string[] {
  const start = summary.findIndex((line) => line.includes(`█ ${title}`));
  if (start === -1) return [];
  const end = summary.findIndex((line, i) => i > start && line.includes('█ '));
  return summary
    .slice(start + 1, end === -1 ? undefined : end)
    .filter((line) => line.trim() !== '');
}

/** The plain summary of `result`, as lines. */
function summaryLines(result: RunResult): string[] {
  return renderTerminalSummary(result, { color: false }).split('\n');
}

/** The consistency section of `result`'s plain summary, each line without its indent. */
function consistencyLines(result: RunResult): string[] {
  return section('CONSISTENCY', summaryLines(result)).map((line) => line.trim());
}

/** `result` with its consistency outcome changed by `change`. */
function withOutcome(result: RunResult, change: Partial<ConsistencyOutcome>): RunResult {
  return { ...result, consistency: { ...result.consistency!, ...change } };
}

describe('renderTerminalSummary', () => {
  it('heads the summary with the scenario, run id, duration and status', () => {
    expect(text).toContain('signup-spike — A Threads-like sign-up surge with feed reads');
    expect(text).toContain('20240705-160000-fixture');
    expect(text).toMatch(/duration\s+10\.2s/);
    expect(text).toMatch(/status\s+thresholds-failed/);
    expect(text).not.toContain('stopped early');
    expect(text).not.toContain('WARNING');
  });

  it('prints a row per request name with its count, rate, percentiles in ms and errors', () => {
    const rows = section('REQUESTS');
    expect(rows[0]!.trim().split(/\s{2,}/)).toEqual([
      'name',
      'count',
      'rate/s',
      'p50',
      'p90',
      'p95',
      'p99',
      'max',
      'errors',
      'error classes',
    ]);
    for (const request of result.summary.requests) {
      const row = rows.find((line) => line.trim().startsWith(`${request.name} `))!;
      const cells = row.trim().split(/\s+/);
      const percentiles = [request.p50, request.p90, request.p95, request.p99, request.max].map(
        formatMs,
      );
      expect(cells.slice(0, 8)).toEqual([
        request.name,
        String(request.count),
        String(request.rate),
        ...percentiles,
      ]);
    }
    expect(rows.find((line) => line.includes('signup'))).toMatch(
      /400\s+40\s+.*\s1000\s+3\.50%\s+http_5xx 12, timeout 2$/,
    );
    expect(rows.find((line) => line.includes('feed'))).toMatch(/600\s+60\s+.*0\.00%\s+-$/);
  });

  it('aligns the columns of the request table and the metric list', () => {
    const [header, ...rows] = section('REQUESTS');
    const end = (line: string, cell: string, from = 0) => line.indexOf(cell, from) + cell.length;
    for (const row of rows)
      expect(end(row, row.includes('feed') ? '600' : '400')).toBe(end(header!, 'count'));
    const colons = section('METRICS').map((line) => line.indexOf('.: '));
    expect(new Set(colons).size).toBe(1);
  });

  it('shows the workloads with started, completed, dropped and journey errors', () => {
    const rows = section('WORKLOADS');
    expect(
      rows
        .find((line) => line.trim().startsWith('signups'))!
        .trim()
        .split(/\s+/)
        .slice(0, 5),
    ).toEqual(['signups', '400', '400', '5', '2']);
    expect(
      rows
        .find((line) => line.trim().startsWith('readers'))!
        .trim()
        .split(/\s+/)
        .slice(0, 5),
    ).toEqual(['readers', '600', '600', '0', '0']);
    expect(text).toContain('all workloads: 1000 iterations completed, 5 dropped');
    expect(text).toContain('Error: signup timed out after 1000 ms');
  });

  it('marks checks and thresholds with ✓ and ✗ and the observed values', () => {
    const checks = section('CHECKS').join('\n');
    expect(checks).toMatch(/✗ {2}status is 201\s+signups\s+96\.50%\s+386 \/ 400/);
    const thresholds = section('THRESHOLDS').join('\n');
    expect(thresholds).toMatch(/✓ 'p\(99\)<250' p\(99\)=59\.\d+ms/);
    expect(thresholds).toMatch(/✗ 'p\(95\)<20' +p\(95\)=30\.\d+ms/);
    expect(thresholds).toMatch(/✓ 'rate<0\.05' rate=1\.40% \(abortOnFail\)/);
    expect(thresholds).toContain("✓ 'count<10' count=5");
  });

  it("lists k6's metrics: trends with percentiles, counters with rates, rates with totals", () => {
    const metrics = section('METRICS');
    const line = (name: string) => metrics.find((l) => l.trim().startsWith(`${name}.`))!;
    expect(line('http_req_duration')).toMatch(
      /avg=\S+ +min=2ms +med=\S+ +max=1s +p\(90\)=\S+ +p\(95\)=\S+ +p\(99\)=59\.01ms/,
    );
    expect(line('http_reqs')).toMatch(/: 1000 +100\/s$/);
    expect(line('http_req_failed')).toMatch(/: 1\.40% +14 out of 1000$/);
    expect(line('checks')).toMatch(/: 98\.30% +983 out of 1000$/);
    expect(line('data_received')).toMatch(/: 1\.6 MB +161 kB\/s$/);
    expect(metrics.some((l) => l.includes('{name:feed}'))).toBe(true);
  });

  it('warns clearly when the generator could not keep its schedule, and says why the run stopped', () => {
    const stopped = buildRunResult({
      overloaded: true,
      stopped: { status: 'interrupted', reason: 'SIGINT received' },
    });
    const warned = renderTerminalSummary(stopped, { color: false });
    expect(warned).toContain('WARNING: the load generator could not keep its schedule');
    for (const reason of stopped.generator.reasons) expect(warned).toContain(`- ${reason}`);
    expect(stopped.generator.reasons.length).toBe(2);
    expect(warned).toMatch(/stopped early\s+SIGINT received/);
    expect(warned).toMatch(/status\s+interrupted/);
  });

  it('colours without changing the layout, and writes no escape codes when colour is off', () => {
    const coloured = renderTerminalSummary(result, { color: true });
    expect(coloured).toContain('\x1b[');
    expect(text).not.toContain('\x1b[');
    expect(stripAnsi(coloured)).toBe(text);
  });
});

describe('renderTerminalSummary: the consistency check', () => {
  const lost = buildRunResult({ consistency: 'lost' });

  it('has no consistency section when no check ran', () => {
    expect(result.consistency).toBeNull();
    expect(text).not.toContain('CONSISTENCY');
  });

  it('marks each kind kept with its figures when the check held', () => {
    const kept = buildRunResult({ consistency: 'kept' });
    expect(consistencyLines(kept)).toEqual([
      '✓ users  acknowledged 386  stored +386  sampled 386  missing 0',
      'the target kept every write it acknowledged',
    ]);
    expect(summaryLines(kept).join('\n')).toMatch(/status\s+thresholds-failed$/m);
  });

  it('says the target lost writes in the status, names the missing ids and every problem', () => {
    expect(summaryLines(lost).join('\n')).toMatch(
      /status\s+consistency-failed — FAILED: the target lost acknowledged writes$/m,
    );
    expect(FIXTURE_LOST_USERS).toEqual(['17', '42']);
    expect(consistencyLines(lost)).toEqual([
      '✗ users  acknowledged 386  stored +384  sampled 386  missing 2 (17, 42)',
      ...lost.consistency!.problems.map((problem) => `✗ ${problem}`),
    ]);
    expect(lost.consistency!.problems).toHaveLength(2);
  });

  it('aligns the kinds, names at most 10 missing ids, and shows a kind the target does not count', () => {
    const missing = Array.from({ length: 25 }, (_, i) => String(1000 + i));
    const [posts, users] = consistencyLines(
      withOutcome(lost, {
        kinds: [
          { kind: 'posts', acknowledged: 7, stored: null, sampled: 7, missing: [] },
          { kind: 'users', acknowledged: 1200, stored: 1175, sampled: 1000, missing },
        ],
      }),
    );
    expect(posts).toBe('✓ posts  acknowledged    7  stored not counted  sampled    7  missing 0');
    expect(users).toBe(
      `✗ users  acknowledged 1200  stored       +1175  sampled 1000  missing 25 (${missing.slice(0, 10).join(', ')} and 15 more)`,
    );
  });

  it('shows why a check failed that found no kind short, e.g. one that could not run', () => {
    const problem = 'the consistency check could not run: connect ECONNREFUSED 127.0.0.1:1';
    const failed = withOutcome(lost, { kinds: [], problems: [problem] });
    expect(consistencyLines(failed)).toEqual([`✗ ${problem}`]);
  });

  it('colours losses red without changing the layout', () => {
    const coloured = renderTerminalSummary(lost, { color: true });
    expect(coloured).toContain('\x1b[31m2 (17, 42)\x1b[39m');
    expect(coloured).toContain('\x1b[31m+384\x1b[39m');
    expect(stripAnsi(coloured)).toBe(summaryLines(lost).join('\n'));
  });
});
