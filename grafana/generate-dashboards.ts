import { resolve } from 'node:path';
import { writeDashboards } from './dashboards-src/index.js';

/**
 * `npm run dashboards`: writes launchday's dashboards as JSON into the folder given as the
 * first argument (default grafana/dashboards, from the working directory).
 */
for (const path of await writeDashboards(resolve(process.argv[2] ?? 'grafana/dashboards'))) {
  process.stdout.write(`wrote ${path}\n`);
}
