import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dashboardJson, launchdayDashboards, writeDashboards } from './dashboards-src/index.js';

const COMMITTED = new URL('./dashboards/', import.meta.url);
const temporary: string[] = [];

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the committed dashboards (grafana/dashboards/)', () => {
  it.each(launchdayDashboards())(
    '$file is what grafana/dashboards-src/ generates',
    async ({ file, dashboard }) => {
      const committed = await readFile(new URL(file, COMMITTED), 'utf8').catch(() => 'missing');
      expect(
        committed,
        `grafana/dashboards/${file} differs from the code in grafana/dashboards-src/: ` +
          'run `npm run dashboards` and commit the result',
      ).toBe(dashboardJson(dashboard));
    },
  );

  it('are all generated: no other file is in the folder', async () => {
    const files = launchdayDashboards().map(({ file }) => file);
    expect((await readdir(COMMITTED)).sort()).toEqual(files.sort());
  });
});

describe('writeDashboards', () => {
  it('writes each dashboard as 2-space JSON ending with a newline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launchday-grafana-'));
    temporary.push(dir);
    const written = await writeDashboards(join(dir, 'out'));
    expect(written).toEqual([
      join(dir, 'out', 'launch-rehearsal.json'),
      join(dir, 'out', 'feed-service.json'),
    ]);
    const text = await readFile(written[0]!, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"/);
    expect(JSON.parse(text).uid).toBe('launchday-rehearsal');
  });
});
