import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RunResult } from '../core/result.js';
import type { Output } from './types.js';

/** The file a run's result is written to, inside the run's folder. */
export const RESULT_FILE = 'result.json';

/**
 * Writes `value` as JSON to `file` atomically (a temporary file renamed into place), so a crash
 * or a second SIGINT never leaves a half-written file.
 */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temporary, file);
}

/** The output that writes result.json into the run's folder when the run ends. */
export class JsonResultOutput implements Output {
  constructor(private readonly runDir: string) {}

  async end(result: RunResult): Promise<void> {
    await writeJsonFile(join(this.runDir, RESULT_FILE), result);
  }
}
