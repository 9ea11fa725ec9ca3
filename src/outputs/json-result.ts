import { join } from 'node:path';
import type { RunResult } from '../core/result.js';
import { writeFileAtomic } from './atomic-file.js';
import type { Output } from './types.js';

/** The file a run's result is written to, inside the run's folder. */
export const RESULT_FILE = 'result.json';

/** Writes `value` as indented JSON to `file` atomically (see {@link writeFileAtomic}). */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The output that writes result.json into the run's folder when the run ends. */
export class JsonResultOutput implements Output {
  constructor(private readonly runDir: string) {}

  async end(result: RunResult): Promise<void> {
    await writeJsonFile(join(this.runDir, RESULT_FILE), result);
  }
}
