import { type ChildProcess, spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { delay } from '../../src/core/clock.js';
import { tempDir } from './cli.js';
import { systemProgram } from './system-program.js';

/**
 * Debian's Prometheus (2.42) for the tests that drive a real one. Import it and skip with
 * `describe.skipIf(PROMETHEUS.path === null)(`... ${PROMETHEUS.requirement}`)`; under
 * LAUNCHDAY_REQUIRE_SYSTEM_TESTS=1 a missing program fails instead.
 */
export const PROMETHEUS = systemProgram('prometheus', 'prometheus');

/** What {@link startPrometheus} takes. */
export interface PrometheusOptions {
  /** The prometheus.yml to run with, as YAML text. */
  readonly config: string;
  /** Accept remote write on /api/v1/write (`--web.enable-remote-write-receiver`). */
  readonly remoteWrite?: boolean;
  /** Store native histograms (`--enable-feature=native-histograms`). */
  readonly nativeHistograms?: boolean;
  /** How long to wait for /-/ready (ms); default 30,000. */
  readonly readyTimeoutMs?: number;
}

/** One series of a query answer: its labels and its float or native-histogram sample(s). */
export interface PromSeries {
  readonly metric: Readonly<Record<string, string>>;
  /** Instant float sample: [unix seconds, value as text]. */
  readonly value?: readonly [number, string];
  /** Instant native-histogram sample: [unix seconds, histogram as the HTTP API gives it]. */
  readonly histogram?: readonly [number, PromHistogram];
  /** Range float samples. */
  readonly values?: readonly (readonly [number, string])[];
  /** Range native-histogram samples. */
  readonly histograms?: readonly (readonly [number, PromHistogram])[];
}

/** A native histogram sample as Prometheus' HTTP API writes it (counts and sums as text). */
export interface PromHistogram {
  readonly count: string;
  readonly sum: string;
  /** [boundary rule, lower, upper, count]: rule 0..3 says which bounds are inclusive. */
  readonly buckets?: readonly (readonly [number, string, string, string])[];
}

/** The step and window of a range query, in unix seconds (step in seconds). */
export interface RangeQuery {
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

/** A Prometheus server started by {@link startPrometheus} on 127.0.0.1. */
export interface PrometheusProcess {
  /** e.g. `http://127.0.0.1:41234`; remote write goes to `${url}/api/v1/write`. */
  readonly url: string;
  readonly pid: number;
  /** The TSDB folder (inside a temp folder that {@link stop} deletes). */
  readonly dataDir: string;
  /** Everything Prometheus logged so far (its log goes to stderr). */
  log(): string;
  /** SIGTERM by PID, SIGKILL after 10 s; resolves once the process is gone and its files too. */
  stop(): Promise<void>;
  /** Instant query; `time` in unix seconds (default now). Throws on a query error. */
  query(expr: string, time?: number): Promise<PromSeries[]>;
  /** Range query over `range`. Throws on a query error. */
  queryRange(expr: string, range: RangeQuery): Promise<PromSeries[]>;
  /**
   * Polls `expr` (every 200 ms) until `predicate` holds for its answer, and resolves with that
   * answer; rejects with the last answer after `timeoutMs`.
   */
  waitFor(
    expr: string,
    predicate: (series: PromSeries[]) => boolean,
    timeoutMs: number,
  ): Promise<PromSeries[]>;
}

const POLL_MS = 200;
const READY_POLL_MS = 100;
const KILL_AFTER_MS = 10_000;
const LOG_LIMIT = 64 * 1024;
const PORT_ATTEMPTS = 3;

/**
 * Starts /usr/bin/prometheus with `options.config` on a free port of 127.0.0.1 and a fresh
 * TSDB in a temp folder, and resolves once /-/ready answers 200. Call only when
 * {@link PROMETHEUS} found the program; stop it in afterAll/afterEach.
 */
export async function startPrometheus(options: PrometheusOptions): Promise<PrometheusProcess> {
  const program = PROMETHEUS.path;
  if (program === null) throw new Error(`prometheus is not installed ${PROMETHEUS.requirement}`);
  // Another process may take the port between our probe and Prometheus' bind: try again then.
  for (let attempt = 1; ; attempt++) {
    const server = await launch(program, options, await freePort());
    try {
      await waitReady(server, options.readyTimeoutMs ?? 30_000);
      return server;
    } catch (error) {
      const portTaken = server.log().includes('address already in use');
      await server.stop();
      if (!portTaken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

function prometheusArgs(options: PrometheusOptions, dir: string, port: number): string[] {
  return [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    ...(options.remoteWrite ? ['--web.enable-remote-write-receiver'] : []),
    ...(options.nativeHistograms ? ['--enable-feature=native-histograms'] : []),
  ];
}

interface LaunchedPrometheus extends PrometheusProcess {
  readonly child: ChildProcess;
}

/** Writes the config into a fresh temp folder and spawns Prometheus on `port`. */
async function launch(
  program: string,
  options: PrometheusOptions,
  port: number,
): Promise<LaunchedPrometheus> {
  const dir = await tempDir('launchday-prometheus-');
  await writeFile(join(dir, 'prometheus.yml'), options.config);
  const child = spawn(program, prometheusArgs(options, dir, port), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-LOG_LIMIT);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      log += `${error.message}\n`;
      resolve();
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    ...queryApi(url),
    url,
    pid: child.pid!,
    dataDir: join(dir, 'data'),
    child,
    log: () => log,
    stop: async () => {
      await stopByPid(child, exited);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function stopByPid(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  signal(pid, 'SIGTERM');
  const timer = setTimeout(() => signal(pid, 'SIGKILL'), KILL_AFTER_MS);
  await exited;
  clearTimeout(timer);
}

/** Sends `name` to `pid`; a process that is already gone is what we wanted. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function waitReady(server: LaunchedPrometheus, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (server.child.exitCode === null && server.child.signalCode === null) {
    // Prometheus' own answer, not another server's that took the port before it could.
    const ready = await fetch(`${server.url}/-/ready`).then(
      async (response) =>
        response.status === 200 && /Prometheus.*Ready/.test(await response.text()),
      () => false,
    );
    if (ready) return;
    if (Date.now() >= deadline)
      throw new Error(`prometheus was not ready within ${timeoutMs} ms:\n${server.log()}`);
    await delay(READY_POLL_MS);
  }
  throw new Error(`prometheus exited before it was ready:\n${server.log()}`);
}

function queryApi(url: string): Pick<PrometheusProcess, 'query' | 'queryRange' | 'waitFor'> {
  const query = (expr: string, time?: number) =>
    apiGet(url, '/api/v1/query', {
      query: expr,
      ...(time !== undefined && { time: String(time) }),
    });
  return {
    query,
    queryRange: (expr, { start, end, step }) =>
      apiGet(url, '/api/v1/query_range', {
        query: expr,
        start: String(start),
        end: String(end),
        step: String(step),
      }),
    waitFor: async (expr, predicate, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const series = await query(expr);
        if (predicate(series)) return series;
        if (Date.now() >= deadline)
          throw new Error(
            `'${expr}' did not match within ${timeoutMs} ms; last answer: ${JSON.stringify(series)}`,
          );
        await delay(POLL_MS);
      }
    },
  };
}

interface ApiAnswer {
  readonly status: string;
  readonly error?: string;
  readonly data?: { readonly resultType: string; readonly result: unknown };
}

async function apiGet(
  url: string,
  path: string,
  params: Record<string, string>,
): Promise<PromSeries[]> {
  const response = await fetch(`${url}${path}?${new URLSearchParams(params)}`);
  const answer = (await response.json()) as ApiAnswer;
  if (answer.status !== 'success' || answer.data === undefined)
    throw new Error(`prometheus rejected '${params.query}': ${answer.error ?? response.status}`);
  const { resultType, result } = answer.data;
  // A scalar answers [time, value]: give it the shape of a one-series vector.
  if (resultType === 'scalar') return [{ metric: {}, value: result as [number, string] }];
  return result as PromSeries[];
}

/** A port of 127.0.0.1 free right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
