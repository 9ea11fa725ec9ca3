import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/cli.js';
import { historyRun } from '../../../test/support/history-fixture.js';
import { readRuns } from './read-runs.js';

describe('readRuns', () => {
  let folder: string;
  const write = async (path: string, contents: unknown) => {
    const file = join(folder, path);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, typeof contents === 'string' ? contents : JSON.stringify(contents));
  };

  beforeEach(async () => {
    folder = await tempDir('launchday-collect-');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads result.json at any depth and result files directly in the folder, skipping the rest', async () => {
    await write('run-a/result.json', historyRun(0, 10));
    await write('ci/main/run-b/result.json', historyRun(1, 10));
    await write('saved.json', historyRun(2, 10));
    await write('notes.json', { not: 'a run' });
    await write('history.json', { schemaVersion: 1, runId: 'not-a-run' });
    await write('run-a/summary.json', historyRun(3, 10));
    await write('node_modules/x/result.json', 'not even JSON');
    const runs = await readRuns(folder);
    expect(runs.map((run) => run.file.slice(folder.length + 1)).sort()).toEqual([
      'ci/main/run-b/result.json',
      'run-a/result.json',
      'saved.json',
    ]);
    expect(runs.map((run) => run.result.runId).sort()).toEqual(['run-01', 'run-02', 'run-03']);
  });

  it('names the file that cannot be read, and what is not there', async () => {
    await write('run-a/result.json', '{"schemaVersion": 2,');
    await expect(readRuns(folder)).rejects.toThrow(join(folder, 'run-a', 'result.json'));
    await rm(join(folder, 'run-a'), { recursive: true });
    await write('broken.json', 'nope');
    await expect(readRuns(folder)).rejects.toThrow(
      `${join(folder, 'broken.json')} is not valid JSON`,
    );
    await expect(readRuns(join(folder, 'none'))).rejects.toThrow(/no such file or folder/);
  });

  it('reads a result file, or the result.json of a run folder, alone', async () => {
    await write('run-a/result.json', historyRun(0, 10));
    await write('run-a/nested/result.json', historyRun(1, 10));
    expect((await readRuns(join(folder, 'run-a'))).map((run) => run.result.runId)).toEqual([
      'run-01',
    ]);
    expect(
      (await readRuns(join(folder, 'run-a', 'nested', 'result.json'))).map(
        (run) => run.result.runId,
      ),
    ).toEqual(['run-02']);
  });

  it('refuses a folder that holds no run', async () => {
    await expect(readRuns(folder)).rejects.toThrow(`${folder} holds no run`);
  });
});
