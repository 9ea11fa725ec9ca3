import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../test/support/run-result-fixture.js';
import type { RunResult } from '../core/result.js';
import { formatMs, formatPercent } from './format.js';
import { renderMarkdownReport } from './markdown-report.js';

const failed = buildRunResult();
const text = renderMarkdownReport(failed);

/** The lines of the section headed `### title`, up to the next heading. */
function section(markdown: string, title: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`### ${title}`);
  if (start === -1) return [];
  const end = lines.findIndex((line, i) => i > start && line.startsWith('#'));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The cells of a table row, split at pipes that are not escaped, unescaped back. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.replace(/\\(.)/g, '$1').trim());
}

/** The body rows (after header and rule) of the first table in `lines`, as cells. */
function tableRows(lines: readonly string[]): string[][] {
  const table = lines.filter((line) => line.startsWith('|'));
  return table.slice(2).map(cells);
}

/** A result whose every threshold held. */
function passed(result: RunResult): RunResult {
  return {
    ...result,
    status: 'passed',
    thresholds: result.thresholds.map((t) => ({ ...t, ok: true })),
  };
}

describe('renderMarkdownReport', () => {
  it('puts the verdict first and names every failing threshold with its observed value', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('## ❌ Thresholds failed: signup-spike');
    const verdict = text.slice(0, text.indexOf('### '));
    expect(verdict).toContain('1 of 5 thresholds failed:');
    expect(verdict).toMatch(
      /^- http\\_req\\_duration\{name:feed\}: p\(95\)\\<20 — observed p\(95\)=30\.\d+ms$/m,
    );
    expect(renderMarkdownReport(passed(failed)).split('\n')[0]).toBe('## ✅ Passed: signup-spike');
    expect(renderMarkdownReport(passed(failed))).toContain('All 5 thresholds held.');
  });

  it('says why a run stopped early, and warns when the generator was overloaded', () => {
    const aborted = renderMarkdownReport(
      buildRunResult({
        stopped: { status: 'aborted-by-threshold', reason: 'threshold http_req_failed failed' },
      }),
    );
    expect(aborted.split('\n')[0]).toBe('## 🛑 Aborted by a threshold: signup-spike');
    expect(aborted).toContain('Stopped early: threshold http\\_req\\_failed failed.');
    expect(aborted).not.toContain('Warning');

    const overloaded = buildRunResult({
      overloaded: true,
      stopped: { status: 'interrupted', reason: 'interrupted (SIGINT)' },
    });
    const warned = renderMarkdownReport(overloaded);
    expect(warned.split('\n')[0]).toBe('## ⚠️ Interrupted: signup-spike');
    const beforeTables = warned.slice(0, warned.indexOf('### '));
    expect(beforeTables).toContain('**Warning:** the load generator could not keep its schedule');
    for (const reason of overloaded.generator.reasons)
      expect(beforeTables).toContain(`> - ${reason}`);
    expect(tableRows(section(warned, 'Generator health'))[0]).toEqual([
      'scheduler lag p99',
      `${overloaded.generator.schedulerLagP99Ms.toFixed(1)} ms`,
    ]);
  });

  it('has a row per request name with the figures of the result', () => {
    const rows = tableRows(section(text, 'Requests'));
    expect(rows).toHaveLength(failed.summary.requests.length);
    for (const r of failed.summary.requests) {
      expect(rows.find((row) => row[0] === r.name)).toEqual([
        r.name,
        String(r.count),
        String(r.rate),
        ...[r.p50, r.p90, r.p95, r.p99, r['p99.9'], r.max].map(formatMs),
        formatPercent(r.failed / r.count),
      ]);
    }
  });

  it('lists thresholds and checks with pass or fail, workloads, error classes and environment', () => {
    expect(tableRows(section(text, 'Thresholds'))).toContainEqual([
      '❌ fail',
      'http_req_duration{name:feed}',
      'p(95)<20',
      expect.stringMatching(/^p\(95\)=30\.\d+ms$/),
      '',
    ]);
    expect(tableRows(section(text, 'Thresholds'))).toContainEqual([
      '✅ pass',
      'http_req_failed',
      'rate<0.05',
      'rate=1.40%',
      'abortOnFail',
    ]);
    expect(tableRows(section(text, 'Checks'))).toContainEqual([
      '❌ fail',
      'status is 201',
      'signups',
      '386',
      '14',
      '96.50%',
    ]);
    const workloads = tableRows(section(text, 'Workloads'));
    expect(workloads[0]).toEqual([
      'signups',
      'arrival-rate',
      '40.0/s',
      '40.0/s (100.00%)',
      '400',
      '400',
      '5',
      '2',
      '0',
    ]);
    expect(workloads[1]!.slice(0, 3)).toEqual(['readers', 'vus', '5 VUs']);
    expect(tableRows(section(text, 'Error classes'))).toEqual([
      ['http_5xx', '12', '1.20%', 'signup 12'],
      ['timeout', '2', '0.20%', 'signup 2'],
    ]);
    expect(section(text, 'Environment').join('\n')).toContain('| Node.js | v20.19.0 |');
  });

  it('leaves out the sections a run has nothing for', () => {
    const empty = renderMarkdownReport({
      ...passed(failed),
      thresholds: [],
      checks: [],
      summary: { ...failed.summary, requests: [] },
      intervals: [],
      series: [],
    });
    expect(empty).toContain('No thresholds were set.');
    for (const title of ['Requests', 'Thresholds', 'Checks', 'Workloads', 'Error classes'])
      expect(empty).not.toContain(`### ${title}`);
    expect(empty).toContain('### Environment');
  });

  it('escapes names so that they render as written and keep every table intact', () => {
    const hostile = 'a|b `tick` **x** <b>&amp; [l](u) $m$\nline';
    const result = buildRunResult();
    const renamed: RunResult = {
      ...result,
      scenario: { ...result.scenario, name: hostile },
      summary: {
        ...result.summary,
        requests: result.summary.requests.map((r) => ({ ...r, name: `${r.name}${hostile}` })),
      },
      checks: result.checks.map((c) => ({ ...c, name: `${c.name}${hostile}` })),
      thresholds: result.thresholds.map((t) => ({ ...t, metric: `${t.metric}${hostile}` })),
    };
    const markdown = renderMarkdownReport(renamed);
    const flat = 'a|b `tick` **x** <b>&amp; [l](u) $m$ line';
    expect(markdown).not.toMatch(/(^|[^\\])[<`]/m);
    for (const title of ['Requests', 'Thresholds', 'Checks']) {
      const lines = section(markdown, title).filter((line) => line.startsWith('|'));
      const columns = cells(lines[0]!).length;
      for (const line of lines.slice(2)) {
        expect(cells(line)).toHaveLength(columns);
        expect(cells(line).some((cell) => cell.includes(flat))).toBe(true);
      }
    }
    expect(markdown.split('\n')[0]).toBe(
      '## ❌ Thresholds failed: a\\|b \\`tick\\` \\*\\*x\\*\\* \\<b\\>\\&amp; \\[l\\](u) \\$m\\$ line',
    );
  });

  it('writes no HTML and is deterministic', () => {
    expect(text).not.toMatch(/(^|[^\\])</m);
    expect(renderMarkdownReport(buildRunResult())).toBe(text);
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('renderMarkdownReport: the consistency check', () => {
  const lost = buildRunResult({ consistency: 'lost' });
  const lostText = renderMarkdownReport(lost);

  it('has no consistency section or sentence when no check ran', () => {
    expect(text).not.toContain('### Consistency');
    expect(text).not.toMatch(/acknowledged/i);
  });

  it('tables every kind kept and says so in the verdict when the check held', () => {
    const kept = renderMarkdownReport(buildRunResult({ consistency: 'kept' }));
    expect(kept.split('\n')[0]).toBe('## ❌ Thresholds failed: signup-spike');
    expect(kept.slice(0, kept.indexOf('### '))).toContain(
      'The target kept every write it acknowledged.',
    );
    const lines = section(kept, 'Consistency');
    expect(lines[1]).toMatch(/^Checked after the run, at 2024-07-05T16:00:12\.180Z: /);
    expect(cells(lines.find((line) => line.startsWith('|'))!)).toEqual([
      '',
      'kind',
      'acknowledged',
      'stored',
      'sampled',
      'missing',
    ]);
    expect(tableRows(lines)).toEqual([['✅ pass', 'users', '386', '+386', '386', '0']]);
    expect(lines.some((line) => line.startsWith('- '))).toBe(false);
  });

  it('heads a loss as a failure, names the missing ids and lists every problem', () => {
    expect(lostText.split('\n')[0]).toBe('## ❌ Acknowledged writes lost: signup-spike');
    expect(lostText.slice(0, lostText.indexOf('### '))).toContain(
      '**FAILED: the target lost acknowledged writes**: see Consistency below.',
    );
    const lines = section(lostText, 'Consistency');
    expect(tableRows(lines)).toEqual([['❌ fail', 'users', '386', '+384', '386', '2 (17, 42)']]);
    expect(lines.filter((line) => line.startsWith('- '))).toEqual(
      lost.consistency!.problems.map((problem) => `- ${problem}`),
    );
  });

  it('names at most 20 missing ids, and shows a kind the target does not count', () => {
    const missing = Array.from({ length: 23 }, (_, i) => `id-${i}`);
    const many: RunResult = {
      ...lost,
      consistency: {
        ...lost.consistency!,
        kinds: [
          { kind: 'likes', acknowledged: 4, stored: null, sampled: 4, missing: [] },
          { kind: 'posts', acknowledged: 40, stored: 17, sampled: 40, missing },
        ],
      },
    };
    const rows = tableRows(section(renderMarkdownReport(many), 'Consistency'));
    expect(rows[0]).toEqual(['✅ pass', 'likes', '4', 'not counted', '4', '0']);
    expect(rows[1]!.slice(0, 5)).toEqual(['❌ fail', 'posts', '40', '+17', '40']);
    expect(rows[1]![5]).toBe(`23 (${missing.slice(0, 20).join(', ')} and 3 more)`);
  });

  it('escapes kinds, ids and problems so the table keeps its columns', () => {
    const hostile = 'a|b `tick` **x** <b>&amp; [l](u)\nline';
    const renamed: RunResult = {
      ...lost,
      consistency: {
        ...lost.consistency!,
        kinds: [{ kind: hostile, acknowledged: 3, stored: 3, sampled: 3, missing: [hostile] }],
        problems: [hostile],
      },
    };
    const markdown = renderMarkdownReport(renamed);
    expect(markdown).not.toMatch(/(^|[^\\])[<`]/m);
    const lines = section(markdown, 'Consistency');
    const flat = 'a|b `tick` **x** <b>&amp; [l](u) line';
    expect(tableRows(lines)).toEqual([['❌ fail', flat, '3', '+3', '3', `1 (${flat})`]]);
    expect(lines).toContain('- a\\|b \\`tick\\` \\*\\*x\\*\\* \\<b\\>\\&amp; \\[l\\](u) line');
  });
});
