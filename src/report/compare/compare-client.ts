/**
 * compare.html's client script: draws every chart of the embedded comparison data with uPlot in
 * the page's colours (each series in the palette entry its spec names, candidates dashed), the
 * percentile plots on a log scale ticked at 0, 90, 99, 99.9, …, and draws again when the colour
 * scheme changes, when printing and when the window is resized.
 *
 * Like the run report's client, these functions run in the browser: {@link
 * compareClientSource} inlines their compiled text, so they may use only each other, their
 * parameters and browser globals (the run report's `readPalette` is inlined and passed in).
 */
import { type ClientWindow, type Palette, readPalette } from '../html/chart-client.js';
import type { CompareChart, CompareData } from './types.js';

// `paletteOf` is the run report's readPalette, passed in rather than called by its imported
// name: a test runner's transform rewrites imported names, which the browser would not know.
function startCompareReport(win: ClientWindow, paletteOf: (win: ClientWindow) => Palette): void {
  const source = win.document.getElementById('compare-data');
  const data = JSON.parse(source?.textContent ?? '{"charts":[]}') as CompareData;
  let plots: { destroy(): void }[] = [];
  const draw = () => {
    for (const plot of plots) plot.destroy();
    plots = drawCompareCharts(win, data.charts, paletteOf(win));
  };
  draw();
  // Colours come from CSS custom properties, which change with the scheme and for print.
  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);
  win.matchMedia('print').addEventListener('change', draw);
  for (const event of ['beforeprint', 'afterprint', 'resize']) win.addEventListener(event, draw);
}

function drawCompareCharts(win: ClientWindow, charts: readonly CompareChart[], palette: Palette) {
  return charts.flatMap((spec) => {
    const target = win.document.getElementById(spec.id);
    if (target === null) return [];
    const options = compareChartOptions(spec, palette, target.clientWidth);
    const plot = new win.uPlot(options, [spec.x, ...spec.series.map((s) => s.values)], target);
    const points = plot.data
      .slice(1)
      .flat()
      .filter((value) => value !== null).length;
    target.setAttribute('data-points', String(points));
    return [plot];
  });
}

/**
 * uPlot's options for `spec` in `palette` at `width` pixels: y from zero in the spec's unit, x
 * in seconds or, for a percentile plot, on a log scale ticked at each nine. Runs in the browser
 * (exported for its unit test).
 */
export function compareChartOptions(spec: CompareChart, palette: Palette, width: number): object {
  const axis = (name: string, extra: object = {}) => ({
    label: name,
    stroke: palette.text,
    grid: { stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.grid, width: 1 },
    ...extra,
  });
  const x = spec.xAxis === 'percentile' ? percentileScale() : secondsScale();
  const series = spec.series.map((s) => {
    const colour = palette.series[s.colour % palette.series.length];
    return {
      label: s.label,
      stroke: colour,
      width: 2,
      dash: s.dashed ? [6, 4] : undefined,
      spanGaps: spec.xAxis === 'percentile',
      points: { show: spec.x.length <= 2, size: 7, fill: colour },
    };
  });
  return {
    width: Math.max(width, 240),
    height: 260,
    scales: {
      x: x.scale,
      // From zero, with headroom; an all-empty series still gets a 0–1 axis.
      y: {
        range: (_u: unknown, _min: number | null, max: number | null) => [0, (max ?? 0) * 1.1 || 1],
      },
    },
    axes: [axis(x.label, x.axis), axis(spec.unit)],
    series: [x.series, ...series],
  };
}

/** The x scale, axis and legend entry of a chart over seconds since each run's start. */
function secondsScale() {
  // Whole seconds on the axis, as in report.html: the points are one-second slices.
  const incrs = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 43200, 86400];
  return {
    label: 'seconds since start',
    scale: { time: false },
    axis: { incrs },
    series: { label: 's' },
  };
}

/**
 * The x scale of an HDR percentile plot: log 10 over x = 1/(1 − p/100), a tick at each power
 * of ten, and ticks and legend read as the percentile x stands for (1000 → 99.9).
 */
function percentileScale() {
  const percentile = (x: number) => String(Number((100 * (1 - 1 / x)).toFixed(4)));
  const decades = (_u: unknown, _axis: number, min: number, max: number) => {
    const ticks: number[] = [];
    for (let x = 1; x <= max * 1.000001; x *= 10) if (x >= min / 1.000001) ticks.push(x);
    return ticks;
  };
  return {
    label: 'percentile',
    scale: { time: false, distr: 3, log: 10 },
    axis: { splits: decades, values: (_u: unknown, ticks: number[]) => ticks.map(percentile) },
    series: {
      label: 'percentile',
      value: (_u: unknown, x: number | null) => (x === null ? '–' : percentile(x)),
    },
  };
}

const CLIENT_FUNCTIONS = [
  startCompareReport,
  drawCompareCharts,
  compareChartOptions,
  secondsScale,
  percentileScale,
  readPalette,
];

/**
 * The client script's source for compare.html's `<script>`: the functions above in an IIFE
 * that starts on `window`. The same for every render of one build. Expects the global `uPlot`
 * (inlined before it) and the `#compare-data` JSON element ({@link CompareData}).
 */
export function compareClientSource(): string {
  const functions = CLIENT_FUNCTIONS.map((fn) => fn.toString()).join('\n');
  return `(function () {\n'use strict';\n${functions}\nstartCompareReport(window, readPalette);\n})();\n`;
}
