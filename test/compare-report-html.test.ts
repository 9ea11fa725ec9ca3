import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CompareReport } from '../src/compare/types.js';
import { renderCompareHtml } from '../src/report/compare/index.js';
import { loadReportAssets, type ReportAssets } from '../src/report/html/index.js';
import type { BrowserElement, Watched } from './support/browser-page.js';
import * as browserPage from './support/browser-page.js';
import { tempDir } from './support/cli.js';
import {
  buildCompareReport,
  HOSTILE_NAME,
  withHostileNames,
} from './support/compare-report-fixture.js';

declare const document: {
  readonly documentElement: BrowserElement;
  querySelector(selector: string): BrowserElement | null;
};
declare function getComputedStyle(element: BrowserElement): {
  getPropertyValue(name: string): string;
};

browserPage.describeInChromium('compare.html', (chromium) => {
  let assets: ReportAssets;
  let dir: string;
  const report = buildCompareReport('regressed');
  let main: Watched;
  let mainUrl: string;

  /** Writes compare.html of `input` to `<name>.html` and opens it from disk in `watched`. */
  async function show(watched: Watched, input: CompareReport, name: string): Promise<string> {
    const file = join(dir, `${name}.html`);
    await writeFile(file, renderCompareHtml(input, assets));
    return browserPage.openFile(watched, file);
  }

  beforeAll(async () => {
    assets = await loadReportAssets();
    dir = await tempDir('launchday-compare-html-');
    main = await chromium.watch();
    mainUrl = await show(main, report, 'main');
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens from file:// without errors, requesting nothing but the document, verdict first', async () => {
    await browserPage.expectCleanOpen(main, mainUrl, 'regressed');
    expect(await browserPage.hasGlobal(main.page, 'uPlot')).toBe(true);
    const verdict = main.page.locator('#verdict');
    expect(await verdict.getAttribute('data-verdict')).toBe('regressed');
    expect(await main.page.locator('#headline').textContent()).toBe(report.headline);
    const regressions = await main.page
      .locator('#regressions li')
      .evaluateAll((items) => items.map((li) => (li as unknown as BrowserElement).dataset.key));
    expect(regressions).toEqual(
      report.comparisons.filter((c) => c.verdict === 'regressed').map((c) => c.key),
    );
    await browserPage.screenshotArtifact(main.page, 'compare-report-html');
  });

  it('draws every chart: uPlot holds the points and the canvases have series pixels', async () => {
    const charts = await browserPage.drawnCharts(main.page);
    expect(charts.map((c) => c.id)).toEqual([
      'chart-1',
      'chart-2',
      'chart-3',
      'chart-4',
      'chart-5',
    ]);
    for (const chart of charts) {
      expect(chart.points, chart.id).toBeGreaterThan(0);
      expect(chart.seriesPixels, chart.id).toBeGreaterThan(50);
    }
    // each curve has 12 percentiles below p100; 2 runs a side × 30 seconds
    const finite = report.charts.distributions[0]!.baseline.percentiles.length - 1;
    expect(charts.slice(0, 3).map((c) => c.points)).toEqual([2, 2, 2].map((n) => n * finite));
    expect(charts.slice(3).map((c) => c.points)).toEqual([120, 120]);
  });

  it('draws the baseline and the candidate in their own colour families', async () => {
    for (const id of ['chart-2', 'chart-4']) {
      const families = await familyPixels(main, id);
      expect(families.baseline, id).toBeGreaterThan(50);
      expect(families.candidate, id).toBeGreaterThan(50);
    }
  });

  it('shows every compared metric with its verdict, as a word and a colour', async () => {
    for (const variant of ['regressed', 'no-regression'] as const) {
      const input = buildCompareReport(variant);
      const watched = variant === 'regressed' ? main : await chromium.watch();
      if (variant !== 'regressed') await show(watched, input, variant);
      const rows = await watched.page.$$eval('#comparisons tbody tr', (trs: BrowserElement[]) =>
        trs.map((tr) => [
          tr.dataset.key,
          tr.dataset.verdict,
          [...tr.querySelectorAll('td.verdict span')][0]?.textContent,
          [...tr.querySelectorAll('td[data-stat]')].map((td) => td.dataset.value),
        ]),
      );
      const symbols = { regressed: '✗', improved: '✓', unchanged: '=', inconclusive: '?' };
      expect(rows, variant).toEqual(
        input.comparisons.map((c) => [
          c.key,
          c.verdict,
          `${symbols[c.verdict]} ${c.verdict}`,
          [c.baseline.value, c.candidate.value].map((v) => (v === null ? '' : String(v))),
        ]),
      );
      const verdicts = new Set(input.comparisons.map((c) => c.verdict));
      expect(verdicts.size, variant).toBeGreaterThan(1);
    }
    const colours = await main.page.$$eval(
      '#comparisons td.verdict span',
      (spans: BrowserElement[]) => spans.map((span) => span.textContent),
    );
    expect(colours).toHaveLength(report.comparisons.length);
  });

  it('follows dark mode, and prints light with charts at page width and no clipped table', async () => {
    const watched = await chromium.watch();
    const url = await show(watched, buildCompareReport('no-regression'), 'media');
    await browserPage.expectDarkModeAndPrint(watched.page);
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([url]);
    await watched.page.close();
  });

  it('renders hostile names and reports without charts with no error and no injected element', async () => {
    const cases: Record<string, CompareReport> = {
      hostile: withHostileNames(report),
      'no-charts': { ...report, charts: { distributions: [], seconds: [] } },
      'one-second': oneSecond(buildCompareReport('no-regression')),
    };
    const watched = await chromium.watch();
    for (const [name, input] of Object.entries(cases)) {
      const url = await show(watched, input, name);
      await browserPage.expectCleanOpen(watched, url, name);
      const charts = await watched.page.locator('.chart').count();
      expect(await watched.page.locator('.chart canvas').count(), name).toBe(charts);
      expect(await watched.page.locator('#headline').textContent(), name).toBe(input.headline);
    }
    expect(await watched.page.locator('.chart').count()).toBe(5);
    await show(watched, cases.hostile!, 'hostile');
    const keys = await watched.page.$$eval('#comparisons tbody tr', (trs: BrowserElement[]) =>
      trs.map((tr) => tr.dataset.key),
    );
    expect(keys).toContain(`http_req_duration{name:${HOSTILE_NAME}}:p(99)`);
    await watched.page.close();
  });
});

/** `report` with every run one second long. */
function oneSecond(report: CompareReport): CompareReport {
  const seconds = report.charts.seconds.map((run) => ({
    ...run,
    t: [0],
    requests: run.requests.slice(0, 1),
    failed: run.failed.slice(0, 1),
    p50Ms: run.p50Ms.slice(0, 1),
    p99Ms: run.p99Ms.slice(0, 1),
  }));
  return { ...report, charts: { ...report.charts, seconds } };
}

/**
 * Canvas pixels of chart `id` close to the baseline's colours (`--series-1..4`) and to the
 * candidate's (`--series-5..8`).
 */
function familyPixels(
  watched: Watched,
  id: string,
): Promise<{ baseline: number; candidate: number }> {
  return watched.page.evaluate((chartId) => {
    const style = getComputedStyle(document.documentElement);
    const rgb = (i: number) => {
      const hex = style.getPropertyValue(`--series-${i}`).trim();
      return [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
    };
    const families = { baseline: [1, 2, 3, 4].map(rgb), candidate: [5, 6, 7, 8].map(rgb) };
    const canvas = document.querySelector(`#${chartId}`)?.querySelector('canvas');
    const { data } = canvas!.getContext('2d')!.getImageData(0, 0, canvas!.width, canvas!.height);
    const near = (i: number, colours: number[][]) =>
      data[i + 3]! >= 200 &&
      colours.some(
        ([r, g, b]) =>
          Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 24,
      );
    const counts = { baseline: 0, candidate: 0 };
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, families.baseline)) counts.baseline++;
      if (near(i, families.candidate)) counts.candidate++;
    }
    return counts;
  }, id);
}
