import { parseDuration } from '../core/duration.js';
import { isLaunchdayError, LaunchdayError } from '../core/errors.js';
import { assertHostAllowed } from '../http/host-guard.js';
import { prometheusRemoteWrite, prometheusScrape } from './prometheus/index.js';
import type { Output } from './types.js';

/** One parsed `--out` spec. */
export type OutSpec =
  | { readonly kind: 'prometheus-rw'; readonly url: string }
  | {
      readonly kind: 'prometheus';
      readonly host: string;
      readonly port: number;
      /** How long /metrics stays up after the run, ms. */
      readonly holdMs: number;
    };

/** What {@link outputsFromSpecs} needs besides the specs. */
export interface OutSpecContext {
  /** The run's `--allow-host` list: remote-write hosts other than loopback must be on it. */
  readonly allowedHosts: readonly string[];
  /** Where the outputs report trouble (remote-write failures), one sentence each. */
  readonly onProblem?: (message: string) => void;
}

/** The forms `--out` takes, for help texts and error hints. */
export const OUT_SPEC_FORMS =
  'prometheus-rw=URL (e.g. prometheus-rw=http://127.0.0.1:9090/api/v1/write) or ' +
  'prometheus=[HOST]:PORT[,hold=DURATION] (e.g. prometheus=:9464,hold=10s)';

const DEFAULT_SCRAPE_HOST = '127.0.0.1';
const DEFAULT_HOLD_MS = 5000;

/**
 * Parses one `--out` spec: `prometheus-rw=URL` (http or https; a host other than loopback only
 * when in `allowedHosts`, as for the run's target) or `prometheus=[HOST]:PORT[,hold=DURATION]`
 * (HOST default 127.0.0.1, `[::1]` for IPv6; hold default 5s). Throws a LaunchdayError (exit
 * code 2) naming the spec and the allowed forms; the CLI calls it before any load is sent.
 */
export function parseOutSpec(spec: string, allowedHosts: readonly string[]): OutSpec {
  const at = spec.indexOf('=');
  const kind = at < 0 ? spec : spec.slice(0, at);
  const value = at < 0 ? '' : spec.slice(at + 1);
  if (kind === 'prometheus-rw') return { kind, url: remoteWriteUrl(spec, value, allowedHosts) };
  if (kind === 'prometheus') return scrapeSpec(spec, value);
  throw badSpec(spec, `unknown output '${kind}'`);
}

/** Builds the outputs of `specs` (see {@link parseOutSpec}); all are parsed before any is built. */
export function outputsFromSpecs(specs: readonly string[], context: OutSpecContext): Output[] {
  return specs
    .map((spec) => parseOutSpec(spec, context.allowedHosts))
    .map((spec) =>
      spec.kind === 'prometheus-rw'
        ? prometheusRemoteWrite({ url: spec.url, onProblem: context.onProblem })
        : prometheusScrape({ host: spec.host, port: spec.port, holdMs: spec.holdMs }),
    );
}

function remoteWriteUrl(spec: string, value: string, allowedHosts: readonly string[]): string {
  if (value === '') throw badSpec(spec, 'prometheus-rw needs the receiver URL');
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw badSpec(spec, `'${value}' is not an http(s) URL`);
  assertHostAllowed(url, allowedHosts, '--out');
  return url.href;
}

function scrapeSpec(spec: string, value: string): OutSpec {
  const [address = '', ...options] = value.split(',');
  const colon = address.lastIndexOf(':');
  if (colon < 0) throw badSpec(spec, `'${address}' is not [HOST]:PORT`);
  const host = address.slice(0, colon).replace(/^\[(.*)\]$/, '$1') || DEFAULT_SCRAPE_HOST;
  const portText = address.slice(colon + 1);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65_535)
    throw badSpec(spec, `'${portText}' is not a port (1-65535)`);
  let holdMs = DEFAULT_HOLD_MS;
  for (const option of options) {
    const hold = /^hold=(.+)$/.exec(option)?.[1];
    if (hold === undefined) throw badSpec(spec, `unknown option '${option}' (only hold=DURATION)`);
    holdMs = holdDuration(spec, hold);
  }
  return { kind: 'prometheus', host, port, holdMs };
}

function holdDuration(spec: string, text: string): number {
  try {
    return parseDuration(text, '--out hold');
  } catch (error) {
    if (!isLaunchdayError(error)) throw error;
    throw badSpec(spec, `hold '${text}' is not a duration such as 5s or 1m`);
  }
}

function badSpec(spec: string, why: string): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_USAGE', `--out '${spec}': ${why}`, {
    hint: `write --out as ${OUT_SPEC_FORMS}`,
    issues: [{ path: '--out', message: why }],
  });
}
