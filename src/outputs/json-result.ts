import { writeFileAtomic } from './atomic-file.js';

/** The file a run's result is written to, inside the run's folder. */
export const RESULT_FILE = 'result.json';

/** Writes `value` as indented JSON to `file` atomically (see {@link writeFileAtomic}). */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
