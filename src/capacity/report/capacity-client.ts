/**
 * capacity.html's client script: draws every chart of the embedded capacity data with uPlot in
 * the page's colours (measured points, lines and dashed model curves), draws each chart's
 * markers as labelled vertical lines, and draws again when the colour scheme changes, when
 * printing and when the window is resized.
 *
 * Like the run report's client, these functions run in the browser: {@link
 * capacityClientSource} inlines their compiled text, so they may use only each other, their
 * parameters and browser globals (the run report's `readPalette` is inlined and passed in).
 */
import { type ClientWindow, type Palette, readPalette } from '../../report/html/chart-client.js';
import type { CapacityChart, CapacityData, ChartMarker } from './types.js';

interface CapacityWindow extends ClientWindow {
  readonly devicePixelRatio: number;
}

/** What a uPlot draw hook receives, as far as the markers need it (canvas pixels). */
interface DrawnPlot {
  readonly bbox: { readonly top: number; readonly height: number };
  readonly ctx: {
    font: string;
    fillStyle: string;
    strokeStyle: string;
    lineWidth: number;
    save(): void;
    restore(): void;
    setLineDash(segments: number[]): void;
    beginPath(): void;
    moveTo(x: number, y: number): void;
    lineTo(x: number, y: number): void;
    stroke(): void;
    fillText(text: string, x: number, y: number): void;
  };
  valToPos(value: number, scale: 'x', canvasPixels: true): number;
}

// `paletteOf` is the run report's readPalette, passed in rather than called by its imported
// name: a test runner's transform rewrites imported names, which the browser would not know.
function startCapacityReport(win: CapacityWindow, paletteOf: (win: ClientWindow) => Palette): void {
  const source = win.document.getElementById('capacity-data');
  const data = JSON.parse(source?.textContent ?? '{"charts":[]}') as CapacityData;
  let plots: { destroy(): void }[] = [];
  const draw = () => {
    for (const plot of plots) plot.destroy();
    plots = drawCapacityCharts(win, data.charts, paletteOf(win));
  };
  draw();
  // Colours come from CSS custom properties, which change with the scheme and for print.
  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);
  win.matchMedia('print').addEventListener('change', draw);
  for (const event of ['beforeprint', 'afterprint', 'resize']) win.addEventListener(event, draw);
}

function drawCapacityCharts(
  win: CapacityWindow,
  charts: readonly CapacityChart[],
  palette: Palette,
) {
  return charts.flatMap((spec) => {
    const target = win.document.getElementById(spec.id);
    if (target === null) return [];
    const options = capacityChartOptions(win, spec, palette, target.clientWidth);
    const plot = new win.uPlot(options, [spec.x, ...spec.series.map((s) => s.values)], target);
    const points = plot.data
      .slice(1)
      .flat()
      .filter((value) => value !== null).length;
    target.setAttribute('data-points', String(points));
    return [plot];
  });
}

function capacityChartOptions(
  win: CapacityWindow,
  spec: CapacityChart,
  palette: Palette,
  width: number,
): object {
  const axis = (label: string) => ({
    label,
    stroke: palette.text,
    grid: { stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.grid, width: 1 },
  });
  const series = spec.series.map((s, i) => {
    const colour = palette.series[i % palette.series.length];
    const points = { show: s.pointsOnly || spec.x.length <= 2, size: 8, fill: colour };
    const dash = s.dashed ? [6, 4] : undefined;
    return {
      label: s.label,
      stroke: colour,
      width: 2,
      dash,
      points,
      spanGaps: true,
      ...(s.pointsOnly ? { paths: () => null } : {}),
    };
  });
  return {
    width: Math.max(width, 240),
    height: 260,
    scales: {
      x: { time: false },
      // From zero, with headroom; an all-empty series still gets a 0–1 axis.
      y: {
        range: (_u: unknown, _min: number | null, max: number | null) => [0, (max ?? 0) * 1.1 || 1],
      },
    },
    axes: [axis(spec.xLabel), axis(spec.unit)],
    series: [{ label: spec.xLabel }, ...series],
    hooks: { draw: [(u: DrawnPlot) => drawMarkers(win, u, spec.markers, palette)] },
  };
}

function drawMarkers(
  win: CapacityWindow,
  u: DrawnPlot,
  markers: readonly ChartMarker[],
  palette: Palette,
): void {
  const ratio = win.devicePixelRatio || 1;
  const { ctx, bbox } = u;
  ctx.save();
  ctx.strokeStyle = palette.text;
  ctx.fillStyle = palette.text;
  ctx.lineWidth = ratio;
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  ctx.setLineDash([3 * ratio, 3 * ratio]);
  markers.forEach((marker, i) => {
    const x = Math.round(u.valToPos(marker.x, 'x', true));
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    // Stagger the labels so two markers close together stay readable.
    ctx.fillText(marker.label, x + 4 * ratio, bbox.top + (14 + 16 * i) * ratio);
  });
  ctx.restore();
}

const CLIENT_FUNCTIONS = [
  startCapacityReport,
  drawCapacityCharts,
  capacityChartOptions,
  drawMarkers,
  readPalette,
];

/**
 * The client script's source for capacity.html's `<script>`: the functions above in an IIFE
 * that starts on `window`. The same for every render of one build. Expects the global `uPlot`
 * (inlined before it) and the `#capacity-data` JSON element ({@link CapacityData}).
 */
export function capacityClientSource(): string {
  const functions = CLIENT_FUNCTIONS.map((fn) => fn.toString()).join('\n');
  return `(function () {\n'use strict';\n${functions}\nstartCapacityReport(window, readPalette);\n})();\n`;
}
