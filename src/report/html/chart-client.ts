/**
 * The report's client script: draws every chart of the embedded report data with uPlot, in the
 * page's colours, and draws them again when the colour scheme changes, when printing and when
 * the window is resized.
 *
 * These functions run in the browser, not in Node: {@link clientScriptSource} inlines their
 * compiled text (Function.prototype.toString), so they may use only each other, their
 * parameters and browser globals, never a module-level binding. tsc compiles and biome checks
 * them like any other source; the Chromium test runs them.
 */
import type { ChartSpec, ReportData } from './types.js';

/** The few DOM features the client uses (the project compiles without the DOM library). */
interface ClientElement {
  readonly textContent: string | null;
  readonly clientWidth: number;
  setAttribute(name: string, value: string): void;
}

interface Plot {
  readonly data: readonly (readonly (number | null)[])[];
  destroy(): void;
}

/** The browser window as the client scripts see it; the capacity report's client uses it too. */
export interface ClientWindow {
  readonly document: {
    readonly documentElement: ClientElement;
    getElementById(id: string): ClientElement | null;
  };
  getComputedStyle(element: ClientElement): { getPropertyValue(name: string): string };
  matchMedia(query: string): { addEventListener(type: 'change', listener: () => void): void };
  addEventListener(type: string, listener: () => void): void;
  readonly uPlot: new (
    options: object,
    data: readonly (readonly (number | null)[])[],
    target: ClientElement,
  ) => Plot;
}

/** The page's chart colours, read from its CSS custom properties. */
export interface Palette {
  readonly text: string;
  readonly grid: string;
  readonly series: readonly string[];
}

function startReport(win: ClientWindow): void {
  const source = win.document.getElementById('report-data');
  const data = JSON.parse(source?.textContent ?? '{"charts":[]}') as ReportData;
  let plots: Plot[] = [];
  const draw = () => {
    for (const plot of plots) plot.destroy();
    plots = drawCharts(win, data.charts);
  };
  draw();
  // Colours come from CSS custom properties, which change with the scheme and for print.
  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);
  win.matchMedia('print').addEventListener('change', draw);
  for (const event of ['beforeprint', 'afterprint', 'resize']) win.addEventListener(event, draw);
}

function drawCharts(win: ClientWindow, charts: readonly ChartSpec[]): Plot[] {
  const palette = readPalette(win);
  const plots: Plot[] = [];
  for (const spec of charts) {
    const target = win.document.getElementById(spec.id);
    if (target === null) continue;
    const data = [spec.x, ...spec.series.map((series) => series.values)];
    const plot = new win.uPlot(chartOptions(spec, palette, target.clientWidth), data, target);
    const points = plot.data
      .slice(1)
      .flat()
      .filter((value) => value !== null).length;
    target.setAttribute('data-points', String(points));
    plots.push(plot);
  }
  return plots;
}

function chartOptions(spec: ChartSpec, palette: Palette, width: number): object {
  const axis = (label: string, incrs?: number[]) => ({
    label,
    incrs,
    stroke: palette.text,
    grid: { stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.grid, width: 1 },
  });
  return {
    width: Math.max(width, 240),
    height: 240,
    scales: {
      // uPlot pads a single x value to a wide range; a one-second run wants its point centred.
      x: {
        time: false,
        range: (u: Plot, min: number, max: number) => {
          const only = u.data[0]?.length === 1 ? u.data[0][0] : null;
          return only === null || only === undefined ? [min, max] : [only - 0.5, only + 0.5];
        },
      },
      // From zero, with headroom; an all-empty series still gets a 0–1 axis.
      y: {
        range: (_u: Plot, _min: number | null, max: number | null) => [0, (max ?? 0) * 1.1 || 1],
      },
    },
    // Whole seconds on the time axis: the points are one-second intervals.
    axes: [
      axis(
        'seconds since start',
        [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 43200, 86400],
      ),
      axis(spec.unit),
    ],
    series: [{ label: 's' }, ...seriesOptions(spec, palette)],
  };
}

function seriesOptions(spec: ChartSpec, palette: Palette): object[] {
  return spec.series.map((series, i) => {
    const colour = palette.series[i % palette.series.length];
    return {
      label: series.label,
      stroke: colour,
      width: 2,
      dash: series.dashed ? [6, 4] : undefined,
      // Lines need two points: show the points themselves when a run is that short.
      points: { show: spec.x.length <= 2, size: 7, fill: colour },
    };
  });
}

/**
 * The colours of `--text`, `--grid` and `--series-1..8` on the page now. Runs in the browser:
 * the capacity report's client inlines it too (by its source text, see the module comment).
 */
export function readPalette(win: ClientWindow): Palette {
  const style = win.getComputedStyle(win.document.documentElement);
  const value = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: value('--text'),
    grid: value('--grid'),
    series: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => value(`--series-${i}`)),
  };
}

const CLIENT_FUNCTIONS = [startReport, drawCharts, chartOptions, seriesOptions, readPalette];

/**
 * The client script's source for `<script>`: the functions above in an IIFE that starts the
 * report on `window`. Its text is the compiled JavaScript of this module (tsc's output in dist,
 * the test runner's transform under vitest), so it is the same for every render of one build.
 * Expects the global `uPlot` (uPlot's IIFE build, inlined before it) and the
 * `#report-data` JSON element.
 */
export function clientScriptSource(): string {
  const functions = CLIENT_FUNCTIONS.map((fn) => fn.toString()).join('\n');
  return `(function () {\n'use strict';\n${functions}\nstartReport(window);\n})();\n`;
}
