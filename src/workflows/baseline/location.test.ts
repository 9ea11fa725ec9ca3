import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineRoot, checkedName } from './location.js';

describe('baselineRoot', () => {
  it('takes --dir, else $LAUNCHDAY_BASELINE_DIR, else reports/baselines, from the current folder', () => {
    expect(baselineRoot('ci/base', { LAUNCHDAY_BASELINE_DIR: '/env' })).toBe(resolve('ci/base'));
    expect(baselineRoot(undefined, { LAUNCHDAY_BASELINE_DIR: '/env' })).toBe('/env');
    expect(baselineRoot(undefined, { LAUNCHDAY_BASELINE_DIR: '' })).toBe(
      resolve(join('reports', 'baselines')),
    );
  });
});

describe('checkedName', () => {
  it('accepts folder-safe names and refuses the others', () => {
    for (const name of ['main', 'release-1.2', 'pr_42']) expect(checkedName(name)).toBe(name);
    for (const name of ['', '../up', '.hidden', 'a/b', 'x y', 'main.tmp']) {
      expect(() => checkedName(name)).toThrow(`'${name}' cannot name a baseline`);
    }
  });
});
