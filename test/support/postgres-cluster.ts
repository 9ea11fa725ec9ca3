import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { systemProgram } from './system-program.js';

/** Where Debian's postgresql package puts the newest server's programs, e.g. `/usr/lib/postgresql/15/bin`. */
function serverBin(): string {
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  } catch {
    // No server installed: systemProgram below reports it.
  }
  return join(root, versions[0] ?? '15', 'bin');
}

/**
 * Debian's PostgreSQL server, for the tests that run against a real one. Skip with
 * `describe.skipIf(POSTGRES.path === null)(`... ${POSTGRES.requirement}`)`; under
 * LAUNCHDAY_REQUIRE_SYSTEM_TESTS=1 a missing server fails instead.
 */
export const POSTGRES = systemProgram('postgres', 'postgresql', join(serverBin(), 'postgres'));

/** A PostgreSQL cluster of a test's own: initdb'd into a temp folder, on a free port of 127.0.0.1. */
export interface PostgresCluster {
  /** The maintenance database's URL, e.g. `postgres://launchday@127.0.0.1:41234/postgres`. */
  readonly url: string;
  readonly port: number;
  /** Creates the empty database `name` and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Everything the server logged so far. */
  log(): string;
  /** Stops the server (fast shutdown) and removes its folder. */
  stop(): Promise<void>;
}

const USER = 'launchday';

/**
 * Starts a cluster for a test: `initdb` into a new temp folder (trust authentication, user
 * `launchday`), then `postgres` on a free port of 127.0.0.1 with its socket in that folder.
 * As root, both run as the `postgres` system user, since PostgreSQL refuses to run as root.
 * Resolves once the server answers a query.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  if (POSTGRES.path === null)
    throw new Error(`PostgreSQL is not installed ${POSTGRES.requirement}`);
  const bin = serverBin();
  const dir = mkdtempSync(join(tmpdir(), 'launchday-pg-'));
  const owner = serverUser();
  if (owner !== undefined) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  await run(
    join(bin, 'initdb'),
    ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--no-sync'],
    owner,
  );
  const port = await freePort();
  const settings = ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
  const server = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, ...settings],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...owner,
    },
  );
  let log = '';
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const url = `postgres://${USER}@127.0.0.1:${port}/postgres`;
  const stop = () => stopServer(server, dir);
  try {
    await waitReady(url, server, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    log: () => log,
    stop,
    async createDatabase(name) {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`CREATE DATABASE "${name}"`);
      } finally {
        await sql.end();
      }
      return `postgres://${USER}@127.0.0.1:${port}/${name}`;
    },
  };
}

/** The `postgres` user's ids when running as root, else undefined (run as oneself). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error(
      'running as root, but there is no postgres user to run PostgreSQL as (apt-get install postgresql)',
    );
  return { uid: Number(uid), gid: Number(gid) };
}

function run(command: string, args: readonly string[], owner: object | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...owner });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}:\n${output}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited ${server.exitCode}:\n${log()}`);
    const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await sql`select 1`;
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`postgres did not answer in 30 s: ${error}\n${log()}`);
    } finally {
      await sql.end({ timeout: 1 });
    }
    await delay(100);
  }
}

async function stopServer(server: ChildProcess, dir: string): Promise<void> {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    const killer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts a cluster before the tests of the enclosing `describe` and stops it after them; the
 * returned function gives it to the tests (and to what they call while they run).
 */
export function usePostgresCluster(): () => PostgresCluster {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());
  return () => {
    if (cluster === undefined)
      throw new Error('usePostgresCluster: read before the cluster started');
    return cluster;
  };
}
