import { fileURLToPath } from 'node:url';

/**
 * Where the benchmarks find what they run. This file sits at the same depth in bench/common/
 * and in the compiled dist-bench/common/, so the repository root is two folders up from both.
 */
const root = new URL('../../', import.meta.url);

/** A path of the repository, from its root. */
export function fromRoot(path: string): string {
  return fileURLToPath(new URL(path, root));
}

/** The built launchday CLI (`npm run build`). */
export const LAUNCHDAY_CLI = fromRoot('dist/src/cli/main.js');

/** The built feed service's program (`npm run build`). */
export const TARGET_MAIN = fromRoot('dist/target/main.js');

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
