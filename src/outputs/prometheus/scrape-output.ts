import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LaunchdayError } from '../../core/errors.js';
import type { IntervalPoint } from '../../core/result.js';
import type { LiveState, Output, RunStart } from '../types.js';
import { LiveSeries } from './live-series.js';
import { renderTextFormat, TEXT_FORMAT_CONTENT_TYPE } from './text-format.js';

/** Options of {@link PrometheusScrapeOutput}. */
export interface ScrapeOptions {
  /** The address to listen on; default 127.0.0.1 (0.0.0.0 to be scraped from a container). */
  readonly host?: string;
  /** The port; 0 picks a free one (see {@link PrometheusScrapeOutput.port}). */
  readonly port: number;
  /** How long /metrics stays up after the run, ms, so the last scrape sees the end; default 5000. */
  readonly holdMs?: number;
}

/**
 * `--out prometheus=[HOST]:PORT`: serves the run's metrics on `/metrics` in Prometheus' text
 * format for scraping, under the same names and labels as the remote-write output (see
 * {@link LiveSeries}), trends as classic histograms. It listens from `start()`; after `end()`
 * it drops `launchday_run_active` and keeps serving the final values for `holdMs`, then closes.
 * Neither the server nor its connections keep the process alive; only the hold does.
 */
export class PrometheusScrapeOutput implements Output {
  private server: Server | undefined;
  private series: LiveSeries | undefined;
  private running = false;
  private holdTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ScrapeOptions) {}

  /** The port listened on once started (the chosen one when `port` was 0), else undefined. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async start({ runId, run }: RunStart): Promise<void> {
    this.series = new LiveSeries(runId, run);
    this.running = true;
    this.server = await listen(this.options.host ?? '127.0.0.1', this.options.port, (req, res) =>
      this.handle(req, res),
    );
  }

  interval(point: IntervalPoint, live: LiveState): void {
    this.series?.add(point, live);
  }

  end(): void {
    this.running = false;
    this.holdTimer = setTimeout(() => void this.close(), this.options.holdMs ?? 5000);
  }

  /** Closes the server now (the hold's end does it otherwise); idempotent. */
  async close(): Promise<void> {
    clearTimeout(this.holdTimer);
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('not found: try /metrics\n');
      return;
    }
    const body = renderTextFormat(this.series?.current(this.running) ?? []);
    res
      .writeHead(200, { 'content-type': TEXT_FORMAT_CONTENT_TYPE })
      .end(req.method === 'HEAD' ? undefined : body);
  }
}

function listen(
  host: string,
  port: number,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Server> {
  const server = createServer(handler);
  server.on('connection', (socket) => socket.unref());
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(host, port, error)));
    server.listen(port, host, () => {
      server.unref();
      resolve(server);
    });
  });
}

function listenError(host: string, port: number, error: NodeJS.ErrnoException): LaunchdayError {
  const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const why =
    error.code === 'EADDRINUSE'
      ? `${address} is already in use`
      : `cannot listen on ${address} (${error.message})`;
  return new LaunchdayError('LAUNCHDAY_ERR_USAGE', `--out prometheus=${address}: ${why}`, {
    hint: 'choose a free port, e.g. --out prometheus=:9464, or stop what listens there',
    issues: [{ path: '--out', message: why }],
    cause: error,
  });
}

/**
 * The scrape output for the programmatic API (`runScenario(file, { outputs: [...] })`); the CLI
 * builds the same from `--out prometheus=[HOST]:PORT`.
 */
export function prometheusScrape(options: ScrapeOptions): PrometheusScrapeOutput {
  return new PrometheusScrapeOutput(options);
}
