import { fileURLToPath } from 'node:url';

/**
 * Where the benchmark finds what it runs. This file sits at the same depth in bench/engine/
 * and in the compiled dist-bench/engine/, so the repository root is two folders up from both.
 */
const root = new URL('../../', import.meta.url);

function fromRoot(path: string): string {
  return fileURLToPath(new URL(path, root));
}

/** The built launchday CLI (`npm run build`). */
export const LAUNCHDAY_CLI = fromRoot('dist/cli/main.js');

/** autocannon's CLI script, run with the same node as launchday. */
export const AUTOCANNON_CLI = fromRoot('node_modules/autocannon/autocannon.js');

/** The benchmark's launchday scenarios, as TypeScript sources (launchday bundles them). */
export const SCENARIOS = {
  closedLoop: fromRoot('bench/engine/scenarios/closed-loop.ts'),
  openRate: fromRoot('bench/engine/scenarios/open-rate.ts'),
} as const;

/** The compiled benchmark servers, beside this module. */
export const SERVERS = {
  fast: fileURLToPath(new URL('./servers/fast-server.js', import.meta.url)),
  freezing: fileURLToPath(new URL('./servers/freezing-server.js', import.meta.url)),
} as const;

/** Where reports go unless `--out` says otherwise. */
export const RESULTS_DIR = fromRoot('bench/results');

/** `argv` run by `taskset` on `core` only. */
export function pinned(core: number, argv: readonly string[]): string[] {
  return ['taskset', '-c', String(core), ...argv];
}

/** `script` with `args`, run by the node running the benchmark. */
export function nodeScript(script: string, args: readonly string[] = []): string[] {
  return [process.execPath, script, ...args];
}
