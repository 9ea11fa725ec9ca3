import { join } from 'node:path';
import { renderCapacityMarkdown } from '../../capacity/report/markdown.js';
import { renderCapacityHtml } from '../../capacity/report/render-html.js';
import type { CapacityReport } from '../../capacity/types.js';
import { writeFileAtomic } from '../../outputs/atomic-file.js';
import { loadReportAssets } from '../../report/html/report-assets.js';
import type { ReportAssets } from '../../report/html/types.js';

/** The files {@link writeCapacityReport} wrote: absolute or as `dir` was given. */
export interface CapacityReportFiles {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
}

/**
 * Writes `report` into `dir` (created when missing) as capacity.json (2-space JSON and a
 * newline), capacity.md and capacity.html, each atomically, and returns their paths. Called by
 * `launchday capacity` at the end of its run; `assets` default to `loadReportAssets()`.
 */
export async function writeCapacityReport(
  report: CapacityReport,
  dir: string,
  assets?: Pick<ReportAssets, 'uplotScript' | 'uplotCss'>,
): Promise<CapacityReportFiles> {
  const files: CapacityReportFiles = {
    json: join(dir, 'capacity.json'),
    markdown: join(dir, 'capacity.md'),
    html: join(dir, 'capacity.html'),
  };
  const page = renderCapacityHtml(report, assets ?? (await loadReportAssets()));
  await Promise.all([
    writeFileAtomic(files.json, `${JSON.stringify(report, null, 2)}\n`),
    writeFileAtomic(files.markdown, renderCapacityMarkdown(report)),
    writeFileAtomic(files.html, page),
  ]);
  return files;
}
