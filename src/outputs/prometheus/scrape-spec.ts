import { parseDuration } from '../../core/duration.js';
import { isLaunchdayError } from '../../core/errors.js';
import type { OutParseContext, OutputKind } from '../types.js';
import { prometheusScrape } from './scrape-output.js';

/** A parsed `--out prometheus=[HOST]:PORT[,hold=DURATION]`. */
export interface ScrapeSpec {
  readonly kind: 'prometheus';
  readonly host: string;
  readonly port: number;
  /** How long /metrics stays up after the run, ms. */
  readonly holdMs: number;
}

const DEFAULT_SCRAPE_HOST = '127.0.0.1';
const DEFAULT_HOLD_MS = 5000;

/**
 * `--out prometheus=[HOST]:PORT[,hold=DURATION]`: a /metrics endpoint for Prometheus to scrape
 * (HOST default 127.0.0.1, `[::1]` for IPv6; hold default 5s).
 */
export const SCRAPE_KIND: OutputKind<ScrapeSpec> = {
  name: 'prometheus',
  form: 'prometheus=[HOST]:PORT[,hold=DURATION]',
  description: 'a /metrics endpoint to scrape',
  example: 'prometheus=:9464,hold=10s',
  parse(value, context) {
    const [address = '', ...options] = value.split(',');
    const colon = address.lastIndexOf(':');
    if (colon < 0) return context.fail(`'${address}' is not [HOST]:PORT`);
    const host = address.slice(0, colon).replace(/^\[(.*)\]$/, '$1') || DEFAULT_SCRAPE_HOST;
    const portText = address.slice(colon + 1);
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port < 1 || port > 65_535)
      return context.fail(`'${portText}' is not a port (1-65535)`);
    let holdMs = DEFAULT_HOLD_MS;
    for (const option of options) {
      const hold = /^hold=(.+)$/.exec(option)?.[1];
      if (hold === undefined)
        return context.fail(`unknown option '${option}' (only hold=DURATION)`);
      holdMs = holdDuration(hold, context);
    }
    return { kind: 'prometheus', host, port, holdMs };
  },
  create: (spec) => prometheusScrape({ host: spec.host, port: spec.port, holdMs: spec.holdMs }),
};

function holdDuration(text: string, context: OutParseContext): number {
  try {
    return parseDuration(text, '--out hold');
  } catch (error) {
    if (!isLaunchdayError(error)) throw error;
    return context.fail(`hold '${text}' is not a duration such as 5s or 1m`);
  }
}
