import type { K6Options, K6RuntimeConfig } from './types.js';

/** Where the entry's imports point: the scenario file and the adapter's runner, absolute. */
export interface EntryImports {
  readonly scenarioFile: string;
  readonly runnerFile: string;
}

/**
 * The k6 script's entry module, which esbuild bundles: k6's `options`, `setup()` and
 * `teardown(data)` over the scenario's, the runtime configuration resolved at export time, and
 * one exported function per workload (its scenario's
 * `exec`), each running one iteration of the workload's journey through the adapter.
 */
export function entrySource(
  options: K6Options,
  config: K6RuntimeConfig,
  imports: EntryImports,
): string {
  const workloads = config.workloads.map(
    ({ name, exec }) =>
      `/** Workload ${JSON.stringify(name)}: one iteration of its journey. */\n` +
      `export function ${exec}(data) {\n  return runner.iterate(${JSON.stringify(name)}, data);\n}\n`,
  );
  return [
    `import { createK6Runner } from ${JSON.stringify(imports.runnerFile)};`,
    `import scenario from ${JSON.stringify(imports.scenarioFile)};`,
    '',
    '/** What launchday resolved at export time (k6 has no --param or --seed). */',
    `const CONFIG = ${JSON.stringify(config, null, 2)};`,
    '',
    'const runner = createK6Runner(scenario, CONFIG);',
    '',
    '/** k6 options mapped from the scenario by launchday export k6. */',
    `export const options = ${JSON.stringify(options, null, 2)};`,
    '',
    'export function setup() {\n  return runner.setup();\n}\n',
    'export function teardown(data) {\n  return runner.teardown(data);\n}\n',
    ...workloads,
  ].join('\n');
}
