import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LaunchdayError } from '../core/errors.js';
import { BUNDLE_CACHE_DIR } from './bundle-scenario.js';
import { loadScenario } from './loader.js';
import type { Workloads } from './types.js';

const SCENARIO_TS = `import { defineScenario, param } from 'launchday';
import { readFileSync } from 'node:fs';
import { feedPath, type Label } from './helper.js';

const fixture = JSON.parse(readFileSync(new URL('./fixture.json', import.meta.url), 'utf8'));
const label: Label = 'feed';

export default defineScenario({
  name: 'example',
  description: fixture.description,
  params: { rate: param.number({ default: 100, min: 1 }) },
  workloads: (p) => ({
    readers: {
      executor: { type: 'constant-arrival-rate', rate: p.rate, duration: '1s' },
      journey: async (ctx) => {
        ctx.check(label, feedPath() === '/v1/feed');
      },
    },
  }),
});
`;

const HELPER_TS = `export type Label = string;
export function feedPath(): string {
  return '/v1/feed';
}
`;

let dir = '';

async function write(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function loadError(file: string): Promise<LaunchdayError> {
  const error = await loadScenario(file).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LaunchdayError);
  return error as LaunchdayError;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchday-loader-test-'));
  await write('helper.ts', HELPER_TS);
  await write('fixture.json', JSON.stringify({ description: 'read next to the scenario' }));
});

// The bundles of this test's scenarios, loaded or not, are those whose inline source map names
// sources in `dir`.
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  for (const entry of await readdir(BUNDLE_CACHE_DIR)) {
    const bundleDir = join(BUNDLE_CACHE_DIR, entry);
    const text = await readFile(join(bundleDir, 'scenario.mjs'), 'utf8').catch(() => '');
    const map = /sourceMappingURL=data:application\/json;base64,(\S+)/.exec(text)?.[1] ?? '';
    const sources = Buffer.from(map, 'base64').toString('utf8');
    if (sources.includes(basename(dir))) await rm(bundleDir, { recursive: true, force: true });
  }
});

describe('loadScenario', () => {
  it('bundles a .ts scenario with a relative helper and binds launchday to the running one', async () => {
    const file = await write('scenario.ts', SCENARIO_TS);
    const loaded = await loadScenario(file);
    expect(loaded.file).toBe(file);
    expect(loaded.bundleFile.startsWith(BUNDLE_CACHE_DIR)).toBe(true);
    expect(loaded.bundleFile.endsWith('scenario.mjs')).toBe(true);
    expect(loaded.definition.name).toBe('example');
    expect(loaded.definition.description).toBe('read next to the scenario');
    expect(Object.isFrozen(loaded.definition.params?.rate)).toBe(true);
    expect((await loadScenario(file)).bundleFile).toBe(loaded.bundleFile);
  });

  it('maps stack traces from the bundle back to the scenario source', async () => {
    const file = await write(
      'stack.ts',
      `type Ctx = { check(name: string, ok: boolean): boolean };
export default {
  name: 'stack',
  workloads: {
    w: {
      executor: { type: 'constant-vus' },
      journey: async (ctx: Ctx): Promise<void> => {
        ctx.check('ran', true);
        throw new Error('journey failed on purpose');
      },
    },
  },
};
`,
    );
    const loaded = await loadScenario(file);
    const journey = (loaded.definition.workloads as Workloads).w!.journey as (
      ctx: unknown,
    ) => Promise<void>;
    const checks: string[] = [];
    const error: Error = await journey({ check: (name: string) => checks.push(name) }).then(
      () => new Error('expected the journey to throw'),
      (thrown: Error) => thrown,
    );
    expect(checks).toEqual(['ran']);
    expect(error.stack).toContain(`${file}:9:15`);
  });

  it('writes bundles that plain Node imports, for .mjs scenarios too', async () => {
    const file = await write(
      'plain.mjs',
      "export default { name: 'plain', workloads: { w: { executor: { type: 'constant-vus' }, journey() {} } } };\n",
    );
    const loaded = await loadScenario(file);
    const script = `import(${JSON.stringify(pathToFileURL(loaded.bundleFile).href)}).then((m) => console.log(m.default.name))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
    expect(stdout.trim()).toBe('plain');
  });

  it('reports a syntax error with file:line:col', async () => {
    const file = await write(
      'syntax.ts',
      "import { defineScenario } from 'launchday';\n\nconst x = {;\n",
    );
    const error = await loadError(file);
    expect(error.code).toBe('LAUNCHDAY_ERR_SCENARIO_LOAD');
    expect(error.issues[0]?.path).toBe(`${file}:3:12`);
    expect(error.message).toContain(`${file}:3:12`);
    expect(error.hint).toMatch(/fix the code/);
  });

  it('reports a package that cannot be resolved, with an install hint', async () => {
    const file = await write(
      'missing-dep.ts',
      "import 'launchday-no-such-package-x';\nexport default {};\n",
    );
    const error = await loadError(file);
    expect(error.issues[0]?.message).toMatch(/Could not resolve "launchday-no-such-package-x"/);
    expect(error.hint).toMatch(/npm install/);
  });

  it('reports a missing file, a missing default export and a throwing module', async () => {
    const missing = await loadError(join(dir, 'nope.ts'));
    expect([missing.code, missing.message]).toEqual([
      'LAUNCHDAY_ERR_SCENARIO_LOAD',
      expect.stringContaining('not found'),
    ]);
    const noDefault = await loadError(await write('no-default.ts', 'export const name = 1;\n'));
    expect(noDefault.message).toMatch(/has no default export$/);
    expect(noDefault.hint).toMatch(/export default defineScenario/);
    const throwing = await loadError(await write('throws.ts', "throw new Error('boom');\n"));
    expect(throwing.message).toMatch(/threw while loading: boom$/);
  });

  it('reports a default export of the wrong shape with paths and a hint', async () => {
    const file = await write(
      'wrong.ts',
      "export default { name: 'w', workloads: { readers: { executor: 'fast', journey: 1 } }, extra: true };\n",
    );
    const error = await loadError(file);
    expect(error.code).toBe('LAUNCHDAY_ERR_INVALID_SCENARIO');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'extra',
      'workloads.readers.executor',
      'workloads.readers.journey',
    ]);
    expect(error.hint).toContain('defineScenario');
  });
});
