import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DASHBOARDS_FOLDER,
  DASHBOARDS_MOUNT,
  DATASOURCE_UID,
  launchdayDashboards,
} from './dashboards-src/index.js';

async function readYaml(path: string): Promise<Record<string, unknown>> {
  return parse(await readFile(new URL(path, import.meta.url), 'utf8'));
}

describe('Grafana provisioning (grafana/provisioning/)', () => {
  it('provides Prometheus as the default data source, with the uid the dashboards use', async () => {
    const file = await readYaml('./provisioning/datasources/prometheus.yml');
    expect(file.apiVersion).toBe(1);
    expect(file.datasources).toEqual([
      expect.objectContaining({
        uid: DATASOURCE_UID,
        type: 'prometheus',
        url: 'http://prometheus:9090',
        isDefault: true,
      }),
    ]);
    for (const { file: name, dashboard } of launchdayDashboards()) {
      const variable = dashboard.templating?.list?.find(({ name }) => name === 'datasource');
      expect(variable?.current?.value, name).toBe(DATASOURCE_UID);
    }
  });

  it("sets the data source's interval to Prometheus' scrape interval", async () => {
    const datasource = await readYaml('./provisioning/datasources/prometheus.yml');
    const prometheus = await readYaml('./prometheus.yml');
    const [first] = datasource.datasources as { jsonData: { timeInterval: string } }[];
    const global = prometheus.global as { scrape_interval: string };
    expect(first?.jsonData.timeInterval).toBe(global.scrape_interval);
  });

  it('loads the dashboards from the folder the compose file mounts them at', async () => {
    const file = await readYaml('./provisioning/dashboards/launchday.yml');
    expect(file.apiVersion).toBe(1);
    expect(file.providers).toEqual([
      expect.objectContaining({
        type: 'file',
        folderUid: DASHBOARDS_FOLDER,
        allowUiUpdates: false,
        options: expect.objectContaining({ path: DASHBOARDS_MOUNT }),
      }),
    ]);
  });
});
