import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { runCli, startCli, tempDir } from './cli.js';

/** The admin token the tests give the feed service. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A fixed token secret, so user tokens stay valid across a restart of the service. */
const TEST_SECRET = 'test-secret-0123456789-0123456789-0123456789';

/** A feed service started by `launchday target start` in a child process. */
export interface TargetProcess {
  readonly url: string;
  /** The service's own pid (the `launchday` CLI's child). */
  readonly pid: number;
  readonly child: ChildProcess;
  /** Everything the process printed on stderr so far. */
  stderr(): string;
  /** Sends `signal` and resolves with the exit code (or the signal's name). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

const LISTENING = /listening on (http:\/\/\S+) \(pid (\d+)/;

/**
 * Runs `launchday target start --port 0 <args>` and resolves once it prints its URL; rejects
 * with its output when it exits first or takes longer than `timeoutMs`.
 */
export function startTarget(args: readonly string[], timeoutMs = 30_000): Promise<TargetProcess> {
  const child = startCli(['target', 'start', '--port', '0', ...args], {
    LAUNCHDAY_TARGET_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LAUNCHDAY_TARGET_SECRET: TEST_SECRET,
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`target did not start within ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = LISTENING.exec(stdout);
      if (match === null) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        pid: Number(match[2]),
        child,
        stderr: () => stderr,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`target exited (${code}) before listening:\n${stdout}${stderr}`));
    });
  });
}

/** JSON request to the target; resolves with the status and the parsed body. */
export async function requestJson(
  url: string,
  init: { method?: string; body?: unknown; token?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: the tests assert the shape of what they read
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/**
 * Seeds a new database with `users` accounts (`launchday target seed`) and starts the target on
 * it with `args`; throws with the seeder's output when seeding fails. The database is `db` (an
 * empty PostgreSQL database's URL, say), or a new SQLite file.
 */
export async function startSeededTarget(
  users: number,
  args: readonly string[] = [],
  db?: string,
): Promise<TargetProcess> {
  db ??= join(await tempDir(), 'feed.db');
  const seeded = await runCli(['target', 'seed', '--db', db, '--users', String(users)]);
  if (seeded.code !== 0) throw new Error(`seeding failed (${seeded.code}):\n${seeded.stderr}`);
  return startTarget(['--db', db, ...args]);
}

/** The target's `/admin/stats` (row counts and job queue), read with the test admin token. */
// biome-ignore lint/suspicious/noExplicitAny: the tests assert the shape of what they read
export async function adminStats(url: string): Promise<any> {
  const { status, body } = await requestJson(`${url}/admin/stats`, { token: TEST_ADMIN_TOKEN });
  if (status !== 200) throw new Error(`/admin/stats answered ${status}: ${JSON.stringify(body)}`);
  return body;
}
