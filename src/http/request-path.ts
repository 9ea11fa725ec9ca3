import { LaunchdayError } from '../core/errors.js';
import type { Target } from './targets.js';
import type { QueryValue, RequestOptions } from './types.js';

const PLACEHOLDER = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The path and query to send for `target` with a request's `pathParams` and `query` applied.
 * Returns `target.path` itself when neither is given. Throws a coded error for a placeholder
 * without a value.
 */
export function requestPath(target: Target, options: RequestOptions): string {
  const { pathParams, query } = options;
  let path = target.path;
  if (pathParams !== undefined) path = fillPlaceholders(target, pathParams);
  if (query !== undefined) {
    const encoded = encodeQuery(query);
    if (encoded !== '') path += (target.queryAt === -1 ? '?' : '&') + encoded;
  }
  return path;
}

function fillPlaceholders(target: Target, params: Readonly<Record<string, QueryValue>>): string {
  target.parts ??= splitPlaceholders(target);
  const parts = target.parts;
  let path = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = params[name];
    if (value === undefined) throw missingParam(target, name);
    path += encodeURIComponent(String(value)) + parts[i + 1]!;
  }
  return path;
}

function splitPlaceholders(target: Target): string[] {
  const pathname = target.queryAt === -1 ? target.path : target.path.slice(0, target.queryAt);
  const parts = pathname.split(PLACEHOLDER);
  parts[parts.length - 1] += target.path.slice(pathname.length);
  return parts;
}

function encodeQuery(query: Readonly<Record<string, QueryValue>>): string {
  let encoded = '';
  for (const key in query) {
    const value = query[key];
    if (value === undefined) continue;
    if (encoded !== '') encoded += '&';
    encoded += `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
  }
  return encoded;
}

function missingParam(target: Target, name: string): LaunchdayError {
  const message = `no value for the path parameter ':${name}' of ${target.template}`;
  return new LaunchdayError('LAUNCHDAY_ERR_INVALID_SCENARIO', message, {
    hint: `pass it in the request options: { pathParams: { ${name}: ... } }`,
    issues: [{ path: `pathParams.${name}`, message }],
  });
}
