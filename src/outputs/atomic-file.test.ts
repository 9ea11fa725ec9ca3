import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-file.js';

describe('writeFileAtomic', () => {
  it('creates the folder, replaces an existing file and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launchday-atomic-'));
    const file = join(dir, 'nested', 'out.txt');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'nested'))).toEqual(['out.txt']);
  });

  it('leaves the old file and no temporary file when the new one cannot be put in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launchday-atomic-'));
    const folder = join(dir, 'taken');
    await writeFileAtomic(join(folder, 'keep.txt'), 'kept');
    // Renaming a file onto a non-empty folder fails on every platform.
    await expect(writeFileAtomic(folder, 'new')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['taken']);
    expect(await readFile(join(folder, 'keep.txt'), 'utf8')).toBe('kept');
  });
});
