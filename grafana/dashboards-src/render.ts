import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { feedServiceDashboard } from './feed-service.js';
import { launchRehearsalDashboard } from './launch-rehearsal.js';
import type { DashboardFile } from './types.js';

/**
 * launchday's dashboards and the files they are committed as in grafana/dashboards/, built
 * anew on every call. {@link writeDashboards} writes them; a test compares them.
 */
export function launchdayDashboards(): DashboardFile[] {
  return [
    { file: 'launch-rehearsal.json', dashboard: launchRehearsalDashboard() },
    { file: 'feed-service.json', dashboard: feedServiceDashboard() },
  ];
}

/** The committed text of a dashboard: JSON indented by 2 spaces, ending with a newline. */
export function dashboardJson(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

/**
 * Writes every dashboard of {@link launchdayDashboards} into `dir` (created if missing) as
 * {@link dashboardJson}; resolves with the paths written. `npm run dashboards` calls it.
 */
export async function writeDashboards(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const { file, dashboard } of launchdayDashboards()) {
    const path = join(dir, file);
    await writeFile(path, dashboardJson(dashboard));
    written.push(path);
  }
  return written;
}
