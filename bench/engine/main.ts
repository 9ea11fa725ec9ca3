import { runBenchMain } from '../common/bench-main.js';
import { parseBenchArgs, USAGE } from './cli-args.js';
import { renderReport } from './print-report.js';
import { runBench } from './run-bench.js';

/**
 * `npm run bench:engine`: launchday's engine benchmark (CPU per request vs autocannon, latency
 * accuracy behind a freezing server, memory over a long run, peak memory against hostile
 * bodies).
 */
await runBenchMain(
  { usage: USAGE, parse: parseBenchArgs, run: runBench, render: renderReport },
  process.argv.slice(2),
);
