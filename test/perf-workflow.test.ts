import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMPARE_FILE_NAMES } from '../src/outputs/compare-files.js';
import { argvUse } from './support/cli-help.js';
import { type Argv, shellSegments } from './support/compose-file.js';

// GitHub Actions does not run here: the workflow is checked by reading it against the
// repository and the built CLIs (`npm test` builds first), as the compose file is.
const ROOT = new URL('..', import.meta.url).pathname;
const repo = (path: string) => join(ROOT, path);
const CLI = repo('dist/src/cli/main.js');
const TARGET = repo('dist/target/main.js');

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly id?: string;
  readonly if?: string;
  readonly with?: Record<string, string>;
  readonly 'working-directory'?: string;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly jobs: Record<string, { 'timeout-minutes': number; steps: Step[] }>;
}

const workflow = parse(readFileSync(repo('.github/workflows/perf.yml'), 'utf8')) as Workflow;
const steps = workflow.jobs.ab!.steps;

/** The argv of every command in `script`, line continuations joined, `$VARS` kept as text. */
function commands(script: string): Argv[] {
  return script
    .replace(/\\\n/g, ' ')
    .split('\n')
    .flatMap((line) => shellSegments(line));
}

/** The step whose `run` holds a command starting with `prefix`, and that command. */
function commandOf(...prefix: string[]): { step: Step; argv: Argv } {
  for (const step of steps)
    for (const argv of commands(step.run ?? ''))
      if (prefix.every((word, i) => argv[i] === word)) return { step, argv };
  throw new Error(`perf.yml runs no '${prefix.join(' ')}'`);
}

/** Where a checkout's folder sits in this repository: main/ and change/ are both this tree. */
function inRepo(path: string, workingDirectory = ''): string {
  const relative = join(workingDirectory, path).replace(/^(main|change)\//, '');
  return relative.replace(/^\.\.\/(main|change)\//, '');
}

const ab = commandOf('node', 'dist/src/cli/main.js', 'ab');
const abUse = argvUse(CLI, ab.argv.slice(2));
const value = (name: string) => abUse.values.get(name) ?? [];

describe('.github/workflows/perf.yml', () => {
  it('runs on pull requests, within a time limit', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.jobs.ab!['timeout-minutes']).toBeLessThanOrEqual(30);
  });

  it('checks out the change and main into their own folders and builds both', () => {
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((s) => s.with?.path).sort()).toEqual(['change', 'main']);
    expect(checkouts.find((s) => s.with?.path === 'main')?.with?.ref).toContain('base');
    const builds = steps.filter((s) => s.run?.startsWith('npm ci'));
    expect(builds.map((s) => s['working-directory']).sort()).toEqual(['change', 'main']);
    // npm ci builds: `prepare` runs `build`, which writes the files the later steps start.
    const scripts = JSON.parse(readFileSync(repo('package.json'), 'utf8')).scripts;
    expect(scripts.prepare).toBe('npm run build');
    expect(existsSync(CLI) && existsSync(TARGET)).toBe(true);
  });

  it('passes ab only options it has, with a scenario of the repository', () => {
    expect(abUse.used.filter((name) => !abUse.options.has(name))).toEqual([]);
    expect(abUse.positionals).toHaveLength(1);
    expect(existsSync(repo(abUse.positionals[0]!))).toBe(true);
    expect(value('--repeats')).toEqual(['5']);
  });

  it('gives the scenario parameters it declares, with values it accepts', () => {
    const params = value('--param').flatMap((p) => ['--param', p]);
    const out = execFileSync(
      process.execPath,
      [CLI, 'validate', abUse.positionals[0]!, ...params],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    expect(out).toContain('users');
  });

  it("starts each side's reference service from its own checkout, on {port}, from a seeded copy", () => {
    const sides = [...value('--a'), ...value('--b')];
    expect(sides).toHaveLength(2);
    const seeded = [] as string[];
    for (const side of sides) {
      const [copy, start] = shellSegments(side);
      expect(copy?.[0]).toBe('cp');
      const startArgv = start!.filter((word) => word !== 'exec');
      expect(startArgv[0]).toBe('node');
      expect(inRepo(startArgv[1]!, 'change')).toBe('dist/target/main.js');
      const use = argvUse(TARGET, startArgv.slice(2));
      expect(use.command).toBe('start');
      expect(use.used.filter((name) => !use.options.has(name))).toEqual([]);
      expect(use.values.get('--port')).toEqual(['{port}']);
      expect(use.values.get('--db')).toEqual([copy![2]]);
      seeded.push(copy![1]!);
    }
    expect(new Set(seeded).size).toBe(2);
    expect(value('--ready-path')).toEqual(['/readyz']);
    expect(readFileSync(repo('target/routes/health.ts'), 'utf8')).toContain("'/readyz'");
    const seeds = steps
      .flatMap((step) => commands(step.run ?? ''))
      .filter((argv) => argv[0] === 'node' && argv[2] === 'seed')
      .map((argv) => ({ file: inRepo(argv[1]!), use: argvUse(TARGET, argv.slice(2)) }));
    expect(seeds.map((seed) => seed.file)).toEqual(['dist/target/main.js', 'dist/target/main.js']);
    expect(seeds.flatMap((seed) => seed.use.values.get('--db') ?? []).sort()).toEqual(
      seeded.sort(),
    );
    const users = value('--param')
      .find((p) => p.startsWith('users='))
      ?.slice('users='.length);
    for (const seed of seeds) expect(seed.use.values.get('--users')).toEqual([users]);
  });

  it('writes compare.md to the step summary, uploads the reports and fails on exit code 4', () => {
    const outDir = value('--out-dir')[0]!;
    const summary = commands(ab.step.run!).find((argv) => argv[0] === 'cat')!;
    expect(summary.at(-2)).toBe('>>');
    expect(summary.at(-1)).toBe('$GITHUB_STEP_SUMMARY');
    expect(summary[1]).toBe(`${outDir}/*/${COMPARE_FILE_NAMES.markdown}`);
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe('always()');
    expect(upload.with?.path).toMatch(/^\$\{\{ runner\.temp \}\}\/perf\/$/);
    expect(outDir).toBe('$RUNNER_TEMP/perf');
    const gate = steps.at(-1)!;
    expect(gate.if).toBe(`steps.${ab.step.id}.outputs.exit-code != '0'`);
    expect(ab.step.run).toContain('echo "exit-code=$code" >> "$GITHUB_OUTPUT"');
  });
});
