import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/core/result.js';
import { resolveBaseline } from '../src/workflows/baseline/index.js';
import { runCli, scenarioFile, tempDir } from './support/cli.js';
import { okAfter, startTestServer } from './support/test-server.js';

/** Runs of the constant-rate test scenario into `outDir`, one after another (the run ids are by time). */
async function runInto(outDir: string, url: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const outcome = await runCli([
      'run',
      scenarioFile('constant-rate.ts'),
      '--base-url',
      url,
      '--out-dir',
      outDir,
      '--param',
      'rate=20',
      '--param',
      'duration=500ms',
      '--quiet',
    ]);
    expect(outcome.code, outcome.stderr).toBe(0);
  }
}

async function runFolders(outDir: string): Promise<string[]> {
  return (await readdir(outDir)).sort().map((name) => join(outDir, name));
}

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8'));

interface Manifest {
  name: string;
  savedAt: string;
  runs: { runId: string; scenario: string; startedAt: string; source: string }[];
}

describe('launchday baseline', () => {
  let pair: string;
  let third: string;

  beforeAll(async () => {
    const server = await startTestServer(okAfter(1));
    try {
      pair = await tempDir();
      await runInto(pair, server.url, 2);
      const single = await tempDir();
      await runInto(single, server.url, 1);
      third = (await runFolders(single))[0]!;
    } finally {
      await server.close();
    }
  });

  const baseline = (args: string[], dir: string) => runCli(['baseline', ...args, '--dir', dir]);

  it('saves a folder of runs, adds a run folder to them, and replaces them with one result.json', async () => {
    const dir = await tempDir();
    const saved = await baseline(['save', pair], dir);
    expect([saved.code, saved.stderr]).toEqual([0, '']);
    expect(saved.stdout).toMatch(/^baseline main: .*, 2 run\(s\) of constant-rate; added 2\n$/);
    const folder = join(dir, 'main');
    const [first, second] = await runFolders(pair);
    const ids = [first!, second!].map((run) => run.split('/').pop()!);
    expect((await readdir(folder)).sort()).toEqual([...ids, 'baseline.json'].sort());
    // Byte copies, in run folders: the baseline reads as a folder of several runs.
    expect(await readFile(join(folder, ids[0]!, 'result.json'), 'utf8')).toBe(
      await readFile(join(first!, 'result.json'), 'utf8'),
    );
    const manifest = await readJson<Manifest>(join(folder, 'baseline.json'));
    expect(manifest.name).toBe('main');
    expect(manifest.runs.map((run) => run.runId)).toEqual(ids);
    expect(manifest.runs[0]).toMatchObject({
      scenario: 'constant-rate',
      source: expect.stringContaining('result.json'),
    });

    const added = await baseline(['save', third], dir);
    expect(added.stdout).toContain('3 run(s) of constant-rate; added 1\n');
    const again = await baseline(['save', join(third, 'result.json')], dir);
    expect(again.stdout).toContain('3 run(s) of constant-rate; added 0, 1 already there\n');

    const replaced = await baseline(['save', join(third, 'result.json'), '--replace'], dir);
    expect(replaced.code).toBe(0);
    const thirdId = third.split('/').pop()!;
    expect((await readdir(folder)).sort()).toEqual([thirdId, 'baseline.json'].sort());
    expect(resolveBaseline('main', dir)).toBe(folder);
  });

  it('lists the baselines as a table, in --dir or $LAUNCHDAY_BASELINE_DIR', async () => {
    const dir = await tempDir();
    expect((await baseline(['list'], dir)).stdout).toMatch(/^no baselines in /);
    await baseline(['save', pair], dir);
    await baseline(['save', third, '--name', 'release-1.2'], dir);
    const listed = await runCli(['baseline', 'list'], { LAUNCHDAY_BASELINE_DIR: dir });
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^name\s+runs\s+scenario\s+saved at$/);
    expect(lines[1]).toMatch(/^main\s+2\s+constant-rate\s+\d{4}-\d\d-\d\dT/);
    expect(lines[2]).toMatch(/^release-1\.2\s+1\s+constant-rate\s+\d{4}-/);
    expect(lines).toHaveLength(3);
  });

  it('refuses bad input naming the file, and keeps the old baseline whole', async () => {
    const dir = await tempDir();
    await baseline(['save', pair], dir);
    const manifestBefore = await readFile(join(dir, 'main', 'baseline.json'), 'utf8');
    const bad = join(await tempDir(), 'result.json');
    await writeFile(bad, '{"schemaVersion": ');
    const other = join(await tempDir(), 'result.json');
    const result = await readJson<RunResult>(join(third, 'result.json'));
    await writeFile(
      other,
      JSON.stringify({
        ...result,
        runId: 'other-run',
        scenario: { ...result.scenario, name: 'smoke' },
      }),
    );
    for (const [args, message] of [
      [['save', bad], `${bad} is not valid JSON`],
      [
        ['save', other],
        `${other} is a run of scenario 'smoke'; baseline 'main' holds runs of 'constant-rate'`,
      ],
      [['save', join(dir, 'nowhere')], 'there is no such file or folder'],
      [['save', pair, '--name', '../up'], "'../up' cannot name a baseline"],
      [['save', await tempDir()], 'holds no run'],
    ] as const) {
      const refused = await baseline([...args], dir);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(message);
    }
    expect(await readFile(join(dir, 'main', 'baseline.json'), 'utf8')).toBe(manifestBefore);
    expect((await readdir(dir)).sort()).toEqual(['main']);
    // A failure while the new baseline is built leaves the old one as it was, and no leftovers.
    const [kept, lost] = (await readJson<Manifest>(join(dir, 'main', 'baseline.json'))).runs;
    await rm(join(dir, 'main', lost!.runId), { recursive: true });
    const broken = await baseline(['save', third], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`baseline 'main' lists run ${lost!.runId}, but`);
    expect(await readFile(join(dir, 'main', 'baseline.json'), 'utf8')).toBe(manifestBefore);
    expect((await readdir(join(dir, 'main'))).sort()).toEqual(
      [kept!.runId, 'baseline.json'].sort(),
    );
    expect(await readdir(dir)).toEqual(['main']);
    // --replace starts afresh, so another scenario is fine there.
    expect((await baseline(['save', other, '--replace'], dir)).code).toBe(0);
  });

  it('resolves a baseline by name, naming the known ones when it is missing', async () => {
    const dir = await tempDir();
    expect(() => resolveBaseline('main', dir)).toThrow(`there is no baseline 'main' in ${dir}`);
    await baseline(['save', pair, '--name', 'nightly'], dir);
    expect(resolveBaseline('nightly', dir)).toBe(join(dir, 'nightly'));
    try {
      resolveBaseline('main', dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'LAUNCHDAY_ERR_USAGE',
        hint: expect.stringContaining('the baselines there are: nightly'),
      });
    }
  });
});
