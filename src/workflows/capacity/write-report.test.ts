import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCapacityReport } from '../../capacity/report/fixtures.js';
import { renderCapacityMarkdown } from '../../capacity/report/markdown.js';
import { renderCapacityHtml } from '../../capacity/report/render-html.js';
import { loadReportAssets } from '../../report/html/report-assets.js';
import { writeCapacityReport } from './write-report.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('writeCapacityReport', () => {
  it('writes capacity.json, capacity.md and capacity.html into a new folder and returns their paths', async () => {
    const root = await mkdtemp(join(tmpdir(), 'launchday-capacity-'));
    dirs.push(root);
    const dir = join(root, 'reports', 'run-1');
    const report = buildCapacityReport();
    const files = await writeCapacityReport(report, dir);
    expect(files).toEqual({
      json: join(dir, 'capacity.json'),
      markdown: join(dir, 'capacity.md'),
      html: join(dir, 'capacity.html'),
    });
    expect((await readdir(dir)).sort()).toEqual(['capacity.html', 'capacity.json', 'capacity.md']);
    const json = await readFile(files.json, 'utf8');
    expect(json).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(JSON.parse(json)).toEqual(report);
    expect(await readFile(files.markdown, 'utf8')).toBe(renderCapacityMarkdown(report));
    const html = renderCapacityHtml(report, await loadReportAssets());
    expect(await readFile(files.html, 'utf8')).toBe(html);
  });
});
