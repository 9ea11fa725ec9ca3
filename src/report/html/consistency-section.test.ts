import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../../test/support/run-result-fixture.js';
import type { RunResult } from '../../core/result.js';
import { escapeHtml } from './html-template.js';
import { renderHtmlReport } from './render-html-report.js';
import { loadReportAssets } from './report-assets.js';

const assets = await loadReportAssets();
const page = renderHtmlReport(buildRunResult(), assets);

describe('renderHtmlReport: the consistency check', () => {
  const lost = buildRunResult({ consistency: 'lost' });
  const lostPage = renderHtmlReport(lost, assets);

  /** The consistency section of `markup`, or '' when it has none. */
  function consistencySection(markup: string): string {
    const start = markup.indexOf('<section id="consistency-section">');
    return start === -1 ? '' : markup.slice(start, markup.indexOf('</section>', start));
  }

  it('has no consistency section when no check ran', () => {
    expect(page).not.toContain('<section id="consistency-section">');
    expect(page).not.toContain('acknowledged');
  });

  it('shows each kind kept with its figures when the check held', () => {
    const kept = renderHtmlReport(buildRunResult({ consistency: 'kept' }), assets);
    expect(kept).toContain(
      '2 of 2 checks failed at least once, the target kept every acknowledged write</dd>',
    );
    const section = consistencySection(kept);
    expect(section).toContain('Checked after the run, at 2024-07-05 16:00:12 UTC');
    expect(section).toContain(
      '<tr data-kind="users" data-ok="true" data-acknowledged="386" data-stored="386" data-sampled="386" data-missing="0">',
    );
    expect(section).toContain('<span class="pass-text">✓ kept</span>');
    expect(section).toContain('The target kept every write it acknowledged.');
    expect(section).not.toContain('class="notice');
  });

  it('heads a loss as a failure, names the missing ids and every problem', () => {
    expect(lostPage).toContain(
      '<span class="badge fail" data-status="consistency-failed">FAILED: the target lost acknowledged writes</span>',
    );
    expect(lostPage).toContain('the target lost acknowledged writes of users</dd>');
    expect(lostPage).toContain(
      '<title>signup-spike · consistency-failed · launchday report</title>',
    );
    const section = consistencySection(lostPage);
    expect(section).toContain(
      '<tr data-kind="users" data-ok="false" data-acknowledged="386" data-stored="384" data-sampled="386" data-missing="2">',
    );
    expect(section).toContain(
      '<td class="num fail-text">+384</td><td class="num">386</td><td class="num fail-text">2</td><td class="ids">17, 42</td>',
    );
    expect(section).toContain(
      '<div class="notice fail" role="alert"><strong>FAILED: the target lost acknowledged writes.</strong>',
    );
    for (const problem of lost.consistency!.problems)
      expect(section).toContain(`<li>${escapeHtml(problem)}</li>`);
  });

  it('lists at most 20 missing ids, and shows a kind the target does not count', () => {
    const missing = Array.from({ length: 26 }, (_, i) => `u${i}`);
    const many: RunResult = {
      ...lost,
      consistency: {
        ...lost.consistency!,
        kinds: [
          { kind: 'likes', acknowledged: 4, stored: null, sampled: 4, missing: [] },
          { kind: 'users', acknowledged: 386, stored: 360, sampled: 386, missing },
        ],
      },
    };
    const section = consistencySection(renderHtmlReport(many, assets));
    expect(section).toContain(
      '<tr data-kind="likes" data-ok="true" data-acknowledged="4" data-stored="" data-sampled="4" data-missing="0">',
    );
    expect(section).toContain('<td class="num">not counted</td>');
    expect(section).toContain(`<td class="ids">${missing.slice(0, 20).join(', ')} and 6 more</td>`);
  });

  it('says why a check failed that found no kind short, without an empty table', () => {
    const problem = 'the consistency check could not run: <connect> refused';
    const failed: RunResult = {
      ...lost,
      consistency: { ...lost.consistency!, kinds: [], problems: [problem] },
    };
    const markup = renderHtmlReport(failed, assets);
    expect(markup).toContain(
      '2 of 2 checks failed at least once, the consistency check failed</dd>',
    );
    const section = consistencySection(markup);
    expect(section).not.toContain('<table');
    expect(section).toContain(`<li>${escapeHtml(problem)}</li>`);
  });
});
