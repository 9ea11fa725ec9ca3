import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scenarioFile, tempDir } from './support/cli.js';
import { okAfter, startTestServer } from './support/test-server.js';

const REPORTS = ['junit.xml', 'report.html', 'report.md'];

/** The only run folder under `outDir`. */
async function onlyRunDir(outDir: string): Promise<string> {
  const runs = await readdir(outDir);
  expect(runs).toHaveLength(1);
  return join(outDir, runs[0]!);
}

describe('reports of a run', () => {
  let runDir: string;
  let runStdout: string;

  beforeAll(async () => {
    // Started here, not with serverPerTest: every test of the group reads this one run.
    const server = await startTestServer(okAfter(1));
    try {
      const outDir = await tempDir();
      const outcome = await runCli([
        'run',
        scenarioFile('constant-rate.ts'),
        '--base-url',
        server.url,
        '--out-dir',
        outDir,
        '--param',
        'rate=50',
        '--param',
        'duration=1s',
        '--quiet',
      ]);
      expect(outcome.stderr).not.toMatch(/error/i);
      expect(outcome.code).toBe(0);
      runDir = await onlyRunDir(outDir);
      runStdout = outcome.stdout;
    } finally {
      await server.close();
    }
  });

  it('`launchday run` writes report.html, report.md and junit.xml beside result.json', async () => {
    expect((await readdir(runDir)).sort()).toEqual([...REPORTS, 'result.json'].sort());
    expect(runStdout).toContain(
      `report: ${relative(process.cwd(), join(runDir, 'report.html'))}\n`,
    );
    const markdown = await readFile(join(runDir, 'report.md'), 'utf8');
    expect(markdown.split('\n')[0]).toBe('## ✅ Passed: constant-rate');
    expect(markdown).toMatch(/^\| hello \| 50 \| /m);
    const junit = await readFile(join(runDir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testcase classname="load" name="status is 200" time="0"/>');
    const html = await readFile(join(runDir, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('`launchday report` renders byte-identical files from the saved result', async () => {
    const otherDir = join(await tempDir(), 'again');
    const { code, stdout, stderr } = await runCli([
      'report',
      join(runDir, 'result.json'),
      '--out-dir',
      otherDir,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`report: ${relative(process.cwd(), join(otherDir, 'report.html'))}`);
    expect(stdout).toContain(`junit: ${relative(process.cwd(), join(otherDir, 'junit.xml'))}`);
    expect((await readdir(otherDir)).sort()).toEqual(REPORTS);
    for (const name of REPORTS) {
      const original = await readFile(join(runDir, name));
      expect((await readFile(join(otherDir, name))).equals(original), name).toBe(true);
    }
  });

  it('writes into the result’s own folder without --out-dir', async () => {
    const { code, stdout } = await runCli(['report', join(runDir, 'result.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain(`markdown: ${relative(process.cwd(), join(runDir, 'report.md'))}`);
    expect((await readdir(runDir)).sort()).toEqual([...REPORTS, 'result.json'].sort());
  });

  it('refuses a result of a newer schema version, naming the version and who wrote it', async () => {
    const result = JSON.parse(await readFile(join(runDir, 'result.json'), 'utf8'));
    const file = join(await tempDir(), 'result.json');
    await writeFile(file, JSON.stringify({ ...result, schemaVersion: 99 }));
    const { code, stderr } = await runCli(['report', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('LAUNCHDAY_ERR_RESULT_VERSION');
    expect(stderr).toContain('schemaVersion 99');
    expect(stderr).toContain(`written by launchday ${result.environment.launchdayVersion}`);
    expect(stderr).toContain('hint:');
  });

  it('exits 2 with the reason for a missing file and for a file that is not JSON', async () => {
    const dir = await tempDir();
    const missing = await runCli(['report', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: there is no such file');
    const notJson = join(dir, 'notes.txt');
    await writeFile(notJson, 'not json at all');
    const invalid = await runCli(['report', notJson]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('notes.txt is not valid JSON');
    expect(invalid.stderr).toContain('hint:');
  });
});
