/**
 * history.html's client script: draws each metric's chart of the embedded history data with
 * uPlot in the page's colours (the values solid, the segment means dashed), marks every change
 * point with a vertical line between its two runs (`--fail` for the worse, `--pass` for the
 * better), and draws again when the colour scheme changes, when printing and on resize.
 *
 * Like the run report's client, these functions run in the browser: {@link
 * historyClientSource} inlines their compiled text, so they may use only each other, their
 * parameters and browser globals (the run report's `readPalette` is inlined and passed in).
 */
import { type ClientWindow, type Palette, readPalette } from '../html/chart-client.js';
import type { HistoryChart, HistoryData } from './types.js';

/** The colours of the change-point lines. */
interface MarkColours {
  readonly worse: string;
  readonly better: string;
}

/** What the marking hook uses of a uPlot instance. */
interface DrawnPlot {
  readonly ctx: {
    save(): void;
    restore(): void;
    beginPath(): void;
    moveTo(x: number, y: number): void;
    lineTo(x: number, y: number): void;
    stroke(): void;
    setLineDash(segments: number[]): void;
    strokeStyle: string;
    lineWidth: number;
  };
  readonly bbox: { left: number; top: number; width: number; height: number };
  valToPos(value: number, scale: string, canvasPixels: boolean): number;
}

// `paletteOf` is the run report's readPalette, passed in rather than called by its imported
// name: a test runner's transform rewrites imported names, which the browser would not know.
function startHistoryReport(win: ClientWindow, paletteOf: (win: ClientWindow) => Palette): void {
  const source = win.document.getElementById('history-data');
  const data = JSON.parse(source?.textContent ?? '{"charts":[]}') as HistoryData;
  let plots: { destroy(): void }[] = [];
  const draw = () => {
    for (const plot of plots) plot.destroy();
    const style = win.getComputedStyle(win.document.documentElement);
    const marks = {
      worse: style.getPropertyValue('--fail').trim(),
      better: style.getPropertyValue('--pass').trim(),
    };
    plots = drawHistoryCharts(win, data.charts, paletteOf(win), marks);
  };
  draw();
  // Colours come from CSS custom properties, which change with the scheme and for print.
  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);
  win.matchMedia('print').addEventListener('change', draw);
  for (const event of ['beforeprint', 'afterprint', 'resize']) win.addEventListener(event, draw);
}

function drawHistoryCharts(
  win: ClientWindow,
  charts: readonly HistoryChart[],
  palette: Palette,
  marks: MarkColours,
) {
  return charts.flatMap((spec) => {
    const target = win.document.getElementById(spec.id);
    if (target === null) return [];
    const options = historyChartOptions(spec, palette, marks, target.clientWidth);
    const plot = new win.uPlot(options, [spec.x, ...spec.series.map((s) => s.values)], target);
    const points = plot.data[1]!.filter((value) => value !== null).length;
    target.setAttribute('data-points', String(points));
    target.setAttribute('data-changes', String(spec.changes.length));
    return [plot];
  });
}

/**
 * uPlot's options for `spec` in `palette` at `width` pixels: x over the runs' positions (whole
 * runs, half a run of margin), y from zero in the spec's unit, the legend naming each run by
 * its label, and a draw hook that marks each change point. Runs in the browser (exported for
 * its unit test).
 */
export function historyChartOptions(
  spec: HistoryChart,
  palette: Palette,
  marks: MarkColours,
  width: number,
): object {
  const axis = (label: string, extra: object = {}) => ({
    label,
    stroke: palette.text,
    grid: { stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.grid, width: 1 },
    ...extra,
  });
  const last = spec.x.length === 0 ? 1 : spec.x[spec.x.length - 1]!;
  const series = spec.series.map((s, i) => {
    const colour = palette.series[i === 0 ? 0 : 4]!;
    return {
      label: s.label,
      stroke: colour,
      width: 2,
      dash: s.dashed ? [6, 4] : undefined,
      points: { show: !s.dashed, size: 6, fill: colour },
    };
  });
  const runName = (_u: unknown, x: number | null) =>
    x === null ? '–' : `run ${x} (${spec.runLabels[x - 1] ?? ''})`;
  return {
    width: Math.max(width, 240),
    height: 260,
    scales: {
      x: { time: false, range: () => [0.5, last + 0.5] },
      y: {
        range: (_u: unknown, _min: number | null, max: number | null) => [0, (max ?? 0) * 1.1 || 1],
      },
    },
    axes: [axis('run', { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }), axis(spec.unit)],
    series: [{ label: 'run', value: runName }, ...series],
    hooks: { draw: [(u: DrawnPlot) => markChanges(u, spec, marks)] },
  };
}

/** Draws a vertical line half a run before each change point, over the plot's height. */
function markChanges(u: DrawnPlot, spec: HistoryChart, marks: MarkColours): void {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.lineWidth = 3;
  ctx.setLineDash([]);
  for (const change of spec.changes) {
    const x = Math.round(u.valToPos(change.position - 0.5, 'x', true));
    ctx.strokeStyle = change.worse ? marks.worse : marks.better;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
  }
  ctx.restore();
}

const CLIENT_FUNCTIONS = [
  startHistoryReport,
  drawHistoryCharts,
  historyChartOptions,
  markChanges,
  readPalette,
];

/**
 * The client script's source for history.html's `<script>`: the functions above in an IIFE
 * that starts on `window`. The same for every render of one build. Expects the global `uPlot`
 * (inlined before it) and the `#history-data` JSON element ({@link HistoryData}).
 */
export function historyClientSource(): string {
  const functions = CLIENT_FUNCTIONS.map((fn) => fn.toString()).join('\n');
  return `(function () {\n'use strict';\n${functions}\nstartHistoryReport(window, readPalette);\n})();\n`;
}
