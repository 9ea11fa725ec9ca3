import { epochNow } from '../core/clock.js';
import type { ServicePoint, ServiceSide } from '../core/result.js';
import { type Exposition, parseExposition } from '../metrics/service/exposition.js';
import { type ServiceReading, servicePoint } from '../metrics/service/service-point.js';

/** What the scraper reads. */
export interface ServiceScrapeOptions {
  /** The target's Prometheus page, e.g. `http://127.0.0.1:8080/metrics`. */
  readonly url: string;
  /** `--target-metric` series to keep besides the standard ones. */
  readonly extra: readonly string[];
  /** Time between readings (ms); default 1000. */
  readonly everyMs?: number;
  /** Guessed, not asked for: when the first reading fails, reading stops there, with a note. */
  readonly optional?: boolean;
}

/** Longest a reading may take before it counts as missed (ms). */
const READ_TIMEOUT_MS = 900;

/** The User-Agent of every reading, so that a target's logs can tell them from the load. */
export const SCRAPER_USER_AGENT = 'launchday-target-metrics';

/** Largest page read (bytes): a bigger one is not a service's metrics, or not worth a second. */
const MAX_PAGE_BYTES = 8 * 2 ** 20;

/**
 * Reads the service's /metrics once a second on the main thread while the load runs, and
 * turns each pair of readings into a {@link ServicePoint}. A reading never blocks the run: it
 * is asynchronous, times out, and the next one is skipped while one is still out. A page that
 * fails (no answer, not 200, not Prometheus text) costs the points around it and leaves a
 * note; the run goes on.
 */
export class ServiceScraper {
  private readonly points: ServicePoint[] = [];
  private readonly failures = new Map<string, { first: number; count: number }>();
  private previous: ServiceReading | null = null;
  private reading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private loadStartMs = 0;
  private readings = 0;
  private gaveUp: string | null = null;

  constructor(private readonly options: ServiceScrapeOptions) {}

  /** Starts reading: now, then every second. */
  start(loadStartMs: number): void {
    this.loadStartMs = loadStartMs;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.options.everyMs ?? 1000);
    this.timer.unref();
  }

  /** The newest second, for live outputs; null before the second reading. */
  latest(): ServicePoint | null {
    return this.points.at(-1) ?? null;
  }

  /** Stops reading, after one last reading at the end of the load; the service's side. */
  async stop(): Promise<ServiceSide> {
    this.cancel();
    await this.reading;
    if (this.gaveUp === null) await this.read();
    const notes =
      this.gaveUp === null
        ? [...this.failures].map(([why, { first, count }]) => this.note(why, first, count))
        : [
            `no Prometheus page at ${this.options.url} (${this.gaveUp}): the service's side is not shown; name the page with --target-metrics URL, or turn this off with --no-target-metrics`,
          ];
    return {
      metricsUrl: this.options.url,
      extraMetrics: [...this.options.extra],
      points: this.points,
      notes,
    };
  }

  /** Stops reading at once, without a last reading (the run failed). */
  cancel(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    if (this.reading !== null) return;
    this.reading = this.read().finally(() => {
      this.reading = null;
    });
  }

  private async read(): Promise<void> {
    const atMs = epochNow();
    this.readings++;
    try {
      const page = parsePage(await this.fetchPage());
      const reading = { atMs, page };
      if (this.previous !== null)
        this.points.push(
          servicePoint(this.previous, reading, this.loadStartMs, this.options.extra),
        );
      this.previous = reading;
    } catch (error) {
      this.previous = null;
      const why = error instanceof Error ? error.message : String(error);
      if (this.options.optional && this.readings === 1) {
        this.gaveUp = why;
        this.cancel();
        return;
      }
      const failure = this.failures.get(why);
      if (failure === undefined) this.failures.set(why, { first: atMs, count: 1 });
      else failure.count++;
    }
  }

  private async fetchPage(): Promise<string> {
    const response = await fetch(this.options.url, {
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      headers: { accept: 'text/plain;version=0.0.4', 'user-agent': SCRAPER_USER_AGENT },
    }).catch((error: Error) => {
      const timedOut = error.name === 'TimeoutError';
      throw new Error(timedOut ? `no answer within ${READ_TIMEOUT_MS} ms` : 'no answer');
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`it answered ${response.status}`);
    }
    return readCapped(response);
  }

  private note(why: string, firstMs: number, count: number): string {
    const at = Math.max(0, (firstMs - this.loadStartMs) / 1000).toFixed(0);
    const times = count === 1 ? 'once' : `${count} times`;
    return `${this.options.url}: ${why} (${times}, first at ${at} s); the service's side misses the seconds around it`;
  }
}

/** The page parsed; throws one message for every way it is not Prometheus' text format. */
function parsePage(text: string): Exposition {
  let page: Exposition | undefined;
  try {
    page = parseExposition(text);
  } catch {
    // The parser names the bad line; one note for the page's format is enough.
  }
  if (page === undefined || page.samples.size === 0)
    throw new Error("it is not in Prometheus' text format");
  return page;
}

/** The response's body as text, refusing one past MAX_PAGE_BYTES without reading the rest. */
async function readCapped(response: Response): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of response.body ?? []) {
    bytes += chunk.byteLength;
    // Leaving the loop cancels the rest of the body.
    if (bytes > MAX_PAGE_BYTES)
      throw new Error(`its page is larger than ${MAX_PAGE_BYTES / 2 ** 20} MiB`);
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
