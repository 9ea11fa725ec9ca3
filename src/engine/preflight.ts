import { connect } from 'node:net';
import { LaunchdayError } from '../core/errors.js';

const CONNECT_TIMEOUT_MS = 3000;

/**
 * Fails fast, before any load, when nothing accepts connections at `baseUrl`: a typo in a port
 * should cost a second, not a run full of connection errors.
 */
export async function assertReachable(baseUrl: string): Promise<void> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const problem = await new Promise<string | undefined>((resolve) => {
    const socket = connect({ host, port, timeout: CONNECT_TIMEOUT_MS });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
  if (problem === undefined) return;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_TARGET_UNREACHABLE',
    `the target ${url.origin} is unreachable (${problem})`,
    {
      hint: 'start the service first, or point --base-url at where it listens (e.g. http://127.0.0.1:8080)',
    },
  );
}
