/**
 * What a scenario's `import ... from 'launchday'` is bound to in an exported k6 script: the
 * scenario-authoring part of launchday's API that runs in k6 (the same modules as in launchday,
 * bundled), and `readCurveCsv` over the files embedded at export time. An import of anything
 * else from 'launchday' fails the export (exit 2) with esbuild's message naming the import.
 */
import type { CurvePoint } from '../../../executors/curve-replay.js';
import { type CurveCsvOptions, parseCurveCsv } from '../../../executors/parse-curve-csv.js';

export { parseDuration } from '../../../core/duration.js';
export { ErrorCodes, isLaunchdayError, LaunchdayError } from '../../../core/errors.js';
export { ExitCode } from '../../../core/exit-codes.js';
export { createPrng } from '../../../executors/prng.js';
export { defineScenario } from '../../../scenario/define-scenario.js';
export { param } from '../../../scenario/params.js';

/**
 * A file a scenario finds beside it with `new URL('./data/file.csv', import.meta.url)`: in an
 * exported script that expression is replaced by this object, the file's text embedded, since
 * k6 reads no files beside the script (k6-operator mounts only the script).
 */
export interface EmbeddedFile {
  readonly href: string;
  readonly pathname: string;
  /** The file's text at export time; undefined when the file did not exist. */
  readonly text: string | undefined;
}

/** launchday's `readCurveCsv` on a file embedded at export time (see {@link EmbeddedFile}). */
export function readCurveCsv(file: EmbeddedFile | string, options: CurveCsvOptions): CurvePoint[] {
  const embedded = typeof file === 'string' ? undefined : file;
  if (embedded?.text === undefined) {
    const name = typeof file === 'string' ? file : file.href;
    throw new Error(
      `readCurveCsv(${name}): only files named as new URL('./file.csv', import.meta.url) with a literal path are embedded in a k6 export, and the file must exist at export time`,
    );
  }
  return parseCurveCsv(embedded.text, embedded.pathname, options);
}
