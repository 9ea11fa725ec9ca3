import type { RunResult } from '../core/result.js';

/**
 * The instances a merged run (`launchday merge`) came from, in a line: `3 instances: 1/3 on
 * host-a, 2/3 on host-b, 3/3 on host-c`; undefined for the result of one instance.
 */
export function mergedInstancesText(result: RunResult): string | undefined {
  const segments = result.mergedFrom;
  if (segments === undefined) return undefined;
  const each = segments.map(
    ({ segment, hostname }) => `${segment.index}/${segment.count} on ${hostname}`,
  );
  return `${segments.length} instances: ${each.join(', ')}`;
}
