import { fileURLToPath } from 'node:url';
import { fromRoot } from '../common/paths.js';

/** The target benchmark's launchday scenarios, as TypeScript sources (launchday bundles them). */
export const SCENARIOS = {
  feed: fromRoot('bench/target/scenarios/feed-reads.ts'),
  signup: fromRoot('bench/target/scenarios/signups.ts'),
  constant: fromRoot('bench/target/scenarios/constant.ts'),
} as const;

/** The compiled ceiling server, beside this module. */
export const CONSTANT_SERVER = fileURLToPath(
  new URL('./servers/fastify-constant.js', import.meta.url),
);
