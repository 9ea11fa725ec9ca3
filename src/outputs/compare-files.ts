import { join } from 'node:path';
import type { CompareReport } from '../compare/types.js';
import {
  renderCompareHtml,
  renderCompareJunit,
  renderCompareMarkdown,
} from '../report/compare/index.js';
import { loadReportAssets } from '../report/html/index.js';
import { writeFileAtomic } from './atomic-file.js';

/** Where {@link writeCompareFiles} wrote a comparison's files. */
export interface CompareFilePaths {
  readonly json: string;
  readonly markdown: string;
  readonly junit: string;
  readonly html: string;
}

/** The files' names inside the comparison's folder. */
export const COMPARE_FILE_NAMES: Readonly<CompareFilePaths> = Object.freeze({
  json: 'compare.json',
  markdown: 'compare.md',
  junit: 'compare-junit.xml',
  html: 'compare.html',
});

/**
 * Writes `report` into `dir` (created when missing) as compare.json (schemas/compare.schema.json),
 * compare.md, compare-junit.xml and compare.html, each atomically; returns their paths. Called by
 * `launchday compare` and `launchday ab`.
 */
export async function writeCompareFiles(
  report: CompareReport,
  dir: string,
): Promise<CompareFilePaths> {
  const paths = {
    json: join(dir, COMPARE_FILE_NAMES.json),
    markdown: join(dir, COMPARE_FILE_NAMES.markdown),
    junit: join(dir, COMPARE_FILE_NAMES.junit),
    html: join(dir, COMPARE_FILE_NAMES.html),
  };
  const assets = await loadReportAssets();
  await Promise.all([
    writeFileAtomic(paths.json, `${JSON.stringify(report, null, 2)}\n`),
    writeFileAtomic(paths.markdown, renderCompareMarkdown(report)),
    writeFileAtomic(paths.junit, renderCompareJunit(report)),
    writeFileAtomic(paths.html, renderCompareHtml(report, assets)),
  ]);
  return paths;
}
