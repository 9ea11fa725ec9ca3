import { runBenchMain } from '../common/bench-main.js';
import { parseCompareBenchArgs, USAGE } from './cli-args.js';
import { renderCompareReport } from './print-report.js';
import { runCompareBench } from './run-compare-bench.js';

/**
 * `npm run bench:compare`: the false alarms and the power of `launchday ab` against the
 * reference service, and the wall time of one `ab` as the CI gate runs it.
 */
await runBenchMain(
  { usage: USAGE, parse: parseCompareBenchArgs, run: runCompareBench, render: renderCompareReport },
  process.argv.slice(2),
);
