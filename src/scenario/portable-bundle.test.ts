import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LaunchdayError } from '../core/errors.js';
import { loadScenario } from './loader.js';
import { bundlePortableScenario, PORTABLE_BUNDLE_NAME } from './portable-bundle.js';

const SCENARIO_TS = `import { readFileSync } from 'node:fs';
import { defineScenario } from 'launchday';
import { describe } from './lib/describe.js';

const rate = Number(readFileSync(new URL('./data/rate.txt', import.meta.url), 'utf8'));

export default defineScenario({
  name: 'portable',
  description: describe(),
  workloads: {
    readers: {
      executor: { type: 'constant-arrival-rate', rate, duration: '1s' },
      journey: async () => {},
    },
  },
});
`;

// A helper in a subfolder reads a file next to itself: its import.meta is its own.
const DESCRIBE_TS = `import { readFileSync } from 'node:fs';
export function describe(): string {
  return readFileSync(new URL('./description.txt', import.meta.url), 'utf8').trim();
}
`;

let source: string;

beforeAll(async () => {
  source = await mkdtemp(join(tmpdir(), 'launchday-portable-'));
  await mkdir(join(source, 'lib'));
  await mkdir(join(source, 'data'));
  await writeFile(join(source, 'scenario.ts'), SCENARIO_TS);
  await writeFile(join(source, 'lib', 'describe.ts'), DESCRIBE_TS);
  await writeFile(join(source, 'lib', 'description.txt'), 'read from lib/\n');
  await writeFile(join(source, 'data', 'rate.txt'), '7');
});

describe('bundlePortableScenario', () => {
  it('keeps launchday a bare import and lists the files the scenario reads', async () => {
    const bundle = await bundlePortableScenario(join(source, 'scenario.ts'));
    expect(bundle.code).toMatch(/from "launchday"/);
    expect(bundle.code).not.toContain(source);
    expect(bundle.assets).toEqual([
      { path: 'data/rate.txt', file: join(source, 'data', 'rate.txt') },
      { path: 'lib/description.txt', file: join(source, 'lib', 'description.txt') },
    ]);
  });

  it('runs from another folder holding the bundle and its files, as launchday loads it', async () => {
    const bundle = await bundlePortableScenario(join(source, 'scenario.ts'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'launchday-portable-copy-'));
    await writeFile(join(elsewhere, PORTABLE_BUNDLE_NAME), bundle.code);
    await mkdir(join(elsewhere, 'data'));
    await mkdir(join(elsewhere, 'lib'));
    await writeFile(join(elsewhere, 'data', 'rate.txt'), '9');
    await writeFile(join(elsewhere, 'lib', 'description.txt'), 'shipped\n');
    const loaded = await loadScenario(join(elsewhere, PORTABLE_BUNDLE_NAME));
    expect(loaded.definition.description).toBe('shipped');
    const workloads = loaded.definition.workloads as unknown as {
      readers: { executor: { rate: number } };
    };
    expect(workloads.readers.executor.rate).toBe(9);
  });

  it('refuses a file the scenario reads from outside its folder, naming it', async () => {
    const inner = join(source, 'inner');
    await mkdir(inner, { recursive: true });
    await writeFile(
      join(inner, 'scenario.ts'),
      SCENARIO_TS.replace("'./data/rate.txt'", "'../data/rate.txt'").replace(
        './lib/describe.js',
        '../lib/describe.js',
      ),
    );
    const error = await bundlePortableScenario(join(inner, 'scenario.ts')).catch((e) => e);
    expect(error).toBeInstanceOf(LaunchdayError);
    expect(error.message).toContain(join(source, 'data', 'rate.txt'));
    expect(error.hint).toMatch(/under the scenario's folder/);
  });
});
