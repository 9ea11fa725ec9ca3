import { LaunchdayError } from '../core/errors.js';
import { assertHostAllowed } from '../http/host-guard.js';
import type { ResolvedRun, RunOptions } from './types.js';

/**
 * Which page of the target's the run reads while the load runs: `targetMetrics` when given
 * (its host allowed as the base URL's is), none when it is false, else `/metrics` beside the
 * base URL, as optional. Throws a config LaunchdayError when `--target-metric` names series
 * but there is no page to read them from.
 */
export function resolveServiceMetrics(
  options: Pick<RunOptions, 'targetMetrics' | 'targetMetricNames'>,
  baseUrl: string | undefined,
  allowedHosts: readonly string[],
): ResolvedRun['serviceMetrics'] {
  const extra = [...new Set(options.targetMetricNames ?? [])];
  const page = pageOf(options.targetMetrics, baseUrl);
  if (page === null) {
    if (extra.length === 0) return null;
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_INVALID_CONFIG',
      `--target-metric ${extra[0]}: there is no target page to read it from`,
      {
        hint: 'give the page with --target-metrics URL (or a base URL whose /metrics answers)',
        issues: [{ path: 'targetMetricNames', message: 'needs --target-metrics or a base URL' }],
      },
    );
  }
  assertHostAllowed(new URL(page.url), allowedHosts, 'targetMetrics');
  return { ...page, extra };
}

function pageOf(
  targetMetrics: RunOptions['targetMetrics'],
  baseUrl: string | undefined,
): { url: string; optional: boolean } | null {
  if (targetMetrics === false) return null;
  if (targetMetrics !== undefined) return { url: targetMetrics, optional: false };
  if (baseUrl === undefined) return null;
  return { url: new URL('/metrics', baseUrl).href, optional: true };
}
