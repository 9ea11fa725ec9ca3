import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryReport } from '../src/compare/history-types.js';
import { runCli, scenarioFile, tempDir } from './support/cli.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * The server's delay for the runs in order: five quick ones, then five slow ones. The step is
 * large because p(99) of a short run is nearly its slowest request, which a loaded machine
 * (the rest of the suite runs beside this test, and the server shares the test's event loop)
 * can push past 100 ms in a quick run.
 */
const DELAYS_MS = [2, 2, 2, 2, 2, 400, 400, 400, 400, 400];
const METRIC = 'http_req_duration{name:hello}:p(99)';

describe('launchday history over real runs', () => {
  let server: TestServer;
  let folder: string;
  let delayMs = 0;

  beforeAll(async () => {
    // One server whose latency the test changes between runs, as a slower build would be.
    server = await startTestServer((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }, delayMs);
    });
    folder = await tempDir('launchday-history-');
    for (const [i, delay] of DELAYS_MS.entries()) {
      delayMs = delay;
      const commit = `c${String(i + 1).padStart(2, '0')}`;
      const outcome = await runCli([
        'run',
        scenarioFile('constant-rate.ts'),
        ...['--base-url', server.url, '--out-dir', folder, '--tag', `commit=${commit}`],
        ...['--param', 'rate=40', '--param', 'duration=1s', '--quiet'],
      ]);
      expect(outcome.code, outcome.stderr).toBe(0);
    }
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('reports the slowdown at the first slow run, by commit, and writes its files', async () => {
    const outcome = await runCli(['history', folder, '--tag', 'commit', '--metric', METRIC]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/p\(99\) of hello rose \d+% at run 6 \(commit c06\)/);
    expect(outcome.stdout).toContain('10 runs of constant-rate, ordered by commit; 1 change point');
    const files = await readdir(folder);
    expect(files).toEqual(expect.arrayContaining(['history.html', 'history.json', 'history.md']));
    const report = JSON.parse(
      await readFile(join(folder, 'history.json'), 'utf8'),
    ) as HistoryReport;
    expect(report.runs.map((run) => run.tag)).toEqual(
      DELAYS_MS.map((_, i) => `c${String(i + 1).padStart(2, '0')}`),
    );
    const [metric] = report.metrics;
    expect(metric!.key).toBe(METRIC);
    expect(metric!.changes.map((c) => [c.position, c.tag, c.direction, c.worse])).toEqual([
      [6, 'c06', 'rose', true],
    ]);
    expect(metric!.changes[0]!.after.mean).toBeGreaterThanOrEqual(400);
    expect(metric!.changes[0]!.before.mean).toBeLessThan(400);
    const markdown = await readFile(join(folder, 'history.md'), 'utf8');
    expect(markdown).toMatch(/\*\*p\(99\) of hello rose \d+% at run 6 \(commit c06\)\*\*/);
  });

  it('orders by start time by default, and writes to --out-dir', async () => {
    const out = await tempDir('launchday-history-out-');
    try {
      const outcome = await runCli(['history', folder, '--out-dir', out]);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(outcome.stdout).toMatch(/p\(99\) of all requests rose \d+% at run 6 \(\S+\)/);
      expect((await readdir(out)).sort()).toEqual(['history.html', 'history.json', 'history.md']);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('also reads result files saved under other names beside the run folders', async () => {
    const copy = await tempDir('launchday-history-copy-');
    try {
      const runs = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory());
      for (const [i, run] of runs.entries()) {
        const source = join(folder, run.name, 'result.json');
        if (i < 5) await cp(source, join(copy, `saved-${i}.json`));
        else await cp(join(folder, run.name), join(copy, run.name), { recursive: true });
      }
      await writeFile(join(copy, 'notes.json'), '{"not":"a run"}');
      const outcome = await runCli(['history', copy, '--tag', 'commit']);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(outcome.stdout).toContain('10 runs of constant-rate');
      expect(outcome.stdout).toMatch(/rose \d+% at run 6 \(commit c06\)/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('exits 2 naming the folder or file on bad input', async () => {
    const bad = await tempDir('launchday-history-bad-');
    try {
      const empty = await runCli(['history', bad]);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain(`${bad} holds no run`);
      const missing = await runCli(['history', join(bad, 'nothing')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('there is no such file or folder');
      await mkdir(join(bad, 'run-1'));
      await writeFile(join(bad, 'run-1', 'result.json'), '{"schemaVersion": 1, "runId": ');
      const broken = await runCli(['history', bad]);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain(join(bad, 'run-1', 'result.json'));
      const untagged = await runCli(['history', folder, '--tag', 'branch']);
      expect(untagged.code).toBe(2);
      expect(untagged.stderr).toMatch(/has no tag 'branch'/);
      const selector = await runCli(['history', folder, '--metric', 'nonsense{']);
      expect(selector.code).toBe(2);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
