import type { RequestOptions } from './types.js';

/**
 * The header lists of a client's requests, built once: the flat `[name, value, ...]` arrays
 * undici takes, shared by every request that adds no headers of its own.
 */
export class RequestHeaders {
  private readonly plain: readonly string[];
  private readonly json: readonly string[];
  private readonly plainBytes: number;
  private readonly jsonBytes: number;

  /** `userAgent` is sent unless a request sets its own `user-agent`; `''` sends none. */
  constructor(private readonly userAgent: string) {
    const agent = userAgent === '' ? [] : ['user-agent', userAgent];
    this.plain = agent;
    this.json = [...agent, 'content-type', 'application/json'];
    this.plainBytes = headerBytes(this.plain);
    this.jsonBytes = headerBytes(this.json);
  }

  /** The headers of one request; the shared arrays unless `options.headers` is given. */
  for(options: RequestOptions | undefined, isJson: boolean): readonly string[] {
    const custom = options?.headers;
    if (custom === undefined) return isJson ? this.json : this.plain;
    const list: string[] = [];
    let hasUserAgent = false;
    let hasContentType = false;
    for (const name in custom) {
      const lower = name.toLowerCase();
      if (lower === 'user-agent') hasUserAgent = true;
      else if (lower === 'content-type') hasContentType = true;
      list.push(name, custom[name]!);
    }
    if (!hasUserAgent && this.userAgent !== '') list.push('user-agent', this.userAgent);
    if (isJson && !hasContentType) list.push('content-type', 'application/json');
    return list;
  }

  /** Bytes `list` takes on the wire, as `name: value\r\n` lines. */
  bytes(list: readonly string[]): number {
    if (list === this.plain) return this.plainBytes;
    if (list === this.json) return this.jsonBytes;
    return headerBytes(list);
  }
}

function headerBytes(list: readonly string[]): number {
  let bytes = 0;
  for (let i = 0; i < list.length; i++) bytes += String(list[i]).length;
  return bytes + list.length * 2;
}
