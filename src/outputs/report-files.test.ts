import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../test/support/run-result-fixture.js';
import { loadReportAssets, renderHtmlReport } from '../report/html/index.js';
import { renderJUnitReport } from '../report/junit-report.js';
import { renderMarkdownReport } from '../report/markdown-report.js';
import { REPORT_FILE_NAMES, writeReportFiles } from './report-files.js';

describe('writeReportFiles', () => {
  it('writes report.html, report.md and junit.xml into a new folder, leaving nothing else', async () => {
    const result = buildRunResult();
    const dir = join(await mkdtemp(join(tmpdir(), 'launchday-reports-')), 'run');
    const paths = await writeReportFiles(result, dir);
    expect(paths).toEqual({
      html: join(dir, 'report.html'),
      markdown: join(dir, 'report.md'),
      junit: join(dir, 'junit.xml'),
    });
    expect((await readdir(dir)).sort()).toEqual(['junit.xml', 'report.html', 'report.md']);
    expect(await readFile(paths.html, 'utf8')).toBe(
      renderHtmlReport(result, await loadReportAssets()),
    );
    expect(await readFile(paths.markdown, 'utf8')).toBe(renderMarkdownReport(result));
    expect(await readFile(paths.junit, 'utf8')).toBe(renderJUnitReport(result));
  });

  it('writes the same bytes again for the same result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launchday-reports-'));
    const first = await writeReportFiles(buildRunResult(), join(dir, 'a'));
    await writeReportFiles(buildRunResult(), join(dir, 'b'));
    for (const kind of ['html', 'markdown', 'junit'] as const) {
      const again = await readFile(join(dir, 'b', REPORT_FILE_NAMES[kind]));
      expect(again.equals(await readFile(first[kind]))).toBe(true);
    }
  });
});
