import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HistoryReport } from '../src/compare/history-types.js';
import { renderHistoryHtml } from '../src/report/history/index.js';
import { loadReportAssets, type ReportAssets } from '../src/report/html/index.js';
import type { BrowserElement, Watched } from './support/browser-page.js';
import * as browserPage from './support/browser-page.js';
import { tempDir } from './support/cli.js';
import { HOSTILE_NAME } from './support/compare-report-fixture.js';
import { buildHistoryFixture } from './support/history-fixture.js';

declare const document: {
  readonly documentElement: BrowserElement;
  querySelector(selector: string): BrowserElement | null;
};
declare function getComputedStyle(element: BrowserElement): {
  getPropertyValue(name: string): string;
};

browserPage.describeInChromium('history.html', (chromium) => {
  let assets: ReportAssets;
  let dir: string;
  const report = buildHistoryFixture();
  let main: Watched;
  let mainUrl: string;

  /** Writes history.html of `input` to `<name>.html` and opens it from disk in `watched`. */
  async function show(watched: Watched, input: HistoryReport, name: string): Promise<string> {
    const file = join(dir, `${name}.html`);
    await writeFile(file, renderHistoryHtml(input, assets));
    return browserPage.openFile(watched, file);
  }

  beforeAll(async () => {
    assets = await loadReportAssets();
    dir = await tempDir('launchday-history-html-');
    main = await chromium.watch();
    mainUrl = await show(main, report, 'main');
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens from file:// without errors, requesting nothing but the document, changes first', async () => {
    await browserPage.expectCleanOpen(main, mainUrl, 'main');
    expect(await browserPage.hasGlobal(main.page, 'uPlot')).toBe(true);
    const changes = await main.page
      .locator('#changes li')
      .evaluateAll((items) =>
        items.map((li) => [
          (li as unknown as BrowserElement).dataset.position,
          (li as unknown as BrowserElement).dataset.worse,
        ]),
      );
    expect(changes).toEqual([['13', 'true']]);
    expect(await main.page.locator('#changes .sentence').textContent()).toBe(
      'p(99) of feed rose 19% at run 13 (commit c13)',
    );
    await browserPage.screenshotArtifact(main.page, 'history-report-html');
  });

  it('draws a chart per metric: a point per run and the series in their colours', async () => {
    const charts = await browserPage.drawnCharts(main.page);
    expect(charts.map((c) => c.id)).toEqual(['chart-1', 'chart-2']);
    for (const chart of charts) {
      expect(chart.points, chart.id).toBe(report.runs.length);
      expect(chart.seriesPixels, chart.id).toBeGreaterThan(50);
    }
  });

  it('marks the change point with a line in the colour of a change for the worse', async () => {
    const feed = await markPixels(main, 'chart-1');
    const signup = await markPixels(main, 'chart-2');
    // A 3-pixel line over the plot's height; the chart without a change has none.
    expect(feed.worse).toBeGreaterThan(300);
    expect(signup.worse).toBe(0);
    // The line sits between run 12 and run 13: 12 of the 20 run widths from the plot's left.
    expect(feed.column / feed.width).toBeGreaterThan(0.45);
    expect(feed.column / feed.width).toBeLessThan(0.75);
  });

  it('tables every run with the change cell marked', async () => {
    const rows = await main.page.$$eval('#runs tbody tr', (trs: BrowserElement[]) =>
      trs.map((tr) => [tr.dataset.position, [...tr.querySelectorAll('td.change')].length]),
    );
    expect(rows).toHaveLength(20);
    expect(rows.filter(([, marked]) => marked === 1).map(([position]) => position)).toEqual(['13']);
  });

  it('follows dark mode, and prints light with charts at page width and no clipped table', async () => {
    const watched = await chromium.watch();
    const url = await show(watched, report, 'media');
    await browserPage.expectDarkModeAndPrint(watched.page);
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([url]);
    expect((await markPixels(watched, 'chart-1')).worse).toBeGreaterThan(300);
    await watched.page.close();
  });

  it('renders hostile names and histories without change points with no error or injection', async () => {
    const hostile: HistoryReport = {
      ...report,
      source: HOSTILE_NAME,
      runs: report.runs.map((run) => ({ ...run, runId: HOSTILE_NAME, tag: HOSTILE_NAME })),
    };
    const steady = buildHistoryFixture({ permutations: 9 });
    const watched = await chromium.watch();
    for (const [name, input] of Object.entries({ hostile, steady })) {
      const url = await show(watched, input, name);
      await browserPage.expectCleanOpen(watched, url, name);
      expect(await watched.page.locator('.chart canvas').count(), name).toBe(2);
    }
    expect(await watched.page.locator('#changes').count()).toBe(0);
    expect((await markPixels(watched, 'chart-1')).worse).toBe(0);
    await watched.page.close();
  });
});

/**
 * Canvas pixels of chart `id` close to the page's `--fail` colour, the canvas width and the
 * column that holds most of them.
 */
function markPixels(
  watched: Watched,
  id: string,
): Promise<{ worse: number; column: number; width: number }> {
  return watched.page.evaluate((chartId) => {
    const hex = getComputedStyle(document.documentElement).getPropertyValue('--fail').trim();
    const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
    const canvas = document.querySelector(`#${chartId}`)?.querySelector('canvas');
    const { data } = canvas!.getContext('2d')!.getImageData(0, 0, canvas!.width, canvas!.height);
    const columns = new Array<number>(canvas!.width).fill(0);
    let worse = 0;
    for (let i = 0; i < data.length; i += 4) {
      const near =
        data[i + 3]! >= 200 &&
        Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 24;
      if (!near) continue;
      worse++;
      columns[(i / 4) % canvas!.width]!++;
    }
    const column = columns.indexOf(Math.max(...columns));
    return { worse, column, width: canvas!.width };
  }, id);
}
