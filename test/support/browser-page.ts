import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { systemProgram } from './system-program.js';

/** The apt package's Chromium, looked up once per test file. */
const CHROMIUM = systemProgram('chromium', 'chromium');

/** Headless Chromium flags for a sandbox-less, offline test box: no GPU, no background traffic. */
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
export interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

/** One chart as the report's client drew it (see {@link drawnCharts}). */
export interface DrawnChart {
  /** The chart element's id. */
  readonly id: string;
  /** uPlot's non-null data points, from the chart's `data-points` attribute. */
  readonly points: number;
  /** Canvas pixels close to one of the page's `--series-N` colours. */
  readonly seriesPixels: number;
}

/**
 * The browser objects the in-page callbacks of the report tests touch: the project compiles
 * without the DOM lib. Type the element parameters of `$$eval` callbacks with it.
 */
export interface BrowserElement {
  readonly id: string;
  readonly dataset: Record<string, string | undefined>;
  readonly clientWidth: number;
  readonly scrollWidth: number;
  readonly textContent: string | null;
  readonly cells: ArrayLike<BrowserElement>;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
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

/** The headless Chromium of a {@link describeInChromium} suite: launched before its tests. */
export interface ChromiumSuite {
  /** Opens a new {@link Watched} page; call it from the suite's hooks and tests. */
  watch(): Promise<Watched>;
}

/**
 * Declares the suite `<subject> in headless Chromium`, skipped (the title naming the apt package)
 * where Chromium is not installed. Launches Chromium before the suite's tests, hands `body` the
 * means to open pages in it, and closes it (with every page) after them.
 */
export function describeInChromium(subject: string, body: (chromium: ChromiumSuite) => void): void {
  const title = `${subject} in headless Chromium ${CHROMIUM.requirement}`;
  let browser: Browser | undefined;
  const suite: ChromiumSuite = {
    watch: () => {
      if (!browser) throw new Error('Chromium is not running: open pages in hooks and tests');
      return watch(browser);
    },
  };
  describe.skipIf(CHROMIUM.path === null)(title, () => {
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM.path!, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await browser?.close();
    });
    body(suite);
  });
}

/**
 * Chromium's hint when a canvas is read back often: the tests' own pixel counts
 * ({@link drawnCharts}) cause it, not the page, so it is not the page's warning.
 */
const TEST_READBACK_HINT = /^Canvas2D: Multiple readback operations using getImageData/;

/** A new 1280×900 page that records console errors and warnings, uncaught errors and every request. */
async function watch(browser: Browser): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watched: Watched = { page, errors: [], requests: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (['error', 'warning'].includes(message.type()) && !TEST_READBACK_HINT.test(text)) {
      watched.errors.push(text);
    }
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('request', (request) => watched.requests.push(request.url()));
  return watched;
}

/** Forgets what `watched` recorded, opens the local `file` in it and returns the file:// URL. */
export async function openFile(watched: Watched, file: string): Promise<string> {
  watched.errors.length = 0;
  watched.requests.length = 0;
  const url = pathToFileURL(file).href;
  await watched.page.goto(url);
  return url;
}

/** Whether the page's window has a property `name` (a library it loaded, an injected marker). */
export function hasGlobal(page: Page, name: string): Promise<boolean> {
  return page.evaluate((key) => key in window, name);
}

/** Saves a full-page PNG of `page` to test/artifacts/`<name>`.png for a human to look at. */
export async function screenshotArtifact(page: Page, name: string): Promise<void> {
  const path = new URL(`../artifacts/${name}.png`, import.meta.url).pathname;
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

/** The computed CSS background colour of the page's body, as `rgb(r, g, b)`. */
function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/**
 * Every `.chart` after the client drew it: uPlot's non-null data points (the client copies the
 * count from the plot's data to `data-points`) and how many canvas pixels are within a small
 * distance of one of the page's series colours (axes and grid use other colours).
 */
export function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.$$eval('.chart', (charts: BrowserElement[]) => {
    const style = getComputedStyle(document.documentElement);
    const palette = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => {
      const hex = style.getPropertyValue(`--series-${i}`).trim();
      return [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
    });
    const isSeriesColour = (data: Uint8ClampedArray, i: number) =>
      data[i + 3]! >= 200 &&
      palette.some(
        ([r, g, b]) =>
          Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 24,
      );
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

/**
 * Asserts that `watched` has just opened `url` cleanly: no console or page error, no request
 * but the document, no `__pwned` marker from injected markup and no image or external script.
 * `label` names the case in failure messages.
 */
export async function expectCleanOpen(watched: Watched, url: string, label: string): Promise<void> {
  const { page } = watched;
  expect(watched.errors, label).toEqual([]);
  expect(watched.requests, label).toEqual([url]);
  expect(await hasGlobal(page, '__pwned'), label).toBe(false);
  expect(await page.locator('img, script[src]').count(), label).toBe(0);
}

/**
 * Asserts that an open report follows dark mode, then prints light on an A4-wide page with every
 * chart at page width and no table clipped. The client redraws on the media change event, so it
 * polls until every canvas has series pixels in the new colours. Leaves the page in print media.
 */
export async function expectDarkModeAndPrint(page: Page): Promise<void> {
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
    charts: [...document.querySelectorAll('.uplot')].map((el) => el.getBoundingClientRect().width),
    clipped: [...document.querySelectorAll('.table-wrap')].filter(
      (el) => el.scrollWidth > el.clientWidth,
    ).length,
  }));
  for (const width of layout.charts) expect(width).toBeGreaterThan(layout.page * 0.9);
  expect(layout.clipped).toBe(0);
}
