import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { delay } from '../../core/clock.js';
import { LaunchdayError } from '../../core/errors.js';
import { exitOf, spawnTarget } from './target-child.js';

const LISTENING = /listening on (http:\/\/\S+) \(pid/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/** Stands in for the reference target's address while a run's options are checked. */
export const UNSTARTED_TARGET = 'http://127.0.0.1:1';

/** The database and log file names inside the run's folder. */
export const TARGET_FILES = Object.freeze({ db: 'target.db', log: 'target.log' });

/** What {@link startReferenceTarget} needs. */
export interface ReferenceTargetOptions {
  /** The run's folder: the database and the service's log go there. */
  readonly dir: string;
  /** Accounts to seed (`launchday target seed --users`). */
  readonly users: number;
  /** Processes serving the port (`launchday target start --workers`). */
  readonly workers: number;
  /**
   * An empty database to seed and serve, such as a `postgres://` URL; default a new SQLite
   * file in `dir`.
   */
  readonly db?: string;
}

/** A reference feed service running as a child process on a fresh database. */
export interface ReferenceTarget {
  /** Where it listens, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** The admin token it was started with, for /admin/stats and /admin/verify. */
  readonly adminToken: string;
  /** The database it serves: the given one, or the SQLite file in the run's folder. */
  readonly db: string;
  /** True when the database is the file in the run's folder, which the caller may delete. */
  readonly ownDatabase: boolean;
  readonly logFile: string;
  /** Stops it gracefully (SIGTERM, SIGKILL after 15 s); resolves with its exit code. */
  stop(): Promise<number>;
}

/**
 * Seeds a new database with `users` accounts — the given `db` or a SQLite file in `dir` —
 * starts the reference feed service on it on a free loopback port, and resolves once /readyz answers 200. Everything the service
 * prints goes to `target.log` in `dir`. Rejects with LAUNCHDAY_ERR_TARGET_START, naming the log,
 * when seeding fails or the service does not get ready within 30 s.
 */
export async function startReferenceTarget(
  options: ReferenceTargetOptions,
): Promise<ReferenceTarget> {
  const db = options.db ?? join(options.dir, TARGET_FILES.db);
  const logFile = join(options.dir, TARGET_FILES.log);
  const log = createWriteStream(logFile, { flags: 'a' });
  try {
    await seed(db, options.users, log, logFile);
    const adminToken = randomBytes(24).toString('base64url');
    const child = spawnTarget(
      ['start', '--port', '0', '--db', db, '--workers', String(options.workers)],
      ['ignore', 'pipe', 'pipe'],
      { ...process.env, LAUNCHDAY_TARGET_ADMIN_TOKEN: adminToken },
    );
    const stop = () => stopChild(child, log);
    try {
      const url = await listeningUrl(child, log, logFile);
      await waitReady(url, logFile);
      return { url, adminToken, db, ownDatabase: options.db === undefined, logFile, stop };
    } catch (error) {
      await stop();
      throw error;
    }
  } catch (error) {
    log.end();
    throw error;
  }
}

async function seed(db: string, users: number, log: WriteStream, logFile: string) {
  const child = spawnTarget(
    ['seed', '--db', db, '--users', String(users)],
    ['ignore', 'pipe', 'pipe'],
  );
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const code = await exitOf(child);
  if (code !== 0) throw startFailure(`seeding ${users} users failed (exit code ${code})`, logFile);
}

function listeningUrl(child: ChildProcess, log: WriteStream, logFile: string): Promise<string> {
  child.stderr?.pipe(log, { end: false });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(startFailure('the service did not start within 30 s', logFile)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      seen += chunk.toString();
      const match = LISTENING.exec(seen);
      if (match === null) return;
      clearTimeout(timer);
      resolve(match[1]!);
    });
    void exitOf(child).then((code) => {
      clearTimeout(timer);
      reject(startFailure(`the service exited (code ${code}) before listening`, logFile));
    });
  });
}

async function waitReady(url: string, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const status = await fetch(`${url}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await delay(100);
  }
  throw startFailure(`${url}/readyz did not answer 200 within 30 s`, logFile);
}

async function stopChild(child: ChildProcess, log: WriteStream): Promise<number> {
  const exited = exitOf(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
    await new Promise<void>((resolve) => log.end(resolve));
  }
}

function startFailure(message: string, logFile: string): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_TARGET_START', `reference target: ${message}`, {
    hint: `its output is in ${logFile}; or rehearse against a service you started yourself with --base-url`,
  });
}
