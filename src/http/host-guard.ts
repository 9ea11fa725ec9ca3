import { isIP } from 'node:net';
import { LaunchdayError } from '../core/errors.js';

/**
 * True when `hostname` (as in `URL.hostname`) is this machine's loopback: 127.0.0.0/8, ::1 or
 * localhost.
 */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/**
 * Throws unless requests to `url` may be sent: a load tool must not hit production by accident,
 * so only loopback hosts are allowed unless the user names the host with `--allow-host`.
 */
export function assertHostAllowed(url: URL, allowedHosts: readonly string[], path: string): void {
  if (isLoopback(url.hostname)) return;
  if (allowedHosts.some((host) => host.toLowerCase() === url.hostname.toLowerCase())) return;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_HOST_NOT_ALLOWED',
    `${path}: ${url.origin} is not a loopback address, and launchday only loads loopback targets unless told otherwise`,
    {
      hint: `if you really mean to load ${url.hostname}, add --allow-host ${url.hostname} (never point a rehearsal at production)`,
      issues: [
        { path, message: `${url.hostname} is not loopback and not allowed with --allow-host` },
      ],
    },
  );
}
