import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { systemProgram } from '../test/support/system-program.js';
import { TARGET_SCRAPE_JOB } from './dashboards-src/index.js';

const CONFIG = new URL('./prometheus.yml', import.meta.url);
const promtool = systemProgram('promtool', 'prometheus');

interface ScrapeConfig {
  readonly job_name: string;
  readonly metrics_path?: string;
  readonly static_configs: readonly { readonly targets: readonly string[] }[];
}

describe('grafana/prometheus.yml', () => {
  it.skipIf(promtool.path === null)(
    `passes promtool check config ${promtool.requirement}`,
    async () => {
      const { stdout } = await promisify(execFile)(promtool.path!, [
        'check',
        'config',
        fileURLToPath(CONFIG),
      ]);
      expect(stdout).toContain('SUCCESS');
    },
  );

  it('scrapes the feed service under the job the "Feed service" dashboard selects', async () => {
    const config = parse(await readFile(CONFIG, 'utf8')) as {
      scrape_configs: ScrapeConfig[];
    };
    const target = config.scrape_configs.find(({ job_name }) => job_name === TARGET_SCRAPE_JOB);
    expect(target?.metrics_path).toBe('/metrics');
    expect(target?.static_configs).toEqual([{ targets: ['target:8080'] }]);
    expect(config.scrape_configs.map(({ job_name }) => job_name)).toContain('prometheus');
  });
});
