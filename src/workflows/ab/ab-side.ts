/**
 * One side of `launchday ab`: a URL of a service that is already running, or a shell command
 * that starts one, run afresh for every run so each starts from the same state. The command
 * gets a free loopback port as `{port}` and in `PORT`, and an empty folder of its own as `{dir}`
 * (e.g. for its database); the side is ready when `http://127.0.0.1:{port}` + the ready path
 * answers below 500.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { delay } from '../../core/clock.js';
import { LaunchdayError } from '../../core/errors.js';

/** A side as given: `--a URL` or `--a 'CMD'`. */
export type AbSide =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'command'; readonly command: string };

/** A side's target for one run. */
export interface AbTarget {
  readonly url: string;
  /** Stops what was started for the run (nothing for a URL). */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** `--a`/`--b` as a side: an http(s) URL, else a command. */
export function parseAbSide(text: string, flag: string): AbSide {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `${flag} is empty`, {
      hint: `give ${flag} a URL (http://127.0.0.1:8080) or a command that starts the service on {port}`,
    });
  if (/^https?:\/\//.test(trimmed)) return { kind: 'url', url: trimmed.replace(/\/+$/, '') };
  if (!trimmed.includes('{port}') && !trimmed.includes('PORT'))
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `${flag} '${trimmed}' does not say where the service listens`,
      {
        hint: 'write {port} where the command takes its port (it is also in the PORT environment variable)',
      },
    );
  return { kind: 'command', command: trimmed };
}

/**
 * The target of `side` for one run: a URL as it is; a command started in `dir` (its log is
 * `dir/target.log`), resolved once ready. Rejects with LAUNCHDAY_ERR_TARGET_START naming the
 * log when the command exits or is not ready within 60 s.
 */
export async function startAbTarget(
  side: AbSide,
  dir: string,
  readyPath: string,
): Promise<AbTarget> {
  if (side.kind === 'url') return { url: side.url, stop: async () => {} };
  const port = await freePort();
  const workDir = join(dir, 'target');
  await mkdir(workDir, { recursive: true });
  const logFile = join(dir, 'target.log');
  const log = createWriteStream(logFile);
  const command = side.command.replaceAll('{port}', String(port)).replaceAll('{dir}', workDir);
  const child = spawn('/bin/sh', ['-c', command], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, PORT: String(port) },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = () => stopGroup(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(child, `${url}${readyPath}`, logFile);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitReady(child: ChildProcess, url: string, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw startFailure(
        `the command exited (code ${child.exitCode ?? child.signalCode}) before it was ready`,
        logFile,
      );
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status > 0 && status < 500) return;
    await delay(100);
  }
  throw startFailure(`${url} did not answer below 500 within 60 s`, logFile);
}

/**
 * SIGTERM to the command's process group (the shell and what it started), SIGKILL after 10 s;
 * resolves once no process of the group is left.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  const signal = (name: NodeJS.Signals | 0) => {
    try {
      process.kill(-child.pid!, name);
      return true;
    } catch {
      return false; // no process of the group is left
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (signal(0)) {
    if (Date.now() > deadline) signal('SIGKILL');
    await delay(50);
  }
}

function startFailure(message: string, logFile: string): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_TARGET_START', `ab target: ${message}`, {
    hint: `its output is in ${logFile}; check the command starts the service on {port}`,
  });
}
