import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResult } from '../src/core/read-result.js';
import { runCli, tempDir } from './support/cli.js';
import { compileSchema } from './support/result-schema.js';
import { startSeededTarget, type TargetProcess } from './support/target-process.js';

const SCENARIO = new URL('../scenarios/read-heavy-feed.ts', import.meta.url).pathname;
const TARGET_MAIN = new URL('../dist/target/main.js', import.meta.url).pathname;
const USERS = 200;
const LOAD = [
  ...['users=200', 'accounts=20', 'rate=60'].flatMap((param) => ['--param', param]),
  '--workers',
  '1',
  // One data seed: both sides draw the same mix of actions, as perf.yml's runs do.
  '--seed',
  '7',
];
// The generator shares this machine's cores with the target (and, in a test run, with other
// tests): the refusal of an invalid generator is tested on fixtures, here it is allowed.
const ALLOW = ['--allow', 'generator'];
const validateCompare = compileSchema('compare');

/** One `launchday run` of read-heavy-feed against `url` for `duration`, into `outDir`. */
async function run(
  url: string,
  outDir: string,
  duration: string,
  extra: string[] = [],
): Promise<string> {
  const before = new Set(existsSync(outDir) ? await readdir(outDir) : []);
  const outcome = await runCli([
    'run',
    SCENARIO,
    '--base-url',
    url,
    ...LOAD,
    '--param',
    `duration=${duration}`,
    '--quiet',
    '--out-dir',
    outDir,
    ...extra,
  ]);
  expect([0, 3], outcome.stderr).toContain(outcome.code);
  const [runId] = (await readdir(outDir)).filter((name) => !before.has(name));
  return join(outDir, runId!);
}

describe('launchday compare against the reference service', () => {
  let target: TargetProcess;
  let runs: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    target = await startSeededTarget(USERS);
    runs = await tempDir();
    first = await run(target.url, runs, '6s');
    second = await run(target.url, runs, '6s');
  }, 120_000);
  afterAll(async () => {
    await target?.stop();
  });

  it('finds no regression between two runs of one build, and writes its four files', async () => {
    const out = await tempDir();
    const outcome = await runCli([
      'compare',
      first,
      join(second, 'result.json'),
      '--out-dir',
      out,
      ...ALLOW,
    ]);
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/No regression: /);
    expect(outcome.stdout).toMatch(/http_req_duration\{name:feed\}:p\(50\)/);
    const report = JSON.parse(await readFile(join(out, 'compare.json'), 'utf8'));
    expect(validateCompare(report), JSON.stringify(validateCompare.errors)).toBe(true);
    expect(report.method).toBe('block-bootstrap');
    expect(
      report.comparisons.filter((c: { verdict: string }) => c.verdict === 'regressed'),
    ).toEqual([]);
    for (const file of ['compare.md', 'compare-junit.xml', 'compare.html'])
      expect(existsSync(join(out, file)), file).toBe(true);
  });

  it('refuses runs of another load plan with exit 2, naming the difference and the override', async () => {
    const other = await run(target.url, await tempDir(), '3s');
    const outcome = await runCli(['compare', first, other, ...ALLOW]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/planned differently.*--allow plan/);
    const allowed = await runCli([
      'compare',
      first,
      other,
      '--allow',
      'plan',
      '--out-dir',
      await tempDir(),
      ...ALLOW,
    ]);
    expect([0, 4], allowed.stderr).toContain(allowed.code);
  });

  it('compares with a saved baseline by name', async () => {
    const baselines = await tempDir();
    const saved = await runCli(['baseline', 'save', first, '--name', 'main', '--dir', baselines]);
    expect(saved.code, saved.stderr).toBe(0);
    const outcome = await runCli([
      'compare',
      '--baseline',
      'main',
      '--baseline-dir',
      baselines,
      second,
      '--out-dir',
      await tempDir(),
      ...ALLOW,
    ]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/baseline main/);
    const unknown = await runCli([
      'compare',
      '--baseline',
      'release',
      '--baseline-dir',
      baselines,
      second,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no baseline 'release'.*the baselines there are: main/s);
  });

  it('exits 2 on bad input, naming it', async () => {
    const missing = await runCli(['compare', first, join(runs, 'nothing-here'), ...ALLOW]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothing-here');
    const budget = await runCli(['compare', first, second, '--budget', 'fast', ...ALLOW]);
    expect(budget.code).toBe(2);
    expect(budget.stderr).toMatch(/invalid budget: --budget fast/);
  });
});

describe('launchday ab against two builds of the reference service', () => {
  it('runs A and B in balanced turns on fresh targets and exits 4 naming the regressed request', async () => {
    const template = join(await tempDir(), 'seeded.db');
    const seeded = await runCli(['target', 'seed', '--db', template, '--users', String(USERS)]);
    expect(seeded.code, seeded.stderr).toBe(0);
    const side = (faults: string) =>
      `cp ${template} {dir}/feed.db && exec node ${TARGET_MAIN} start --port {port} --db {dir}/feed.db ${faults}`;
    const out = await tempDir();
    const outcome = await runCli([
      'ab',
      SCENARIO,
      '--a',
      side(''),
      '--b',
      side('--faults latency=25ms'),
      '--repeats',
      '2',
      '--ready-path',
      '/readyz',
      ...LOAD,
      '--param',
      'duration=5s',
      '--out-dir',
      out,
      ...ALLOW,
    ]);
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(4);
    expect(outcome.stdout).toMatch(/Regressed: .*of feed/);
    expect(outcome.stdout).toMatch(/http_req_duration\{name:feed\}:p\(50\).*regressed/);
    const [session] = await readdir(out);
    const results = await Promise.all(
      ['a/a-1', 'a/a-2', 'b/b-1', 'b/b-2'].map((id) =>
        readResult(join(out, session!, id, 'result.json')),
      ),
    );
    const order = [...results]
      .sort((x, y) => x.startedAt.localeCompare(y.startedAt))
      .map((r) => r.runId);
    expect(order).toEqual(['a-1', 'b-1', 'b-2', 'a-2']);
    const markdown = await readFile(join(out, session!, 'compare.md'), 'utf8');
    expect(markdown.split('\n')[0]).toMatch(/Regressed/);
  }, 240_000);
});
