import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/core/result.js';
import { buildRunResult } from '../src/report/fixtures.js';
import * as variations from '../src/report/html/fixture-variations.js';
import { loadReportAssets, type ReportAssets, renderHtmlReport } from '../src/report/html/index.js';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { systemProgram } from './support/system-program.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const program = systemProgram('chromium', 'chromium');
const ARTIFACT = new URL('./artifacts/report-html.png', import.meta.url).pathname;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A page and what it did since its last navigation: console errors, page errors, requests. */
interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

describe.skipIf(program.path === null)(
  `report.html in headless Chromium ${program.requirement}`,
  () => {
    let server: TestServer;
    let browser: Browser;
    let assets: ReportAssets;
    let dir: string;
    let result: RunResult;
    /** The real run's report, opened once for the tests that only read it. */
    let run: Watched;
    let runUrl: string;

    /** Writes report.html of `input` to `<name>.html` and opens it from disk in `watched`. */
    async function show(watched: Watched, input: RunResult, name: string): Promise<string> {
      watched.errors.length = 0;
      watched.requests.length = 0;
      const file = join(dir, `${name}.html`);
      await writeFile(file, renderHtmlReport(input, assets));
      const url = pathToFileURL(file).href;
      await watched.page.goto(url);
      return url;
    }

    beforeAll(async () => {
      server = await startTestServer(reportMixHandler());
      const outDir = await tempDir();
      const args = ['run', scenarioFile('report-mix.ts'), '--base-url', server.url];
      const outcome = await runCli([...args, '--out-dir', outDir, '--quiet']);
      expect(outcome.code, outcome.stderr).toBe(3);
      result = await readOnlyResult(outDir);
      assets = await loadReportAssets();
      dir = await tempDir('launchday-report-html-');
      browser = await chromium.launch({ executablePath: program.path!, args: CHROMIUM_ARGS });
      run = await watch(browser);
      runUrl = await show(run, result, 'run');
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('opens without errors and requests nothing but the file itself', async () => {
      expect(run.errors).toEqual([]);
      expect(run.requests).toEqual([runUrl]);
      expect(await run.page.evaluate(() => 'uPlot' in window && !('__pwned' in window))).toBe(true);
      expect(await run.page.locator('img').count()).toBe(0);
      await mkdir(join(ARTIFACT, '..'), { recursive: true });
      await run.page.screenshot({ path: ARTIFACT, fullPage: true });
    });

    it('draws every chart: uPlot holds data points and the canvas has series pixels', async () => {
      const charts = await drawnCharts(run.page);
      // one per workload (2) and per request name, then errors by class and iterations
      expect(charts).toHaveLength(2 + result.summary.requests.length + 2);
      for (const chart of charts) {
        expect(chart.points, chart.id).toBeGreaterThan(0);
        expect(chart.seriesPixels, chart.id).toBeGreaterThan(50);
      }
    });

    it("shows result.json's request figures, thresholds and checks", async () => {
      expect(result.summary.requests.map((row) => row.name).sort()).toEqual([
        '</script><img src=x onerror="window.__pwned=1">',
        'feed',
        'signup',
      ]);
      const cells = await run.page.$$eval('#requests td[data-stat]', (tds: BrowserElement[]) =>
        tds.map((td) => [td.dataset.name, td.dataset.stat, Number(td.dataset.value)]),
      );
      const stats = [
        'count',
        'rate',
        'p50',
        'p90',
        'p95',
        'p99',
        'p99.9',
        'max',
        'failed',
      ] as const;
      const expected = result.summary.requests.flatMap((row) => [
        ...stats.map((stat) => [row.name, stat, row[stat]]),
        [row.name, 'errorRate', row.failed / row.count],
      ]);
      expect(cells).toEqual(expected);
      const rows = (selector: string) =>
        run.page.$$eval(selector, (trs: BrowserElement[]) =>
          trs.map((tr) => [
            tr.dataset.name ?? tr.dataset.metric,
            tr.dataset.ok,
            tr.cells[0]?.textContent,
          ]),
        );
      const verdict = (ok: boolean) => [String(ok), ok ? '✓ pass' : '✗ fail'];
      expect(await rows('#thresholds tbody tr')).toEqual(
        result.thresholds.map((t) => [t.metric, ...verdict(t.ok)]),
      );
      expect(result.thresholds.map((t) => t.ok)).toEqual([true, false]);
      expect(await rows('#checks tbody tr')).toEqual(
        result.checks.map((c) => [c.name, ...verdict(c.fails === 0)]),
      );
    });

    it('follows dark mode, and prints light with charts at page width and no clipped table', async () => {
      const watched = await watch(browser);
      const url = await show(watched, result, 'media');
      const { page } = watched;
      // The client redraws on the media change event: poll until the canvases use the new colours.
      const fewestSeriesPixels = async () =>
        Math.min(...(await drawnCharts(page)).map((chart) => chart.seriesPixels));
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await background(page)).toBe('rgb(13, 17, 23)');
      await expect.poll(fewestSeriesPixels).toBeGreaterThan(50);
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      expect(await background(page)).toBe('rgb(255, 255, 255)');
      await expect.poll(fewestSeriesPixels).toBeGreaterThan(50);
      const layout = await page.evaluate(() => ({
        page: document.documentElement.clientWidth,
        charts: [...document.querySelectorAll('.uplot')].map(
          (el) => el.getBoundingClientRect().width,
        ),
        clipped: [...document.querySelectorAll('.table-wrap')].filter(
          (el) => el.scrollWidth > el.clientWidth,
        ).length,
      }));
      for (const width of layout.charts) expect(width).toBeGreaterThan(layout.page * 0.9);
      expect(layout.clipped).toBe(0);
      expect(watched.errors).toEqual([]);
      expect(watched.requests).toEqual([url]);
      await page.close();
    });

    it("shows the consistency check's figures, missing ids and problems", async () => {
      const lost = buildRunResult({ consistency: 'lost' });
      const watched = await watch(browser);
      await show(watched, lost, 'consistency');
      const { page } = watched;
      const rows = await page.$$eval('#consistency tbody tr', (trs: BrowserElement[]) =>
        trs.map((tr) => ({
          kind: tr.dataset.kind,
          ok: tr.dataset.ok,
          figures: [tr.dataset.acknowledged, tr.dataset.stored, tr.dataset.sampled],
          ids: tr.cells[6]?.textContent,
        })),
      );
      expect(rows).toEqual(
        lost.consistency!.kinds.map((kind) => ({
          kind: kind.kind,
          ok: 'false',
          figures: [kind.acknowledged, kind.stored, kind.sampled].map(String),
          ids: kind.missing.join(', '),
        })),
      );
      const problems = await page.locator('#consistency-section .notice li').allTextContents();
      expect(problems).toEqual(lost.consistency!.problems);
      expect(await page.locator('.badge').textContent()).toBe(
        'FAILED: the target lost acknowledged writes',
      );
      expect(watched.errors).toEqual([]);
      await page.close();
    });

    it('renders edge cases and hostile strings with no error and no injected element', async () => {
      const fixture = buildRunResult();
      const stopped = { status: 'interrupted', reason: 'interrupted (SIGINT)' } as const;
      const cases = {
        hostile: variations.withHostileStrings(fixture),
        'no-requests': variations.withoutRequests(fixture),
        'untimed-name': variations.withUntimedRequestName(fixture),
        'one-second': variations.oneSecondLong(fixture),
        interrupted: variations.withoutIntervals(buildRunResult({ stopped })),
        'lost-writes': buildRunResult({ consistency: 'lost' }),
      };
      const watched = await watch(browser);
      for (const [name, input] of Object.entries(cases)) {
        const url = await show(watched, input, name);
        expect(watched.errors, name).toEqual([]);
        expect(watched.requests, name).toEqual([url]);
        const { page } = watched;
        expect(await page.evaluate(() => '__pwned' in window), name).toBe(false);
        expect(await page.locator('img, script[src]').count(), name).toBe(0);
        const charts = await page.locator('.chart').count();
        expect(charts > 0, name).toBe(input.intervals.length > 0);
        expect(await page.locator('.chart canvas').count(), name).toBe(charts);
      }
      await watched.page.close();
    });
  },
);

/** A new page that records console errors and warnings, uncaught errors and every request. */
async function watch(browser: Browser): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watched: Watched = { page, errors: [], requests: [] };
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('request', (request) => watched.requests.push(request.url()));
  return watched;
}

/** The report-mix scenario's routes: every 5th signup 503, feed after 5 ms, anything else 404. */
function reportMixHandler(): Parameters<typeof startTestServer>[0] {
  let signups = 0;
  return (req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/signup') {
        signups++;
        res.writeHead(signups % 5 === 0 ? 503 : 201, { 'content-type': 'application/json' });
        res.end('{}');
      } else if (req.url === '/feed') {
        setTimeout(() => res.writeHead(200).end('{"items":[]}'), 5);
      } else {
        res.writeHead(404).end();
      }
    });
  };
}

/** The browser objects the in-page callbacks touch: the project compiles without the DOM lib. */
interface BrowserElement {
  readonly id: string;
  readonly dataset: Record<string, string | undefined>;
  readonly clientWidth: number;
  readonly scrollWidth: number;
  readonly textContent: string | null;
  readonly cells: ArrayLike<BrowserElement>;
  getBoundingClientRect(): { readonly width: number };
  querySelector(selector: 'canvas'): {
    readonly width: number;
    readonly height: number;
    getContext(type: '2d'): { getImageData(...box: number[]): { data: Uint8ClampedArray } } | null;
  } | null;
}
declare const window: object;
declare const document: {
  readonly documentElement: BrowserElement;
  readonly body: BrowserElement;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
};
declare function getComputedStyle(element: BrowserElement): {
  readonly backgroundColor: string;
  getPropertyValue(name: string): string;
};

function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/**
 * Every chart after the client drew it: uPlot's non-null data points (the client copies the
 * count from the plot's data to `data-points`) and how many canvas pixels are within a small
 * distance of one of the page's series colours (axes and grid use other colours).
 */
function drawnCharts(page: Page) {
  return page.$$eval('.chart', (charts: BrowserElement[]) => {
    const style = getComputedStyle(document.documentElement);
    const palette = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => {
      const hex = style.getPropertyValue(`--series-${i}`).trim();
      return [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
    });
    const isSeriesColour = (data: Uint8ClampedArray, i: number) =>
      data[i + 3]! >= 200 &&
      palette.some(([r, g, b]) => {
        return (
          Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 24
        );
      });
    return charts.map((chart) => {
      const canvas = chart.querySelector('canvas');
      const context = canvas?.getContext('2d');
      let seriesPixels = 0;
      if (canvas && context) {
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) if (isSeriesColour(data, i)) seriesPixels++;
      }
      return { id: chart.id, points: Number(chart.dataset.points ?? 0), seriesPixels };
    });
  });
}
