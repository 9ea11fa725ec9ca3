import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes `contents` to `file` atomically: into a temporary file beside it, then renamed into
 * place, so a crash or a second SIGINT never leaves a half-written file and a reader sees the
 * old file or the new one, never a mix. Creates the folder when missing. Every file a run or
 * `launchday report` writes goes through here.
 */
export async function writeFileAtomic(file: string, contents: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, contents);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
