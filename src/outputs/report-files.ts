import { join } from 'node:path';
import type { RunResult } from '../core/result.js';
import { loadReportAssets, renderHtmlReport } from '../report/html/index.js';
import { renderJUnitReport } from '../report/junit-report.js';
import { renderMarkdownReport } from '../report/markdown-report.js';
import { writeFileAtomic } from './atomic-file.js';
import type { ReportFilePaths } from './types.js';

/** The report files' names inside a run's folder, beside result.json. */
export const REPORT_FILE_NAMES: Readonly<ReportFilePaths> = Object.freeze({
  html: 'report.html',
  markdown: 'report.md',
  junit: 'junit.xml',
});

/** Where {@link writeReportFiles} writes into `dir`. */
function reportFilePaths(dir: string): ReportFilePaths {
  return {
    html: join(dir, REPORT_FILE_NAMES.html),
    markdown: join(dir, REPORT_FILE_NAMES.markdown),
    junit: join(dir, REPORT_FILE_NAMES.junit),
  };
}

/**
 * Renders `result` as report.html, report.md and junit.xml and writes them into `dir` (created
 * when missing), each atomically; returns their paths. The renderers are deterministic, so the
 * same result gives byte-identical files: `launchday report` reproduces what `launchday run`
 * wrote. Called after every run and by the `report` command.
 */
export async function writeReportFiles(result: RunResult, dir: string): Promise<ReportFilePaths> {
  const paths = reportFilePaths(dir);
  const assets = await loadReportAssets();
  await Promise.all([
    writeFileAtomic(paths.html, renderHtmlReport(result, assets)),
    writeFileAtomic(paths.markdown, renderMarkdownReport(result)),
    writeFileAtomic(paths.junit, renderJUnitReport(result)),
  ]);
  return paths;
}
