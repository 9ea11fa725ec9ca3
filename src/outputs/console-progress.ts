import type { ResolvedRun, ResolvedWorkload } from '../config/types.js';
import { formatDuration } from '../core/duration.js';
import type { IntervalPoint } from '../core/result.js';
import type { ThresholdResult } from '../metrics/threshold-types.js';
import { type Ansi, createAnsi, truncateVisible } from '../report/ansi.js';
import { formatErrorClasses, formatLiveRate, formatMs, formatPercent } from '../report/format.js';
import { alignColumns } from '../report/table.js';
import { formatObserved } from '../report/verdicts.js';
import type { LiveState, Output, RunStart } from './types.js';

/** Where the progress goes: stderr or stdout, with Node's TTY fields when it is a terminal. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** Options of {@link ConsoleProgress}. */
export interface ConsoleProgressOptions {
  /** Style with ANSI colours (TTY only). */
  readonly color: boolean;
  /** Without a TTY, the least run time between two plain lines, ms. Default 5000. */
  readonly plainEveryMs?: number;
}

/** Seconds of history the live view sums rates and errors over. */
const WINDOW_SECONDS = 5;
const BAR_WIDTH = 20;
const FAILING_SHOWN = 3;

/** Rates and errors summed over the last few per-second points. */
interface Window {
  seconds: number;
  requests: number;
  failed: number;
  errors: Record<string, number>;
  dropped: number;
}

/**
 * The live console progress (`launchday run` writes it to stderr). On a TTY it redraws a small
 * block in place once a second: per workload a progress bar, target vs achieved rate, VUs, in
 * flight and drops; for the run, requests/s and errors over the last 5 s, p50/p99 of the last
 * second, and the thresholds failing now. Without a TTY (CI) it prints one plain line at most
 * every `plainEveryMs` of run time. `end()` clears the live block; the CLI prints the summary.
 * Each call does a few small loops and one write: cheap at once a second.
 */
export class ConsoleProgress implements Output {
  private readonly ansi: Ansi;
  private readonly tty: boolean;
  private readonly plainEveryMs: number;
  private run: ResolvedRun | undefined;
  /** TTY: the last {@link WINDOW_SECONDS} points; plain: the points since the last line. */
  private recent: IntervalPoint[] = [];
  private readonly droppedTotal = new Map<string, number>();
  private drawnLines = 0;
  private lastPlainMs = 0;

  constructor(
    private readonly stream: ProgressStream,
    options: ConsoleProgressOptions,
  ) {
    this.tty = stream.isTTY === true;
    this.ansi = createAnsi(options.color && this.tty);
    this.plainEveryMs = options.plainEveryMs ?? 5000;
  }

  start(start: RunStart): void {
    this.run = start.run;
  }

  interval(point: IntervalPoint, live: LiveState): void {
    this.recent.push(point);
    for (const [name, w] of Object.entries(point.workloads)) {
      this.droppedTotal.set(name, (this.droppedTotal.get(name) ?? 0) + w.dropped);
    }
    if (this.tty) {
      if (this.recent.length > WINDOW_SECONDS) this.recent.shift();
      this.redraw(this.liveLines(point, live));
      return;
    }
    if (live.elapsedMs - this.lastPlainMs < this.plainEveryMs) return;
    this.lastPlainMs = live.elapsedMs;
    this.stream.write(`${this.plainLine(point, live)}\n`);
    this.recent = [];
  }

  end(): void {
    if (this.tty) this.redraw([]);
  }

  private redraw(lines: readonly string[]): void {
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    const clear = this.drawnLines > 0 ? `\x1b[${this.drawnLines}A\x1b[J` : '';
    const body = lines.map((line) => `${truncateVisible(line, width)}\n`).join('');
    this.drawnLines = lines.length;
    if (clear !== '' || body !== '') this.stream.write(clear + body);
  }

  private liveLines(point: IntervalPoint, live: LiveState): string[] {
    const { ansi } = this;
    const window = sumWindow(this.recent);
    const header = `${ansi.bold(this.run?.scenario.name ?? 'launchday')}  ${this.elapsedText(live.elapsedMs)}`;
    const workloads = alignColumns(
      (this.run?.workloads ?? []).map((workload) =>
        this.workloadCells(workload, point, live.elapsedMs),
      ),
      ['left', 'left', 'right'],
    );
    return [
      header,
      ...workloads,
      this.requestLine(point, window),
      ...this.thresholdLines(live.thresholds),
    ];
  }

  private workloadCells(
    workload: ResolvedWorkload,
    point: IntervalPoint,
    elapsedMs: number,
  ): string[] {
    const { plan } = workload;
    const w = point.workloads[workload.name];
    const progress = clamp((elapsedMs - plan.startTimeMs) / Math.max(1, plan.durationMs));
    const filled = Math.round(progress * BAR_WIDTH);
    const bar = `[${this.ansi.cyan('█'.repeat(filled))}${this.ansi.dim('░'.repeat(BAR_WIDTH - filled))}]`;
    const rates =
      plan.model === 'arrival-rate'
        ? `target ${formatLiveRate(w?.target ?? 0)}/s  achieved ${formatLiveRate(w?.started ?? 0)}/s`
        : `VUs ${w?.vus ?? 0} of ${w?.target ?? 0}  ${formatLiveRate(w?.started ?? 0)} it/s`;
    const dropped = this.droppedTotal.get(workload.name) ?? 0;
    return [
      workload.name,
      bar,
      `${Math.round(progress * 100)}%`,
      rates,
      `in flight ${w?.inFlight ?? 0}`,
      `dropped ${dropped > 0 ? this.ansi.yellow(String(dropped)) : '0'} total`,
    ];
  }

  private requestLine(point: IntervalPoint, window: Window): string {
    const errorShare = formatPercent(window.requests > 0 ? window.failed / window.requests : 0);
    const errors =
      window.failed > 0
        ? this.ansi.red(`${errorShare} (${formatErrorClasses(window.errors)})`)
        : errorShare;
    return (
      `requests ${formatLiveRate(window.requests / window.seconds)}/s, errors ${errors} ` +
      `${this.ansi.dim(`(last ${window.seconds}s)`)}   ` +
      `p50 ${formatMs(point.latency.p50)} ms  p99 ${formatMs(point.latency.p99)} ms ${this.ansi.dim('(last 1s)')}`
    );
  }

  private thresholdLines(thresholds: readonly ThresholdResult[]): string[] {
    if (thresholds.length === 0) return [];
    const failing = thresholds.filter((t) => !t.ok);
    if (failing.length === 0)
      return [this.ansi.green(`thresholds: all ${thresholds.length} passing so far`)];
    const lines = failing
      .slice(0, FAILING_SHOWN)
      .map((t) => this.ansi.red(`✗ ${describeThreshold(t)}`));
    if (failing.length > FAILING_SHOWN)
      lines.push(this.ansi.red(`  and ${failing.length - FAILING_SHOWN} more`));
    return [`thresholds failing now: ${failing.length} of ${thresholds.length}`, ...lines];
  }

  private plainLine(point: IntervalPoint, live: LiveState): string {
    const window = sumWindow(this.recent);
    const inFlight = Object.values(point.workloads).reduce((sum, w) => sum + w.inFlight, 0);
    const failing = live.thresholds.filter((t) => !t.ok).length;
    const parts = [
      `[launchday] ${this.elapsedText(live.elapsedMs)}`,
      `last ${window.seconds}s: ${formatLiveRate(window.requests / window.seconds)} req/s, ` +
        `errors ${window.failed}${window.failed > 0 ? ` (${formatErrorClasses(window.errors)})` : ''}, ` +
        `dropped ${window.dropped}`,
      `last 1s: p50 ${formatMs(point.latency.p50)} ms, p99 ${formatMs(point.latency.p99)} ms`,
      `in flight ${inFlight}`,
    ];
    if (failing > 0) parts.push(`thresholds failing ${failing}`);
    return parts.join(' | ');
  }

  private elapsedText(elapsedMs: number): string {
    const planned = this.run === undefined ? '' : ` / ${formatDuration(this.run.durationMs)}`;
    return `${formatDuration(elapsedMs)}${planned}`;
  }
}

function sumWindow(points: readonly IntervalPoint[]): Window {
  const window: Window = {
    seconds: Math.max(1, points.length),
    requests: 0,
    failed: 0,
    errors: {},
    dropped: 0,
  };
  for (const point of points) {
    window.requests += point.requests;
    window.failed += point.failed;
    for (const [errorClass, count] of Object.entries(point.errors)) {
      window.errors[errorClass] = (window.errors[errorClass] ?? 0) + count;
    }
    for (const w of Object.values(point.workloads)) window.dropped += w.dropped;
  }
  return window;
}

function describeThreshold(t: ThresholdResult): string {
  return `${t.key} ${t.expression} (${formatObserved({ metric: t.key, expression: t.expression, observed: t.observed })})`;
}

function clamp(fraction: number): number {
  return Math.min(1, Math.max(0, fraction));
}
