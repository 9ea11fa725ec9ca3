import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../../test/support/run-result-fixture.js';
import { formatMs, formatPercent, formatRate } from '../format.js';
import { formatObserved } from '../verdicts.js';
import { buildChartGroups } from './chart-data.js';
import {
  HOSTILE,
  oneSecondLong,
  withHostileStrings,
  withoutIntervals,
  withoutRequests,
  withUntimedRequestName,
} from './fixture-variations.js';
import { escapeHtml } from './html-template.js';
import { renderHtmlReport } from './render-html-report.js';
import { loadReportAssets } from './report-assets.js';
import type { ReportData } from './types.js';

const assets = await loadReportAssets();
const result = buildRunResult();
const page = renderHtmlReport(result, assets);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };
const decode = (text: string) => text.replace(/&(lt|gt|amp|quot|#39);/g, (_, e) => ENTITIES[e]!);

/** The text of every `<tag>` element without attributes (the inline scripts and styles). */
function inlineElements(markup: string, tag: 'script' | 'style'): string[] {
  return [...markup.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
}

function embeddedData(markup: string): ReportData {
  const match = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(markup);
  return JSON.parse(match![1]!) as ReportData;
}

/** Every number cell of the request table: `data-name`, `data-stat`, `data-value` and its text. */
function numberCells(markup: string) {
  const cell =
    /<td class="num[^"]*" data-name="([^"]*)" data-stat="([^"]*)" data-value="([^"]*)">([^<]*)<\/td>/g;
  return [...markup.matchAll(cell)].map(([, name, stat, value, text]) => ({
    name: decode(name!),
    stat: stat!,
    value: Number(value),
    text: text!,
  }));
}

describe('renderHtmlReport', () => {
  it('is one document that loads nothing: no src, no external href, no @import or url()', () => {
    expect(
      page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    const withoutCode = page.replace(/<(script|style)>[\s\S]*?<\/\1>/g, '');
    expect(withoutCode).not.toMatch(/\ssrc=/);
    expect([...withoutCode.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['data:,']);
    expect(page).not.toMatch(/@import|url\(/);
    expect(page.match(/<script/g)).toHaveLength(3);
  });

  it('allows by its Content-Security-Policy exactly its own inline scripts and styles', () => {
    const policy = decode(
      /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)![1]!,
    );
    const hashes = (texts: string[]) =>
      texts.map((t) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`).join(' ');
    expect(policy).toBe(
      [
        "default-src 'none'",
        `script-src ${hashes(inlineElements(page, 'script'))}`,
        `style-src ${hashes(inlineElements(page, 'style'))}`,
        'img-src data:',
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    );
    expect(inlineElements(page, 'script')).toEqual([assets.uplotScript, assets.clientScript]);
  });

  it("has no http(s) URL but uPlot's banner comment and the target's base URL as text", () => {
    expect(assets.uplotScript.match(/https?:\/\//g)).toEqual(['https://']);
    expect(assets.uplotScript).toMatch(/^\/\*! https:\/\/github\.com\/leeoniya\/uPlot [^*]*\*\/\n/);
    const rest = page.replace(assets.uplotScript, '');
    expect(rest.match(/https?:\/\/[^<"]*/g)).toEqual(['http://127.0.0.1:8080']);
    expect(rest).toContain('<code data-field="base-url">http://127.0.0.1:8080</code>');
  });

  it('heads the page with scenario, verdict, run id, start, duration', () => {
    expect(page).toContain('<h1>signup-spike</h1>');
    expect(page).toContain('A Threads-like sign-up surge with feed reads');
    expect(page).toContain(
      '<span class="badge fail" data-status="thresholds-failed">thresholds failed</span> 1 of 5 thresholds failed, 2 of 2 checks failed at least once',
    );
    expect(page).toContain('<code>20240705-160000-fixture</code>');
    expect(page).toContain('<dt>started</dt><dd>2024-07-05 16:00:00 UTC</dd>');
    expect(page).toContain('<dt>duration</dt><dd>10.2s</dd>');
    expect(page).not.toContain('class="notice');
  });

  it("gives every number of the request table result.json's value and a formatted text", () => {
    const cells = numberCells(page);
    expect(cells).toHaveLength(result.summary.requests.length * 10);
    for (const row of result.summary.requests) {
      const cell = (stat: string) => cells.find((c) => c.name === row.name && c.stat === stat)!;
      for (const stat of ['count', 'rate', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max', 'failed'])
        expect(cell(stat).value).toBe(row[stat as keyof typeof row]);
      expect(cell('errorRate').value).toBe(row.failed / row.count);
      expect(cell('rate').text).toBe(formatRate(row.rate));
      expect(cell('p99.9').text).toBe(formatMs(row['p99.9']));
      expect(cell('errorRate').text).toBe(formatPercent(row.failed / row.count));
    }
    expect(page).toContain('<td>http_5xx 12, timeout 2</td>');
  });

  it('shows every threshold and check with pass or fail and the observed value', () => {
    for (const t of result.thresholds) {
      const row = `<tr data-metric="${escapeHtml(t.metric)}" data-expression="${escapeHtml(t.expression)}" data-ok="${t.ok}" data-observed="${t.observed}">`;
      expect(page).toContain(row);
      const cells = page.slice(page.indexOf(row)).split('</tr>')[0]!;
      expect(cells).toContain(t.ok ? '✓ pass' : '✗ fail');
      expect(cells).toContain(`<td>${formatObserved(t)}</td>`);
    }
    expect(page).toContain(
      '<tr data-workload="signups" data-name="status is 201" data-ok="false" data-passes="386" data-fails="14">',
    );
    expect(page).toContain('<td class="num">386 / 400</td>');
  });

  it('shows generator health and the environment', () => {
    expect(page).toContain('<dd data-valid="true"><span class="pass-text">valid</span>');
    expect(page).toContain('<dt>scheduler lag p99</dt><dd>0.6 ms</dd>');
    expect(page).toContain('<dt>CPU</dt><dd>8 × Fixture CPU @ 3.0GHz</dd>');
    const overloaded = renderHtmlReport(buildRunResult({ overloaded: true }), assets);
    expect(overloaded).toContain('<dd data-valid="false"><span class="fail-text">not valid</span>');
    expect(overloaded).toContain('do not trust these figures');
  });

  it('embeds the chart data as JSON, with a container for each chart', () => {
    const data = embeddedData(page);
    expect(data.charts).toEqual(buildChartGroups(result).flatMap((g) => g.charts));
    const containers = [...page.matchAll(/<div class="chart" id="([^"]+)"><\/div>/g)];
    expect(containers.map((m) => m[1])).toEqual(data.charts.map((c) => c.id));
  });

  it('turns hostile strings into text: no element, attribute or script comes from the result', () => {
    const hostile = renderHtmlReport(withHostileStrings(result), assets);
    expect(hostile).not.toContain(HOSTILE);
    expect(hostile).not.toMatch(/<img|onerror="|<!--/);
    expect(hostile.match(/<script/g)).toHaveLength(3);
    expect(hostile.match(/<\/script>/g)).toHaveLength(3);
    expect(hostile).toContain(`<h1>${escapeHtml(HOSTILE)}</h1>`);
    expect(numberCells(hostile).filter((c) => c.name === HOSTILE)).toHaveLength(10);
    const titles = embeddedData(hostile).charts.map((c) => c.title);
    expect(titles).toContain(`${HOSTILE}: latency`);
    expect(hostile).toContain(`<tr data-kind="${escapeHtml(HOSTILE)}" data-ok="false"`);
    expect(hostile).toContain(`<td class="ids">${escapeHtml(HOSTILE)}</td>`);
    expect(hostile).toContain(`<li>${escapeHtml(HOSTILE)}</li>`);
  });

  it('renders the same result to the same bytes', () => {
    expect(renderHtmlReport(buildRunResult(), assets)).toBe(page);
  });
});

describe('renderHtmlReport edge cases', () => {
  it('says so when the run made no request', () => {
    const empty = renderHtmlReport(withoutRequests(result), assets);
    expect(empty).toContain('<p class="muted">The run made no request.</p>');
    expect(empty).not.toContain('<table id="requests">');
    expect(embeddedData(empty).charts.map((c) => c.title)).not.toContain('feed: latency');
  });

  it('shows a request name without latency with its zeros and an empty latency chart', () => {
    const untimed = renderHtmlReport(withUntimedRequestName(result), assets);
    expect(
      numberCells(untimed)
        .filter((c) => c.name === 'refused')
        .map((c) => c.text),
    ).toEqual(['3', '0.3', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '3', '100.00%']);
    const chart = embeddedData(untimed).charts.find((c) => c.title === 'refused: latency')!;
    expect(chart.series.flatMap((s) => s.values).every((v) => v === null)).toBe(true);
  });

  it('charts a one-second run with one point per series', () => {
    const short = renderHtmlReport(oneSecondLong(result), assets);
    expect(short).toContain('<dt>duration</dt><dd>1s</dd>');
    for (const chart of embeddedData(short).charts) expect(chart.x).toEqual([0]);
  });

  it('says why an interrupted or aborted run stopped, and copes with no per-second data', () => {
    const stopped = { status: 'interrupted', reason: 'interrupted (SIGINT)' } as const;
    const interrupted = renderHtmlReport(withoutIntervals(buildRunResult({ stopped })), assets);
    expect(interrupted).toContain('data-status="interrupted">interrupted</span>');
    expect(interrupted).toContain('<strong>The run stopped early:</strong> interrupted (SIGINT)');
    expect(embeddedData(interrupted).charts).toEqual([]);
    expect(interrupted.match(/The run recorded no per-second data\./g)).toHaveLength(4);
    const aborted = renderHtmlReport(
      buildRunResult({ stopped: { status: 'aborted-by-threshold', reason: 'http_req_failed' } }),
      assets,
    );
    expect(aborted).toContain('<div class="notice fail" role="status">');
    expect(aborted).toContain('data-status="aborted-by-threshold">aborted by threshold</span>');
  });
});
