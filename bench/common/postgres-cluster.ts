import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import postgres from 'postgres';

/**
 * A throwaway PostgreSQL cluster, for the tests that run against a real server
 * (test/support/postgres-cluster.ts) and for `npm run bench:target -- --store postgres`.
 */

/** Where Debian's postgresql package puts the newest server's programs, e.g. `/usr/lib/postgresql/15/bin`. */
export function postgresServerBin(): string {
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  } catch {
    // No server installed: the caller finds no program there and says so.
  }
  return join(root, versions[0] ?? '15', 'bin');
}

/** A PostgreSQL cluster of one's own: initdb'd into a temp folder, on a free port of 127.0.0.1. */
export interface PostgresCluster {
  /** The maintenance database's URL, e.g. `postgres://launchday@127.0.0.1:41234/postgres`. */
  readonly url: string;
  readonly port: number;
  /** The postmaster's pid: the backends it forks are its children. */
  readonly pid: number;
  /** Creates the empty database `name` and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Everything the server logged so far. */
  log(): string;
  /** Stops the server (fast shutdown) and removes its folder. */
  stop(): Promise<void>;
}

/** How {@link startPostgres} runs the server. */
export interface PostgresClusterOptions {
  /**
   * PostgreSQL's durable defaults (fsync, full-page writes), as a benchmark measures them;
   * otherwise (tests) fsync is off, which a test's throwaway cluster does not need.
   */
  readonly durable?: boolean;
  /** Pins the server and every backend it forks to these CPUs (a `taskset -c` list). */
  readonly cpus?: string;
}

const USER = 'launchday';

/**
 * Starts a cluster: `initdb` into a new temp folder (trust authentication, user `launchday`),
 * then `postgres` on a free port of 127.0.0.1 with its socket in that folder. As root, both
 * run as the `postgres` system user, since PostgreSQL refuses to run as root. Resolves once
 * the server answers a query; throws naming the apt package when no server is installed.
 */
export async function startPostgres(
  options: PostgresClusterOptions = {},
): Promise<PostgresCluster> {
  const bin = postgresServerBin();
  if (!existsSync(join(bin, 'postgres')))
    throw new Error(
      `no PostgreSQL server in ${bin}: install it with \`apt-get install postgresql\``,
    );
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
  const settings = [
    ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off']),
    ...['-c', 'max_connections=200'],
  ];
  const argv = [
    join(bin, 'postgres'),
    ...['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, ...settings],
  ];
  const [command, ...args] =
    options.cpus === undefined ? argv : ['taskset', '-c', options.cpus, ...argv];
  const server = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'], ...owner });
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
    pid: server.pid!,
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
