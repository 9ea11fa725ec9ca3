import { createInterface } from 'node:readline';
import { LaunchdayError } from 'launchday';
import { SERVER_CORE } from '../common/cores.js';
import { nodeScript, pinned } from '../common/paths.js';
import type { ProcessGroup } from '../common/process-group.js';
import type { FreezeWindow, ServerMessage } from './types.js';

/** How long a server has to announce its port (ms). */
const START_TIMEOUT_MS = 10_000;

/** A running benchmark server. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The freezes it announced so far (the freezing server only), in order. */
  readonly freezes: readonly FreezeWindow[];
  /** Stops the process; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts the server `script` (one of SERVERS) as its own process on the server core, in
 * `group`, and resolves once it listens. Its freeze announcements are collected as they come.
 */
export async function startServer(group: ProcessGroup, script: string): Promise<ServerProcess> {
  const child = group.spawn(pinned(SERVER_CORE, nodeScript(script)), ['pipe', 'pipe', 'inherit']);
  const freezes: FreezeWindow[] = [];
  const port = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as ServerMessage;
      if ('port' in message) resolve(message.port);
      else freezes.push(message.freeze);
    });
    child.once('exit', () => reject(serverFailed(script, 'exited before listening')));
    setTimeout(
      () => reject(serverFailed(script, `did not listen within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    ).unref();
  });
  try {
    return { url: `http://127.0.0.1:${await port}`, freezes, stop: () => group.stop(child) };
  } catch (error) {
    await group.stop(child);
    throw error;
  }
}

function serverFailed(script: string, what: string): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_INTERNAL', `the benchmark server ${script} ${what}`, {
    hint: 'run `npm run bench:engine` again (it rebuilds the servers); check that taskset can use core 0',
  });
}

/** Runs `body` with a server started from `script`, stopping the server however `body` ends. */
export async function withServer<T>(
  group: ProcessGroup,
  script: string,
  body: (server: ServerProcess) => Promise<T>,
): Promise<T> {
  const server = await startServer(group, script);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}
