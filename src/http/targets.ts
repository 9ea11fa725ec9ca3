import { LaunchdayError } from '../core/errors.js';
import type { ConnectionPool } from './connection-pool.js';
import { assertHostAllowed } from './host-guard.js';

/**
 * Where one URL string goes: its origin's pool and its path, parsed once and cached. The URL is
 * the one a journey wrote, before path parameters and query options are applied.
 */
export interface Target {
  readonly origin: string;
  readonly pool: ConnectionPool;
  /** Path and query to send, normalized, placeholders such as `:id` still in it. */
  readonly path: string;
  /** Index of `?` in `path`, or -1. */
  readonly queryAt: number;
  /** What default request names show: the path as written (or the URL when absolute), no query. */
  readonly template: string;
  /** Bytes of the request line and undici's own headers, apart from the method and path. */
  readonly overheadBytes: number;
  /** Default request name per method, filled on first use. */
  readonly names: Map<string, string>;
  /** `path` split at its `:param` placeholders (literal, name, literal, ...), parsed on first use. */
  parts: string[] | undefined;
}

/** Most URL strings cached per client; beyond it URLs are parsed per request (bounded memory). */
const MAX_CACHED_TARGETS = 4096;

const ABSOLUTE = /^https?:\/\//i;
// The two spaces and `HTTP/1.1\r\n` of the request line, `host: \r\n`, `connection: keep-alive\r\n`, CRLF.
const REQUEST_OVERHEAD = 12 + 8 + 24 + 2;

/**
 * Resolves URL strings to {@link Target}s, caching per base URL so a journey's repeated URLs
 * cost two map lookups. Called by the HTTP client on every request.
 */
export class TargetCache {
  private readonly byBase = new Map<string, Map<string, Target>>();
  private size = 0;

  /**
   * `poolFor` returns the (lazily created) pool of an origin such as `http://127.0.0.1:8080`;
   * URLs to hosts that are neither loopback nor in `allowedHosts` are refused.
   */
  constructor(
    private readonly poolFor: (origin: string) => ConnectionPool,
    private readonly allowedHosts: readonly string[],
  ) {}

  /** The target of `url`, absolute or a path under `baseUrl`; throws a coded error if invalid. */
  resolve(url: string, baseUrl: string | undefined): Target {
    const base = baseUrl ?? '';
    let cache = this.byBase.get(base);
    if (cache === undefined) {
      cache = new Map();
      this.byBase.set(base, cache);
    }
    let target = cache.get(url);
    if (target === undefined) {
      target = this.create(url, baseUrl);
      if (this.size < MAX_CACHED_TARGETS) {
        cache.set(url, target);
        this.size++;
      }
    }
    return target;
  }

  private create(url: string, baseUrl: string | undefined): Target {
    const absolute = ABSOLUTE.test(url);
    if (!absolute && baseUrl === undefined) {
      throw invalidUrl(
        url,
        'a relative URL needs a base URL',
        'set `baseUrl` in the scenario or pass --base-url, or write an absolute http(s):// URL',
      );
    }
    const parsed = parseUrl(absolute ? url : joinPath(parseUrl(baseUrl!), url));
    assertHostAllowed(parsed, this.allowedHosts, 'url');
    const queryAt = parsed.search === '' ? -1 : parsed.pathname.length;
    const written = url.split('#')[0]!;
    const questionAt = written.indexOf('?');
    return {
      origin: parsed.origin,
      pool: this.poolFor(parsed.origin),
      path: parsed.pathname + parsed.search,
      queryAt,
      template: questionAt === -1 ? written : written.slice(0, questionAt),
      overheadBytes: REQUEST_OVERHEAD + parsed.host.length,
      names: new Map(),
      parts: undefined,
    };
  }
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw invalidUrl(
      url,
      'it is not a valid URL',
      'write an absolute http(s):// URL or a path starting with /',
      error,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalidUrl(
      url,
      `the protocol ${parsed.protocol} is not supported`,
      'use http:// or https://',
    );
  }
  return parsed;
}

// Joined as text, never resolved as a relative reference: `//host/x` must stay a path.
function joinPath(base: URL, path: string): string {
  const basePath = base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
  return base.origin + basePath + (path.startsWith('/') ? path : `/${path}`);
}

function invalidUrl(url: string, why: string, hint: string, cause?: unknown): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_INVALID_SCENARIO', `cannot request '${url}': ${why}`, {
    hint,
    issues: [{ path: 'url', message: why }],
    cause,
  });
}

/** The default request name of `method` on `target`, `${METHOD} ${template}`, built once. */
export function defaultRequestName(target: Target, method: string): string {
  let name = target.names.get(method);
  if (name === undefined) {
    name = `${method} ${target.template}`;
    target.names.set(method, name);
  }
  return name;
}
