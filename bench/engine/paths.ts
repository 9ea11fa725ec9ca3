import { fileURLToPath } from 'node:url';
import { fromRoot } from '../common/paths.js';

/** autocannon's CLI script, run with the same node as launchday. */
export const AUTOCANNON_CLI = fromRoot('node_modules/autocannon/autocannon.js');

/** The engine benchmark's launchday scenarios, as TypeScript sources (launchday bundles them). */
export const SCENARIOS = {
  closedLoop: fromRoot('bench/engine/scenarios/closed-loop.ts'),
  hostileBody: fromRoot('bench/engine/scenarios/hostile-body.ts'),
  openRate: fromRoot('bench/engine/scenarios/open-rate.ts'),
} as const;

/** The compiled benchmark servers, beside this module. */
export const SERVERS = {
  fast: fileURLToPath(new URL('./servers/fast-server.js', import.meta.url)),
  freezing: fileURLToPath(new URL('./servers/freezing-server.js', import.meta.url)),
  endlessBody: fileURLToPath(new URL('./servers/endless-body-server.js', import.meta.url)),
  hugeLength: fileURLToPath(new URL('./servers/huge-length-server.js', import.meta.url)),
} as const;
