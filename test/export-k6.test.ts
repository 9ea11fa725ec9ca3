import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli, tempDir } from './support/cli.js';
import { startSeededTarget } from './support/target-process.js';

const REPO = new URL('../', import.meta.url).pathname;
const SCENARIOS = ['smoke', 'read-heavy-feed', 'signup-spike', 'launch-day'] as const;
const K6_MODULE = /^k6(\/[a-z0-9/-]+)?$/;

/** `launchday export k6 <scenario> --out <dir> ...args`, in a fresh folder; the folder and outcome. */
async function exportK6(scenario: string, args: readonly string[] = []) {
  const out = join(await tempDir(), 'k6');
  const outcome = await runCli(['export', 'k6', scenario, '--out', out, '--seed', '7', ...args]);
  return { out, outcome };
}

/** Every module `script` imports (statically or dynamically), as esbuild parses it. */
async function importsOf(script: string): Promise<string[]> {
  const imports = new Set<string>();
  await build({
    entryPoints: [script],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-imports',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            imports.add(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return [...imports].sort();
}

/** The `options` object the script declares (JSON, as the export writes it). */
function optionsOf(script: string) {
  const match = /\nvar options = (\{[\s\S]*?\n\});\n/.exec(script);
  if (match === null) throw new Error('the script declares no options');
  return JSON.parse(match[1]!);
}

describe('launchday export k6', () => {
  it.each(SCENARIOS)(
    'exports %s to a k6 script, an ES module that imports only k6 modules',
    async (name) => {
      const { out, outcome } = await exportK6(join(REPO, `scenarios/${name}.ts`));
      expect(outcome.code, outcome.stderr).toBe(0);
      const script = join(out, 'script.js');
      const imports = await importsOf(script);
      expect(imports.length).toBeGreaterThan(0);
      for (const module of imports) expect(module).toMatch(K6_MODULE);
      const text = await readFile(script, 'utf8');
      const exported = /\nexport \{([^}]*)\}/
        .exec(text)?.[1]
        ?.split(',')
        .map((name) => name.trim());
      expect(exported).toEqual(expect.arrayContaining(['options', 'setup', 'teardown']));
      for (const scenario of Object.values(optionsOf(text).scenarios) as { exec: string }[])
        expect(exported).toContain(scenario.exec);
      expect(outcome.stdout).toContain('k6 run -o experimental-prometheus-rw');
    },
  );

  it('maps the executors and copies the thresholds (launch-day: curve-replay, ramping and a single celebrity)', async () => {
    const { out, outcome } = await exportK6(join(REPO, 'scenarios/launch-day.ts'), [
      '--param',
      'duration=20s',
      '--parallelism',
      '3',
    ]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const options = optionsOf(await readFile(join(out, 'script.js'), 'utf8'));
    expect(options.thresholds).toEqual({
      'http_req_duration{name:signup}': ['p(99)<500'],
      'http_req_duration{name:feed}': ['p(99)<250'],
      http_req_failed: ['rate<0.01'],
      checks: ['rate>0.99'],
    });
    const { signups, returning, celebrity } = options.scenarios;
    expect(signups).toMatchObject({
      executor: 'ramping-arrival-rate',
      exec: 'workload_signups',
      maxVUs: 1000,
    });
    expect(returning).toMatchObject({
      executor: 'ramping-arrival-rate',
      exec: 'workload_returning',
    });
    expect(celebrity).toMatchObject({ executor: 'constant-arrival-rate', rate: 1, maxVUs: 1 });
    for (const stage of [...signups.stages, ...returning.stages])
      expect(Number.isInteger(stage.target)).toBe(true);
    const [configMap, testRun] = parseAllDocuments(
      await readFile(join(out, 'k6-operator.yaml'), 'utf8'),
    ).map((document) => document.toJS());
    expect(testRun).toMatchObject({
      apiVersion: 'k6.io/v1alpha1',
      kind: 'TestRun',
      metadata: { name: 'launch-day' },
      spec: {
        parallelism: 3,
        script: { configMap: { name: 'launch-day-script', file: 'script.js' } },
      },
    });
    expect(configMap.data['script.js']).toBe(await readFile(join(out, 'script.js'), 'utf8'));
    const command = await readFile(join(out, 'run-k6.sh'), 'utf8');
    expect(command).toContain("K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM='true'");
    expect(command).toContain('--tag testid=launch-day script.js');
  });

  it('refuses an unmappable scenario with exit 2, naming what and where, writing nothing', async () => {
    const dir = await tempDir();
    const file = join(dir, 'unmappable.ts');
    await writeFile(
      file,
      [
        "import { readFileSync } from 'node:fs';",
        "import { defineScenario } from 'launchday';",
        'export default defineScenario({',
        "  name: 'unmappable',",
        '  workloads: {',
        '    poisson: {',
        "      executor: { type: 'constant-arrival-rate', rate: 5, duration: '5s', arrivals: 'poisson' },",
        "      journey: async () => { readFileSync('/etc/hostname'); },",
        '    },',
        '  },',
        "  thresholds: { http_req_duration_uncorrected: ['p(99)<100'] },",
        '});',
        '',
      ].join('\n'),
    );
    const mapping = await exportK6(file);
    expect(mapping.outcome.code).toBe(2);
    expect(mapping.outcome.stderr).toContain('workloads.poisson.executor.arrivals');
    expect(mapping.outcome.stderr).toContain('thresholds.http_req_duration_uncorrected');
    await expect(stat(mapping.out)).rejects.toThrow();

    await writeFile(
      file,
      (await readFile(file, 'utf8'))
        .replace(", arrivals: 'poisson'", '')
        .replace('_uncorrected', ''),
    );
    const bundling = await exportK6(file);
    expect(bundling.outcome.code).toBe(2);
    expect(bundling.outcome.stderr).toContain(`${file}:1:`);
    expect(bundling.outcome.stderr).toContain("'node:fs' is a Node.js module");
    await expect(stat(bundling.out)).rejects.toThrow();

    await writeFile(
      file,
      (await readFile(file, 'utf8'))
        .replace(
          "import { readFileSync } from 'node:fs';",
          "import { runScenario } from 'launchday';",
        )
        .replace("readFileSync('/etc/hostname');", 'void runScenario;'),
    );
    const api = await exportK6(file);
    expect(api.outcome.code).toBe(2);
    expect(api.outcome.stderr).toContain(`${file}:1:`);
    expect(api.outcome.stderr).toContain("'launchday' has no runScenario in k6");
  });

  it('refuses bad input as validate does, with exit 2 before writing', async () => {
    const { out, outcome } = await exportK6(join(REPO, 'scenarios/read-heavy-feed.ts'), [
      '--param',
      'rate=-1',
    ]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--param rate');
    await expect(stat(out)).rejects.toThrow();
  });
});

/** The path of `k6` on PATH, or undefined. */
function k6OnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const path = join(dir, 'k6');
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {}
  }
  return undefined;
}

/** Runs `k6 run` on `script` (in its folder) and resolves with its exit code and output. */
function runK6(k6: string, script: string, summary: string) {
  const child = spawn(
    k6,
    ['run', '--no-usage-report', '--quiet', '--summary-export', summary, script],
    {
      cwd: join(script, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  );
}

const K6 = k6OnPath();
const RUNS = [
  ['read-heavy-feed', ['rate=20', 'duration=5s', 'accounts=10'], 100],
  ['signup-spike', ['peak=10', 'ramp=2s', 'plateau=3s', 'decay=2s', 'think=0.2'], 52],
] as const;

describe('an exported script in a real k6', () => {
  it('runs read-heavy-feed and signup-spike against the reference service with the planned iterations', async (context) => {
    if (K6 === undefined) {
      const note =
        'k6 is not on PATH: install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/) to run the exported scripts for real; CI has none';
      process.stderr.write(`skipping the real k6 run: ${note}\n`);
      context.skip(note);
      return;
    }
    const target = await startSeededTarget(10_000);
    try {
      for (const [name, params, planned] of RUNS) {
        const { out, outcome } = await exportK6(join(REPO, `scenarios/${name}.ts`), [
          '--base-url',
          target.url,
          ...params.flatMap((param) => ['--param', param]),
        ]);
        expect(outcome.code, outcome.stderr).toBe(0);
        const summary = join(out, 'summary.json');
        const k6 = await runK6(K6, join(out, 'script.js'), summary);
        expect(k6.code, k6.output).toBe(0);
        const { metrics } = JSON.parse(await readFile(summary, 'utf8'));
        expect(metrics.iterations.count).toBe(planned);
        expect(metrics.checks.fails, k6.output).toBe(0);
        expect(metrics.checks.passes).toBeGreaterThan(0);
        expect(metrics.launchday_writes.count).toBeGreaterThan(0);
      }
    } finally {
      await target.stop();
    }
  }, 180_000);
});
