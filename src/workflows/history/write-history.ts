import { join } from 'node:path';
import type { HistoryReport } from '../../compare/history-types.js';
import { writeFileAtomic } from '../../outputs/atomic-file.js';
import { renderHistoryHtml } from '../../report/history/html.js';
import { renderHistoryMarkdown } from '../../report/history/markdown.js';
import { loadReportAssets } from '../../report/html/report-assets.js';
import type { ReportAssets } from '../../report/html/types.js';

/** The files {@link writeHistoryFiles} wrote, as `dir` was given. */
export interface HistoryFiles {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
}

/**
 * Writes `report` into `dir` (created when missing) as history.json (2-space JSON and a
 * newline), history.md and history.html, each atomically, and returns their paths. `assets`
 * default to `loadReportAssets()`.
 */
export async function writeHistoryFiles(
  report: HistoryReport,
  dir: string,
  assets?: Pick<ReportAssets, 'uplotScript' | 'uplotCss'>,
): Promise<HistoryFiles> {
  const files: HistoryFiles = {
    json: join(dir, 'history.json'),
    markdown: join(dir, 'history.md'),
    html: join(dir, 'history.html'),
  };
  const page = renderHistoryHtml(report, assets ?? (await loadReportAssets()));
  await Promise.all([
    writeFileAtomic(files.json, `${JSON.stringify(report, null, 2)}\n`),
    writeFileAtomic(files.markdown, renderHistoryMarkdown(report)),
    writeFileAtomic(files.html, page),
  ]);
  return files;
}
