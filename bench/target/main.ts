import { runBenchMain } from '../common/bench-main.js';
import { parseTargetBenchArgs, USAGE } from './cli-args.js';
import { renderTargetReport } from './print-report.js';
import { runTargetBench } from './run-target-bench.js';

/**
 * `npm run bench:target`: the feed service's throughput (feed reads, sign-ups with follow
 * imports) against a constant Fastify route as the ceiling, and the time to seed a million users.
 */
await runBenchMain(
  { usage: USAGE, parse: parseTargetBenchArgs, run: runTargetBench, render: renderTargetReport },
  process.argv.slice(2),
);
