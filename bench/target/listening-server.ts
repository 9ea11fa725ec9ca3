import { createInterface } from 'node:readline';
import type { ProcessGroup } from '../common/process-group.js';

/** How long a server has to print its listening line (ms). */
const START_TIMEOUT_MS = 30_000;

/** The line the feed service and the constant server print once they listen. */
const LISTENING = /listening on (http:\/\/\S+) \(pid (\d+)/;

/** A server process of the target benchmark. */
export interface ListeningServer {
  readonly url: string;
  /** The server's own pid, whose CPU time the phases read. */
  readonly pid: number;
}

/**
 * Starts `argv` in `group`, waits for its listening line, runs `body` with it and stops it
 * however `body` ends.
 */
export async function withListeningServer<T>(
  group: ProcessGroup,
  argv: readonly string[],
  body: (server: ListeningServer) => Promise<T>,
): Promise<T> {
  const child = group.spawn(argv, ['ignore', 'pipe', 'inherit']);
  try {
    const server = await new Promise<ListeningServer>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = LISTENING.exec(line);
        if (match) resolve({ url: match[1]!, pid: Number(match[2]) });
      });
      child.once('exit', (code) =>
        reject(new Error(`${argv.join(' ')} exited (${code}) before listening`)),
      );
      setTimeout(
        () => reject(new Error(`${argv.join(' ')} did not listen within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      ).unref();
    });
    return await body(server);
  } finally {
    await group.stop(child);
  }
}
